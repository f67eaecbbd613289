// Personalisation on the device in Debian Chromium (playwright-core): createTandem (policy
// 'route', the page's localStorage as `storage`) against a running `tandem serve` of the pair's
// large model, the local engine the small one. A router whose score sits just below its
// threshold keeps a prompt local; the user's "ask the server too" on that answer makes the next
// request of the same prompt go to the server, without any request to the server for the
// feedback itself; after a page reload a new Tandem with the same router.json still sends it to
// the server (the personalised router came back from localStorage); reset() brings it back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRig, PAIR, PAIR_SMALL, pairRig, type PairRig } from './harness.js';

const LOCAL = PAIR_SMALL;
const PROMPT = PAIR ? 'Convert 42 mile to furlong.' : 'The Licensor grants You';
const KEY = 'sk-personal-test';

let rig: PairRig | undefined;
let api: string;
let page: Page;

/** In the page: the local engine and a routed Tandem over `window.router`'s router.json (score
 * sigmoid(-0.1) ≈ 0.475 for every prompt, threshold 0.5), persisting in localStorage. */
async function open(p: Page): Promise<void> {
  await p.evaluate(
    async ({ model, api, key }) => {
      const w = window as any;
      w.engine = await w.tandem.createEngine({ model, backend: 'auto' });
      const dim = 2 * (await w.engine.info()).hiddenSize;
      const router = {
        version: 'tandem-router/1', kind: 'logistic', dim,
        mean: Array(dim).fill(0), scale: Array(dim).fill(1), weights: Array(dim).fill(0),
        bias: -0.1, threshold: 0.5, target_share: 0.5, label: 'disagreement', trained_on: 0,
      };
      w.t = await w.tandem.createTandem({
        local: w.engine,
        server: { baseURL: `${api}/v1`, apiKey: key, model: 'large' },
        router,
        policy: 'route',
        rules: { sticky: false },
        storage: localStorage,
      });
    },
    { model: LOCAL, api, key: KEY },
  );
}

/** The route of the prompt's answer now, and the answer's id. */
function ask(p: Page): Promise<{ id: string; route: string; score: number }> {
  return p.evaluate(async (prompt) => {
    const c = await (window as any).t.chat.completions.create({ messages: [{ role: 'user', content: prompt }], max_tokens: 8, temperature: 0 });
    return { id: c.id, route: c.tandem.route, score: c.tandem.scores.router };
  }, PROMPT);
}

beforeAll(async () => {
  rig = await pairRig(KEY, { webgpu: true });
  ({ api, page } = rig);
  await page.evaluate(() => localStorage.clear());
  await open(page);
}, 180_000);

afterAll(() => closeRig(rig));

describe('personalisation on the device', () => {
  it('feedback changes the next decision for the prompt and survives a reload', async () => {
    const before = await ask(page);
    expect(before.route).toBe('local');
    expect(before.score).toBeCloseTo(1 / (1 + Math.exp(0.1)), 5);

    // The feedback itself sends nothing anywhere.
    const sent: string[] = [];
    const onRequest = (r: { url(): string }) => sent.push(r.url());
    page.on('request', onRequest);
    const fb = await page.evaluate((id) => (window as any).t.feedback(id, 'ask_server'), before.id);
    page.off('request', onRequest);
    expect(sent).toEqual([]);
    expect(fb).toMatchObject({ label: 'server', route: 'local', events: 1 });
    expect(fb.after).toBeGreaterThan(0.5);

    const after = await ask(page);
    expect(after.route).toBe('server');
    expect(after.score).toBeCloseTo(fb.after, 4);

    // A reload: the page, the engine and the Tandem made again from the same router.json.
    await page.evaluate(() => (window as any).engine.unload());
    await page.reload();
    await page.waitForFunction(() => (window as any).tandemReady === true);
    await open(page);
    const reloaded = await ask(page);
    expect(reloaded).toMatchObject({ route: 'server' });
    expect(reloaded.score).toBeCloseTo(fb.after, 4);
    const personal = await page.evaluate(() => {
      const t = (window as any).t;
      return { events: t.personalisation.events, exported: JSON.parse(t.personalisation.export()).personal };
    });
    expect(personal.events).toBe(1);
    expect(personal.exported).toMatchObject({ events: 1, base_bias: -0.1 });

    await page.evaluate(() => (window as any).t.personalisation.reset());
    expect((await ask(page)).route).toBe('local');
  });
});
