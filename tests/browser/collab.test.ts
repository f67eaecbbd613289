// createTandem in Debian Chromium (playwright-core) against a running `tandem serve` of the pair's
// LARGE model, on a page of another origin whose local engine runs the SMALL one (until the pair
// is trained: license-llama on both sides). (1) local, server and cascade-escalated answers, each
// reported in `tandem` (route, rule, reason, scores, token and call counts); the server's text is
// the native CLI's greedy text of the large model; a streamed escalation supersedes the local
// tokens; (2) a privacy-class request (explicit or classified) makes no request to the server
// (every request of the page counted); (3) a server that is down is answered for locally, with
// its reason; (4) a routing decision (features already computed → Router.routeScore → decide)
// costs ≤ 1 ms over 2000 iterations; (5) the wasm bundle is ≤ 2 MB gzipped (CompressionStream);
// (6) the privacy pipeline: every request the page makes is read and holds none of the PII
// strings (the receipt is exactly the body sent), and a local-only class makes no request.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliPath, freePort, launch, manifestUrl, openPage, ROOT, serve, startTandemServe, type Server } from './harness.js';

const PAIR = existsSync(join(ROOT, 'models/pair/large/model.safetensors')) && existsSync(join(ROOT, 'models/manifests/pair-small.json'));
const LOCAL = manifestUrl(PAIR ? 'pair-small' : 'license-llama');
const LARGE = PAIR ? 'models/pair/large' : 'models/demo/license-llama';
const PROMPT = PAIR ? 'Where does Baboze live?' : 'The Licensor grants You';
const KEY = 'sk-collab-test';
const MAX_TOKENS = 16;

let srv: Server;
let api: string;
let server: ChildProcess;
let ctx: BrowserContext;
let page: Page;

/** The native CLI's greedy chat answer of the large model. */
function cliText(): string {
  const out = execFileSync(
    cliPath(),
    ['generate', '--model', join(ROOT, LARGE), '--prompt', PROMPT, '--chat', '--max-new-tokens', String(MAX_TOKENS), '--backend', 'cpu', '--json'],
    { encoding: 'utf8', env: { ...process.env, RAYON_NUM_THREADS: '1' } },
  );
  return JSON.parse(out).text;
}

beforeAll(async () => {
  console.log(`collab e2e: local ${LOCAL}, server ${LARGE}${PAIR ? '' : ' (the pair is not trained yet)'}`);
  srv = await serve();
  ({ api, process: server } = await startTandemServe(LARGE, KEY, srv.url, ['--model-id', 'large']));
  ctx = await launch({ webgpu: true });
  page = await openPage(ctx, srv);
  // One local engine for the page (WebGPU on SwiftShader, or the CPU), shared by every Tandem.
  await page.evaluate(async (model) => {
    const w = window as any;
    w.engine = await w.tandem.createEngine({ model, backend: 'auto' });
    const info = await w.engine.info();
    // A router of the local model's shape whose score is sigmoid(bias) whatever the prompt.
    w.router = (bias: number) => ({
      version: 'tandem-router/1', kind: 'logistic', dim: 2 * info.hiddenSize,
      mean: Array(2 * info.hiddenSize).fill(0), scale: Array(2 * info.hiddenSize).fill(1), weights: Array(2 * info.hiddenSize).fill(0),
      bias, threshold: 0.5, target_share: 0.5, label: 'disagreement', trained_on: 0,
    });
  }, LOCAL);
}, 180_000);

afterAll(async () => {
  await page?.evaluate(() => (window as any).engine?.unload()).catch(() => {});
  await ctx?.close();
  server?.kill('SIGTERM');
  await srv?.close();
});

/** Requests the page sent to the LLM server (any method), counted from the browser's side. */
function countServerRequests(p: Page): { n: number; stop: () => void } {
  const c = { n: 0, stop: () => {} };
  const on = (r: { url(): string }) => {
    if (r.url().startsWith(api)) c.n++;
  };
  p.on('request', on);
  c.stop = () => p.off('request', on);
  return c;
}

