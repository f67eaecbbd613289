// The distillation log (issue 17) in node: createTandem with `distill` over a fake local engine,
// a fake server and an injected store (no IndexedDB here). What is logged (server answers to
// escalated requests only), what the server is asked (logprobs), what the app sees (no logprobs
// it did not ask for), the cap, and that a failing store never fails an answer.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import init from '../wasm/tandem_wasm.js';
import { createCompletion } from '../src/completions.js';
import { DistillLog, MemoryDistillStore, type DistillOptions, type DistillRecord, type DistillStore } from '../src/collab/distill-log.js';
import { createTandem } from '../src/collab/tandem.js';
import type { Tandem, TandemChunk, TandemCompletion, TandemOptions } from '../src/collab/types.js';
import type { TandemEngine } from '../src/types.js';
import type { WasmRouterJson } from '../src/wasm-types.js';
import { FakeCore } from './fake-core.js';
import { FakeServer } from './fake-server.js';

beforeAll(async () => {
  await init({ module_or_path: readFileSync(new URL('../wasm/tandem_wasm_bg.wasm', import.meta.url)) });
});

const easy = [{ role: 'user', content: 'an easy one' }];
const hard = [{ role: 'user', content: 'a hard one' }];
const NOW = Date.UTC(2026, 11, 1, 12);

function engine(core: FakeCore): TandemEngine {
  return {
    chat: { completions: { create: ((req) => createCompletion(core, () => 'fake-small', req)) as TandemEngine['chat']['completions']['create'] } },
    info: () => core.info(),
    promptFeatures: (m) => core.promptFeatures(m),
    tokens: { promptIds: (m) => core.promptIds(m), decode: (ids) => core.decode(ids), draft: (r) => core.draft(r) },
    unload: async () => {},
    simulateDeviceLoss: async () => {},
    simulatePanic: async () => {},
  };
}

/** FakeCore's features are +1 for a "hard" prompt, -1 otherwise: this router sends "hard" away. */
const router: WasmRouterJson = {
  version: 'tandem-router/1', kind: 'logistic', dim: 16,
  mean: Array(16).fill(0), scale: Array(16).fill(1), weights: Array(16).fill(1),
  bias: 0, threshold: 0.5, target_share: 0.3, label: 'disagreement', trained_on: 10,
};

async function setup(distill: DistillOptions | undefined, opts: Partial<TandemOptions> = {}) {
  const core = new FakeCore('local answer');
  const server = new FakeServer();
  const tandem = await createTandem({
    local: engine(core),
    server: { baseURL: 'https://llm.test/v1', model: 'big' },
    policy: 'server',
    environment: { online: () => true, now: () => NOW },
    fetch: (u, init) => server.fetch(u, init),
    ...(distill ? { distill } : {}),
    ...opts,
  });
  return { tandem, core, server };
}

const json = async (t: Tandem, req: object) => (await t.chat.completions.create({ ...req, stream: false } as never)) as TandemCompletion;

async function chunks(t: Tandem, req: object): Promise<TandemChunk[]> {
  const out: TandemChunk[] = [];
  for await (const c of (await t.chat.completions.create({ ...req, stream: true } as never)) as AsyncIterable<TandemChunk>) out.push(c);
  return out;
}

async function records(t: Tandem): Promise<DistillRecord[]> {
  const text = await t.distillation.export();
  return text ? text.trimEnd().split('\n').map((l) => JSON.parse(l) as DistillRecord) : [];
}

