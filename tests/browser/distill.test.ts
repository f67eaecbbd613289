// The distillation log (issue 17) in Debian Chromium (playwright-core): createTandem({ distill:
// { log: true } }) against a running `tandem serve` of the pair's LARGE model. The server's
// answers (JSON and streamed) land in IndexedDB (database `tandem-distill`, read directly from the
// page), with the server's top-k logprobs whose tokens spell the answer; the app sees no logprobs
// it did not ask for; a second Tandem of the page (a reload, in effect) sees the same records;
// export() gives the JSON lines and clear() empties the store; the cap drops the oldest.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRig, PAIR, PAIR_SMALL, pairRig, type PairRig } from './harness.js';

const LOCAL = PAIR_SMALL;
const PROMPT = PAIR ? 'Where does Baboze live?' : 'The Licensor grants You';
const KEY = 'sk-distill-test';

let rig: PairRig | undefined;
let api: string;
let page: Page;

beforeAll(async () => {
  rig = await pairRig(KEY, { webgpu: false });
  ({ api, page } = rig);
  await page.evaluate(async (model) => {
    const w = window as any;
    w.engine = await w.tandem.createEngine({ model, backend: 'cpu' });
  }, LOCAL);
}, 180_000);

afterAll(() => closeRig(rig));

describe('the distillation log in Chromium', () => {
  it('server answers land in IndexedDB with their logprobs, survive a new Tandem, export and clear', async () => {
    const r = await page.evaluate(
      async ({ api, key, prompt }) => {
        const w = window as any;
        const opts = { local: w.engine, server: { baseURL: `${api}/v1`, apiKey: key, model: 'large' }, policy: 'server', distill: { log: true, topLogprobs: 3 } };
        const t = await w.tandem.createTandem(opts);
        const req = { messages: [{ role: 'user', content: prompt }], max_tokens: 24, temperature: 0 };
        const json = await t.chat.completions.create(req);
        let streamed = '';
        let sawLogprobs = false;
        for await (const c of await t.chat.completions.create({ ...req, stream: true })) {
          streamed += c.choices[0]?.delta?.content ?? '';
          if (c.choices[0]?.logprobs) sawLogprobs = true;
        }
        const count = await t.distillation.count();
        // IndexedDB itself, as another script of the page would read it.
        const idb = await new Promise<string[]>((resolve, reject) => {
          const o = indexedDB.open('tandem-distill');
          o.onerror = () => reject(o.error);
          o.onsuccess = () => {
            const g = o.result.transaction('records', 'readonly').objectStore('records').getAll();
            g.onsuccess = () => {
              o.result.close();
              resolve(g.result as string[]);
            };
            g.onerror = () => reject(g.error);
          };
        });
        // A second Tandem on the same page (as after a reload) sees the same log.
        const t2 = await w.tandem.createTandem(opts);
        const exported = await t2.distillation.export();
        const blob = await t2.distillation.exportBlob();
        // The cap: a Tandem keeping 1 record drops the oldest on its next answer.
        const capped = await w.tandem.createTandem({ ...opts, distill: { log: true, maxRecords: 1 } });
        await capped.chat.completions.create(req);
        const afterCap = await capped.distillation.count();
        await t2.distillation.clear();
        return {
          text: json.choices[0].message.content, jsonLogprobs: json.choices[0].logprobs, streamed, sawLogprobs,
          count, idb, exported, blobType: blob.type, blobSize: blob.size, afterCap, afterClear: await t.distillation.count(),
        };
      },
      { api, key: KEY, prompt: PROMPT },
    );
    expect(r.jsonLogprobs).toBeNull();
    expect(r.sawLogprobs).toBe(false);
    expect(r.streamed).toBe(r.text);
    expect(r.count).toBe(2);
    expect(r.idb).toHaveLength(2);
    const recs = r.idb.map((l) => JSON.parse(l));
    for (const rec of recs) {
      expect(rec).toMatchObject({ format: 'tandem-distill/1', model: 'large', route: 'server', reason: 'policy: server', answer: r.text });
      expect(rec.messages).toEqual([{ role: 'user', content: PROMPT }]);
      // The tokens spell the answer (tandem-serve also reports the stop token it ended on).
      const spelled = rec.logprobs.map((t: { token: string }) => t.token).join('');
      expect(spelled.startsWith(r.text)).toBe(true);
      expect(rec.logprobs[0].top_logprobs).toHaveLength(3);
    }
    expect(r.exported).toBe(r.idb.map((l) => `${l}\n`).join(''));
    expect(r.blobType).toBe('application/jsonl');
    expect(r.blobSize).toBe(new TextEncoder().encode(r.exported).length);
    expect(r.afterCap).toBe(1);
    expect(r.afterClear).toBe(0);
  });
});