describe('createTandem against tandem serve', () => {
  it('local, server and cascade-escalated answers, each reported in `tandem`', async () => {
    const r = await page.evaluate(
      async ({ api, key, prompt, max }) => {
        const w = window as any;
        const server = { baseURL: `${api}/v1`, apiKey: key, model: 'large' };
        const messages = [{ role: 'user', content: prompt }];
        const req = { messages, max_tokens: max, temperature: 0 };
        const toServer = await w.tandem.createTandem({ local: w.engine, server, router: w.router(4), policy: 'route' });
        const toLocal = await w.tandem.createTandem({ local: w.engine, server, router: w.router(-4), policy: 'route' });
        // mean_logprob's score is -mean ≥ 0: a threshold below 0 always escalates, a huge one never.
        const escalating = await w.tandem.createTandem({ local: w.engine, server, policy: 'cascade', rules: { cascade: { signal: 'mean_logprob', threshold: -1 } } });
        const keeping = await w.tandem.createTandem({ local: w.engine, server, policy: 'cascade', rules: { cascade: { signal: 'mean_logprob', threshold: 1000 } } });
        const server_ = await toServer.chat.completions.create(req);
        const local = await toLocal.chat.completions.create(req);
        const cascaded = await escalating.chat.completions.create(req);
        const kept = await keeping.chat.completions.create(req);
        const chunks: any[] = [];
        // A conversation of its own: the one above escalated, and sticks to the server.
        for await (const c of await escalating.chat.completions.create({ ...req, stream: true, tandem: { conversation: 'streamed' } })) chunks.push(c);
        const plainLocal = await w.engine.chat.completions.create(req);
        return { server: server_, local, cascaded, kept, chunks, plainLocal: plainLocal.choices[0].message.content };
      },
      { api, key: KEY, prompt: PROMPT, max: MAX_TOKENS },
    );
    const want = cliText();
    const text = (c: any) => c.choices[0].message.content;
    for (const [name, c] of Object.entries(r).filter(([k]) => k !== 'chunks' && k !== 'plainLocal')) {
      console.log(`${name}: ${JSON.stringify(text(c))} ← ${JSON.stringify({ ...(c as any).tandem, tokens: undefined })}`);
    }

    expect(r.server.tandem).toMatchObject({ route: 'server', rule: 'score', policy: 'route', server_calls: 1, local_tokens: 0 });
    expect(r.server.tandem.reason).toBe('router: score 0.98 > threshold 0.50');
    expect(r.server.tandem.scores.router).toBeCloseTo(1 / (1 + Math.exp(-4)), 5);
    expect(r.server.tandem.server_tokens).toBe(r.server.usage.completion_tokens);
    expect(r.server.model).toBe('large');
    expect(text(r.server)).toBe(want);

    expect(r.local.tandem).toMatchObject({ route: 'local', rule: 'score', reason: 'router: score 0.02 ≤ threshold 0.50', server_calls: 0, server_tokens: 0 });
    expect(r.local.tandem.local_tokens).toBe(r.local.usage.completion_tokens);
    // The router's prefill stays in the KV cache: the answer feeds only the prompt's last token.
    expect(r.local.usage.prompt_tokens_details.cached_tokens).toBe(r.local.usage.prompt_tokens - 1);
    expect(['webgpu', 'cpu']).toContain(r.local.tandem.backend);
    expect(text(r.local)).toBe(r.plainLocal);

    expect(r.cascaded.tandem).toMatchObject({ route: 'server', rule: 'cascade', policy: 'cascade', server_calls: 1 });
    expect(r.cascaded.tandem.reason).toMatch(/^cascade: mean logprob -?\d+\.\d\d below 1\.00 → escalate$/);
    expect(r.cascaded.tandem.local_tokens).toBeGreaterThan(0);
    expect(text(r.cascaded)).toBe(want);

    expect(r.kept.tandem).toMatchObject({ route: 'local', rule: 'cascade', server_calls: 0 });
    expect(r.kept.tandem.reason).toMatch(/→ keep local$/);
    expect(text(r.kept)).toBe(r.plainLocal);

    // Streamed escalation: the local tokens, a superseded chunk with the reason, the server's.
    const at = r.chunks.findIndex((c: any) => c.tandem?.superseded);
    expect(at).toBeGreaterThan(0);
    expect(r.chunks.slice(0, at).map((c: any) => c.choices[0]?.delta.content ?? '').join('')).toBe(r.plainLocal);
    expect(r.chunks[at].tandem).toMatchObject({ superseded: true, route: 'server', rule: 'cascade' });
    expect(r.chunks.slice(at + 1).map((c: any) => c.choices[0]?.delta.content ?? '').join('')).toBe(want);
    expect(r.chunks.at(-1).tandem).toMatchObject({ route: 'server', server_calls: 1 });
    expect(new Set(r.chunks.map((c: any) => c.id)).size).toBe(1);
  });

  it('a privacy-class request makes no request to the server', async () => {
    const seen = countServerRequests(page);
    try {
      const r = await page.evaluate(
        async ({ api, key, prompt }) => {
          const w = window as any;
          const t = await w.tandem.createTandem({
            local: w.engine, server: { baseURL: `${api}/v1`, apiKey: key, model: 'large' }, policy: 'server',
            rules: { classify: (m: { content: string }[]) => (m.some((x) => /diagnos/i.test(x.content)) ? 'health' : undefined) },
          });
          const explicit = await t.chat.completions.create({ messages: [{ role: 'user', content: prompt }], max_tokens: 8, temperature: 0, tandem: { privacy: 'health' } });
          const chunks: any[] = [];
          const s = await t.chat.completions.create({ messages: [{ role: 'user', content: 'my diagnosis is private' }], max_tokens: 8, temperature: 0, stream: true });
          for await (const c of s) chunks.push(c);
          return { explicit: explicit.tandem, classified: chunks.at(-1).tandem };
        },
        { api, key: KEY, prompt: PROMPT },
      );
      expect(r.explicit).toMatchObject({ route: 'local', rule: 'privacy', reason: 'privacy: health never leaves the device', server_calls: 0 });
      expect(r.classified).toMatchObject({ route: 'local', rule: 'privacy', server_calls: 0 });
      expect(seen.n).toBe(0);
      // The counter does see this page's requests to the server.
      await page.evaluate(async ({ api, key }) => {
        const w = window as any;
        const t = await w.tandem.createTandem({ local: w.engine, server: { baseURL: `${api}/v1`, apiKey: key, model: 'large' }, policy: 'server' });
        await t.chat.completions.create({ messages: [{ role: 'user', content: 'hello' }], max_tokens: 2 });
      }, { api, key: KEY });
      expect(seen.n).toBeGreaterThan(0);
    } finally {
      seen.stop();
    }
  });

  it('a server that is down: the local engine answers, with the reason', async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const r = await page.evaluate(
      async ({ down, prompt }) => {
        const w = window as any;
        const t = await w.tandem.createTandem({ local: w.engine, server: { baseURL: `${down}/v1`, model: 'large' }, router: w.router(4), policy: 'route' });
        const req = { messages: [{ role: 'user', content: prompt }], max_tokens: 8, temperature: 0 };
        const first = await t.chat.completions.create(req);
        const chunks: any[] = [];
        for await (const c of await t.chat.completions.create({ ...req, stream: true })) chunks.push(c);
        return { first: first.tandem, text: first.choices[0].message.content, streamed: chunks.at(-1).tandem };
      },
      { down, prompt: PROMPT },
    );
    expect(r.first).toMatchObject({ route: 'local', rule: 'server_unreachable', server_calls: 1 });
    expect(r.first.reason).toMatch(/^server unreachable: network error: /);
    expect(r.first.scores.router).toBeGreaterThan(0.9);
    expect(r.text.length).toBeGreaterThan(0);
    // The next request does not wait for the dead server again.
    expect(r.streamed).toMatchObject({ route: 'local', rule: 'server_unreachable', reason: 'server unreachable', server_calls: 0 });
  });
});