describe('the distillation log', () => {
  it('is off by default: no logprobs asked, nothing kept', async () => {
    const { tandem, server } = await setup(undefined);
    const c = await json(tandem, { messages: easy });
    expect(c.choices[0]!.message.content).toBe(server.reply);
    expect(server.requests[0]!.body.logprobs).toBeUndefined();
    expect(tandem.distillation.enabled).toBe(false);
    expect(await tandem.distillation.count()).toBe(0);
    expect(await tandem.distillation.export()).toBe('');
  });

  it("logs policy 'server' answers with the server's top-k logprobs, which the app does not see", async () => {
    const store = new MemoryDistillStore();
    const { tandem, server } = await setup({ log: true, store });
    const c = await json(tandem, { messages: easy, temperature: 0 });
    expect(c.choices[0]!.message.content).toBe(server.reply);
    expect(c.choices[0]!.logprobs).toBeNull();
    expect(server.requests[0]!.body).toMatchObject({ logprobs: true, top_logprobs: 5, temperature: 0 });
    expect(await tandem.distillation.count()).toBe(1);
    const [r] = await records(tandem);
    expect(r).toMatchObject({
      format: 'tandem-distill/1', created: NOW, model: 'big', route: 'server', reason: 'policy: server',
      messages: easy, answer: server.reply,
    });
    expect(r!.logprobs).toHaveLength(server.reply.length);
    expect(r!.logprobs![0]).toMatchObject({ token: 'T', bytes: [84], top_logprobs: [{ token: 'T' }, { token: '?' }] });
    expect((await tandem.distillation.export()).endsWith('}\n')).toBe(true);
    const blob = await tandem.distillation.exportBlob();
    expect(blob.type).toBe('application/jsonl');
    expect(await blob.text()).toBe(await tandem.distillation.export());
    await tandem.distillation.clear();
    expect(await tandem.distillation.count()).toBe(0);
  });

  it('logs a streamed routed answer whole, its logprobs from every chunk, none passed on', async () => {
    const { tandem, server } = await setup({ log: true, store: new MemoryDistillStore(), topLogprobs: 1 }, { policy: 'route', router });
    const cs = await chunks(tandem, { messages: hard });
    expect(cs.every((c) => c.choices[0]?.logprobs == null)).toBe(true);
    expect(server.requests[0]!.body).toMatchObject({ logprobs: true, top_logprobs: 1, stream: true });
    // An easy prompt stays local: not logged.
    await chunks(tandem, { messages: easy });
    const rs = await records(tandem);
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ route: 'route', answer: server.reply, messages: hard });
    expect(rs[0]!.reason).toMatch(/^router: score/);
    expect(rs[0]!.logprobs!.map((t) => t.token).join('')).toBe(server.reply);
    expect(rs[0]!.logprobs![0]!.top_logprobs).toHaveLength(1);
  });

  it('logs cascade escalations, not the answers the cascade kept local', async () => {
    const rules = { cascade: { signal: 'mean_logprob' as const, threshold: 1 } };
    const { tandem, core, server } = await setup({ log: true, store: new MemoryDistillStore() }, { policy: 'cascade', rules });
    await json(tandem, { messages: easy }); // mean logprob -0.5: kept local
    core.logprob = -3;
    const c = await json(tandem, { messages: hard });
    expect(c.tandem.route).toBe('server');
    const rs = await records(tandem);
    expect(rs).toHaveLength(1);
    expect(rs[0]).toMatchObject({ route: 'cascade', reason: 'cascade: mean logprob -3.00 below -1.00 → escalate', answer: server.reply });
  });

  it("keeps the app's own logprobs request and passes them on", async () => {
    const { tandem, server } = await setup({ log: true, store: new MemoryDistillStore() });
    const c = await json(tandem, { messages: easy, logprobs: true, top_logprobs: 2 });
    expect(server.requests[0]!.body).toMatchObject({ logprobs: true, top_logprobs: 2 });
    expect(c.choices[0]!.logprobs?.content).toHaveLength(server.reply.length);
    expect((await records(tandem))[0]!.logprobs![0]!.top_logprobs).toHaveLength(2);
  });

  it('topLogprobs 0 asks for none; the record has logprobs null', async () => {
    const { tandem, server } = await setup({ log: true, store: new MemoryDistillStore(), topLogprobs: 0 });
    await json(tandem, { messages: easy });
    expect(server.requests[0]!.body.logprobs).toBeUndefined();
    expect((await records(tandem))[0]!.logprobs).toBeNull();
  });

  it('does not log a failed server call (the local engine answered)', async () => {
    const { tandem, server } = await setup({ log: true, store: new MemoryDistillStore() });
    server.mode = { kind: 'down' };
    const c = await json(tandem, { messages: easy });
    expect(c.tandem.rule).toBe('server_unreachable');
    expect(await tandem.distillation.count()).toBe(0);
  });

  it('asks again without logprobs when the server refuses them, and stops asking', async () => {
    const server = new FakeServer();
    const fetch: typeof globalThis.fetch = async (u, init) => {
      const body = JSON.parse(String(init?.body));
      if (body.logprobs) return Response.json({ error: { message: 'logprobs not supported' } }, { status: 400 });
      return server.fetch(u, init);
    };
    const store = new MemoryDistillStore();
    const { tandem } = await setup({ log: true, store }, { fetch });
    const c = await json(tandem, { messages: easy });
    expect(c.choices[0]!.message.content).toBe(server.reply);
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'policy' });
    await json(tandem, { messages: easy });
    expect(server.requests.map((r) => r.body.logprobs)).toEqual([undefined, undefined]);
    const rs = await records(tandem);
    expect(rs.map((r) => r.logprobs)).toEqual([null, null]);
  });

  it('an unrelated 400 does not turn logprobs off: the retry fails too, and the log keeps asking', async () => {
    const server = new FakeServer();
    let calls = 0;
    const fetch: typeof globalThis.fetch = async (u, init) => {
      calls++;
      const body = JSON.parse(String(init?.body));
      if (JSON.stringify(body.messages).includes('too long')) {
        return Response.json({ error: { message: 'context length exceeded' } }, { status: 400 });
      }
      return server.fetch(u, init);
    };
    const store = new MemoryDistillStore();
    const { tandem } = await setup({ log: true, store }, { fetch });
    const c = await json(tandem, { messages: [{ role: 'user', content: 'too long' }] });
    // The 400 is the request's own: answered locally, with one retry counted as a call.
    expect(c.tandem.route).toBe('local');
    expect(calls).toBe(2);
    expect(c.tandem.server_calls).toBe(2);
    await json(tandem, { messages: easy });
    expect(server.requests.at(-1)!.body.logprobs).toBe(true);
  });

  it('keeps at most maxRecords, dropping the oldest', async () => {
    const { tandem } = await setup({ log: true, store: new MemoryDistillStore(), maxRecords: 2 });
    for (const q of ['one', 'two', 'three']) await json(tandem, { messages: [{ role: 'user', content: q }] });
    expect((await records(tandem)).map((r) => r.messages[0]!.content)).toEqual(['two', 'three']);
  });

  it('a failing store never fails the answer: the error is reported', async () => {
    const broken: DistillStore = {
      append: async () => {
        throw new Error('QuotaExceededError');
      },
      count: async () => 0,
      lines: async () => [],
      clear: async () => {},
    };
    const errors: Error[] = [];
    const { tandem, server } = await setup({ log: true, store: broken, onError: (e) => errors.push(e) });
    const c = await json(tandem, { messages: easy });
    expect(c.choices[0]!.message.content).toBe(server.reply);
    await tandem.distillation.count(); // after the queued write
    expect(errors.map((e) => e.message)).toEqual(['QuotaExceededError']);
    expect(tandem.distillation.lastError?.message).toBe('QuotaExceededError');
  });

  it('logs the messages as the server saw them when privacy redacts', async () => {
    const { tandem, server } = await setup({ log: true, store: new MemoryDistillStore() }, { privacy: 'redact' });
    await json(tandem, { messages: [{ role: 'user', content: 'Mail ana.lopez@example.com about it' }] });
    const sent = (server.requests[0]!.body.messages as { content: string }[])[0]!.content;
    expect(sent).not.toContain('ana.lopez@example.com');
    expect((await records(tandem))[0]!.messages[0]!.content).toBe(sent);
  });

  it('checks its options', async () => {
    await expect(setup({ log: 'yes' } as never)).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(setup({ log: true, store: new MemoryDistillStore(), topLogprobs: 21 })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(setup({ log: true, store: new MemoryDistillStore(), maxRecords: 0 })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(setup({ log: true, stor: 1 } as never)).rejects.toMatchObject({ kind: 'invalid_options', message: /unknown key "stor"/ });
    // node has no IndexedDB: a log needs a store here.
    await expect(setup({ log: true })).rejects.toMatchObject({ kind: 'invalid_options', message: /IndexedDB/ });
  });

  it('a record that cannot be serialised is reported, not thrown', () => {
    const errors: Error[] = [];
    const log = new DistillLog({ log: true, store: new MemoryDistillStore(), onError: (e) => errors.push(e) });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    log.record({ model: 'm', answer: 'a', logprobs: [cyclic as never] }, 'server', 'r', easy);
    expect(errors).toHaveLength(1);
  });
});