describe("policy 'speculative' against tandem serve", () => {
  /** The first prompts of the pair's held-out split, one per family and level. */
  const prompts = (): string[] =>
    readFileSync(join(ROOT, 'models/pair/suite/test.jsonl'), 'utf8').trim().split('\n').slice(0, 12)
      .map((l) => JSON.parse(l).messages[0].content);
  const MAX = 32;

  it('greedy: byte-identical to the server alone (JSON and streamed); rounds and acceptance reported', async () => {
    const r = await page.evaluate(
      async ({ api, key, prompts, max }) => {
        const w = window as any;
        const server = { baseURL: `${api}/v1`, apiKey: key, model: 'large' };
        const alone = await w.tandem.createTandem({ local: w.engine, server, policy: 'server' });
        const spec = await w.tandem.createTandem({ local: w.engine, server, policy: 'speculative' });
        const rows = [];
        for (const p of prompts) {
          const req = { messages: [{ role: 'user', content: p }], max_tokens: max, temperature: 0 };
          const a = await alone.chat.completions.create(req);
          const s = await spec.chat.completions.create(req);
          let streamed = '';
          let last: any;
          for await (const c of await spec.chat.completions.create({ ...req, stream: true, tandem: { conversation: `s-${p}` } })) {
            streamed += c.choices[0]?.delta?.content ?? '';
            last = c;
          }
          rows.push({ p, server: a.choices[0].message.content, spec: s.choices[0].message.content, streamed, tandem: s.tandem, streamedTandem: last.tandem, usage: s.usage });
        }
        return rows;
      },
      { api, key: KEY, prompts: prompts(), max: MAX },
    );
    let passes = 0;
    let out = 0;
    for (const row of r) {
      expect(row.spec, row.p).toBe(row.server);
      expect(row.streamed, row.p).toBe(row.server);
      expect(row.tandem).toMatchObject({ route: 'server', rule: 'policy', policy: 'speculative' });
      expect(row.streamedTandem).toMatchObject({ route: 'server', rule: 'policy' });
      const sp = row.tandem.speculative;
      expect(sp.rounds).toBe(row.tandem.server_calls);
      expect(sp.accepted_tokens).toBeLessThanOrEqual(sp.draft_tokens);
      passes += sp.rounds;
      out += row.usage.completion_tokens;
    }
    console.log(`speculative in Chromium: ${r.length} prompts byte-identical; ${(passes / out).toFixed(3)} server passes per output token`);
    expect(passes / out).toBeLessThan(0.6);
  });

  for (const fault of ['a 500', 'the connection reset', 'a stalled verify'] as const) {
    it(`${fault} mid-answer: the local model finishes from the verified tokens, nothing lost or repeated`, async () => {
      const [prompt] = prompts();
      const calls: { draft: number[]; accepted: number; correction: number }[] = [];
      await page.route(`${api}/v1/verify`, async (route) => {
        if (calls.length === 0) {
          const res = await route.fetch();
          const v = await res.json();
          calls.push({ draft: route.request().postDataJSON().draft_ids, accepted: v.accepted, correction: v.correction });
          await route.fulfill({ response: res, json: v });
        } else if (fault === 'a 500') {
          await route.fulfill({ status: 500, json: { error: { message: 'model thread crashed' } } });
        } else if (fault === 'the connection reset') {
          await route.abort('connectionreset');
        }
        // A stalled verify: never answered (the client's timeout ends it).
      });
      try {
        const r = await page.evaluate(
          async ({ api, key, prompt, max }) => {
            const w = window as any;
            const t = await w.tandem.createTandem({
              local: w.engine, server: { baseURL: `${api}/v1`, apiKey: key, model: 'large', timeoutMs: 1500 },
              policy: 'speculative', speculative: { k: 4 },
            });
            const c = await t.chat.completions.create({ messages: [{ role: 'user', content: prompt }], max_tokens: max, temperature: 0 });
            return { text: c.choices[0].message.content, tandem: c.tandem, promptIds: await w.engine.tokens.promptIds([{ role: 'user', content: prompt }]) };
          },
          { api, key: KEY, prompt, max: MAX },
        );
        expect(calls).toHaveLength(1);
        const verified = [...calls[0]!.draft.slice(0, calls[0]!.accepted), calls[0]!.correction];
        expect(r.tandem).toMatchObject({ route: 'local', rule: 'server_unreachable', server_tokens: verified.length });
        expect(r.tandem.reason).toMatch(new RegExp(`^verify failed after ${verified.length} server-verified tokens \\(.+\\): the local model finished the answer$`));
        // The answer: exactly the verified tokens, then the local model's greedy continuation of them.
        const want = await page.evaluate(
          async ({ ids, verified, max }) => {
            const w = window as any;
            const rest = await w.engine.tokens.draft({ ids: ids.concat(verified), k: max - verified.length, temperature: 0, seed: 0 });
            return w.engine.tokens.decode(verified.concat(rest.ids));
          },
          { ids: r.promptIds, verified, max: MAX },
        );
        expect(r.text).toBe(want);
        expect(r.tandem.speculative.local_tail_tokens).toBeGreaterThan(0);
      } finally {
        await page.unroute(`${api}/v1/verify`);
      }
    });
  }
});

describe('the privacy pipeline (createTandem({ privacy }))', () => {
  const PII = ['Zoë Müller', 'zoë@example.de', '+49 30 1234567', 'DE89 3704 0044 0532 0130 00', '4539 1488 0343 6467'];
  const TEXT = 'My name is Zoë Müller (zoë@example.de, +49 30 1234567), IBAN DE89 3704 0044 0532 0130 00. Where does Baboze live?';

  it('no PII string in any request the page makes; the receipt is exactly what was sent', async () => {
    const seen: { url: string; body: string }[] = [];
    const on = (r: { url(): string; postData(): string | null }) => seen.push({ url: r.url(), body: r.postData() ?? '' });
    page.on('request', on);
    const r = await page.evaluate(
      async ({ api, key, text }) => {
        const w = window as any;
        const t = await w.tandem.createTandem({ local: w.engine, server: { baseURL: `${api}/v1`, apiKey: key, model: 'large' }, policy: 'server', privacy: 'redact' });
        const messages = [{ role: 'user', content: text }];
        const json = await t.chat.completions.create({ messages, max_tokens: 8, temperature: 0 });
        const chunks: any[] = [];
        for await (const c of await t.chat.completions.create({ messages, max_tokens: 8, temperature: 0, stream: true })) chunks.push(c);
        return { json: json.tandem, streamed: chunks.at(-1).tandem };
      },
      { api, key: KEY, text: TEXT },
    );
    page.off('request', on);
    const toServer = seen.filter((s) => s.url.startsWith(api));
    console.log(`privacy: ${seen.length} requests seen, ${toServer.length} to the server; sent ${JSON.stringify(r.json.privacy.sent)}`);
    expect(toServer).toHaveLength(2);
    for (const s of seen) {
      for (const v of PII) {
        expect(s.url, s.url).not.toContain(encodeURIComponent(v));
        expect(s.url).not.toContain(v);
        expect(s.body, `${v} in a request body`).not.toContain(v);
        expect(s.body).not.toContain(JSON.stringify(v).slice(1, -1)); // as a JSON string escapes it
      }
    }
    for (const [i, info] of [r.json, r.streamed].entries()) {
      expect(info).toMatchObject({ route: 'server', server_calls: 1, privacy: { local_only: [] } });
      expect(JSON.parse(toServer[i]!.body).messages).toEqual(info.privacy.sent);
      expect(info.privacy.sent[0].content).toBe('My name is [PERSON_1] ([EMAIL_1], [PHONE_1]), IBAN [IBAN_1]. Where does Baboze live?');
    }
  });

  it("a 'local-only' class makes no request at all", async () => {
    const seen: string[] = [];
    const on = (r: { url(): string }) => seen.push(r.url());
    const t = await page.evaluateHandle(
      ({ api, key }) =>
        (window as any).tandem.createTandem({
          local: (window as any).engine, server: { baseURL: `${api}/v1`, apiKey: key, model: 'large' }, policy: 'server',
          privacy: { default: 'redact', levels: { credit_card: 'local-only' } },
        }),
      { api, key: KEY },
    );
    page.on('request', on);
    const info = await page.evaluate(async (t: any) => {
      const c = await t.chat.completions.create({ messages: [{ role: 'user', content: 'Charge 4539 1488 0343 6467, then answer.' }], max_tokens: 4 });
      return c.tandem;
    }, t);
    page.off('request', on);
    expect(info).toMatchObject({ route: 'local', rule: 'privacy', reason: 'privacy: credit_card never leaves the device', server_calls: 0 });
    expect(info.privacy).toMatchObject({ sent: null, local_only: ['credit_card'] });
    expect(seen).toEqual([]);
  });
});

describe('measured in Chromium', () => {
  it('a routing decision (features computed → Router.routeScore → decide) takes ≤ 1 ms', async () => {
    const r = await page.evaluate(async (prompt) => {
      const w = window as any;
      const policy = await w.tandem.loadCollab();
      const features = await w.engine.promptFeatures([{ role: 'user', content: prompt }]);
      const x = new Float32Array([...features.mean, ...features.last]);
      const router = policy.Router.fromJson(JSON.stringify({ ...w.router(0), weights: Array.from(x, (_: number, i: number) => Math.sin(i)) }));
      const context = { online: true, server_available: true, rtt_ms: 120, latency_target_ms: 800, metered: false, battery_low: false, budget: { calls_today: 3, max_calls_per_day: 100 } };
      let d;
      for (let i = 0; i < 200; i++) d = policy.decide(context, router.routeScore(x));
      const n = 2000;
      const t0 = performance.now();
      for (let i = 0; i < n; i++) d = policy.decide(context, router.routeScore(x));
      const ms = (performance.now() - t0) / n;
      router.free();
      return { ms, dim: x.length, d };
    }, PROMPT);
    console.log(`routing decision: ${(r.ms * 1000).toFixed(1)} µs per decision (${r.dim} features, 2000 iterations): ${r.d.reason}`);
    expect(r.d.rule).toBe('score');
    expect(r.ms).toBeLessThanOrEqual(1);
  });

  it('the wasm bundle is ≤ 2 MB gzipped', async () => {
    const r = await page.evaluate(async () => {
      const res = await fetch('/web/packages/tandem/wasm/tandem_wasm_bg.wasm');
      const raw = (await res.clone().arrayBuffer()).byteLength;
      const gz = res.body!.pipeThrough(new CompressionStream('gzip'));
      let bytes = 0;
      const reader = gz.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
      }
      return { raw, gz: bytes };
    });
    console.log(`wasm bundle: ${r.raw} bytes, ${r.gz} gzipped (CompressionStream)`);
    expect(r.gz).toBeLessThanOrEqual(2_000_000);
  });
});
