// Personalisation on the device in node: createTandem with a fake local engine and server and
// the real policy (tandem-collab compiled to wasm): feedback changes the next decision for the
// same prompt, persists in `storage` keyed to the base router, never makes a request, and
// reset/export; feedback semantics (up/down/ask_server, server answers teach nothing).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import init from '../wasm/tandem_wasm.js';
import { createCompletion } from '../src/completions.js';
import { TandemError } from '../src/errors.js';
import { PERSONAL_KEY, REMEMBERED } from '../src/collab/personal.js';
import { createTandem } from '../src/collab/tandem.js';
import type { KeyValueStorage, Tandem, TandemChunk, TandemCompletion, TandemOptions } from '../src/collab/types.js';
import type { TandemEngine } from '../src/types.js';
import type { WasmRouterJson } from '../src/wasm-types.js';
import { FakeCore } from './fake-core.js';
import { FakeServer } from './fake-server.js';

beforeAll(async () => {
  await init({ module_or_path: readFileSync(new URL('../wasm/tandem_wasm_bg.wasm', import.meta.url)) });
});

const prompt = [{ role: 'user', content: 'a hard one' }];
const other = [{ role: 'user', content: 'an easy one' }];

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

/** Scores sigmoid(bias) for every prompt (weights 0): just below the threshold at -0.2. */
function router(bias = -0.2): WasmRouterJson {
  return {
    version: 'tandem-router/1', kind: 'logistic', dim: 16,
    mean: Array(16).fill(0), scale: Array(16).fill(1), weights: Array(16).fill(0),
    bias, threshold: 0.5, target_share: 0.3, label: 'disagreement', trained_on: 10,
  };
}

class MemoryStorage implements KeyValueStorage {
  readonly map = new Map<string, string>();
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.map.set(k, v);
  }
  keys(): IterableIterator<string> {
    return this.map.keys();
  }
}

async function setup(opts: Partial<TandemOptions> = {}): Promise<{ tandem: Tandem; server: FakeServer }> {
  const server = new FakeServer();
  const tandem = await createTandem({
    local: engine(new FakeCore('local answer')),
    server: { baseURL: 'https://llm.test/v1/', apiKey: 'sk-test', model: 'big' },
    policy: 'route',
    router: router(),
    // Stickiness would keep the conversation on its first route: off, to see the router.
    rules: { sticky: false },
    environment: { online: () => true, now: () => Date.UTC(2026, 10, 30, 12) },
    fetch: (u, init) => server.fetch(u, init),
    ...opts,
  });
  return { tandem, server };
}

async function ask(t: Tandem, messages = prompt, tandem?: { privacy?: string }): Promise<TandemCompletion> {
  return (await t.chat.completions.create({ messages, stream: false, ...(tandem ? { tandem } : {}) })) as TandemCompletion;
}

async function kind(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return e instanceof TandemError ? e.kind : String(e);
  }
  return 'no error';
}

describe('personalisation on the device', () => {
  it("'ask_server' on a local answer sends the same prompt to the server next time, with no request", async () => {
    const { tandem, server } = await setup();
    const first = await ask(tandem);
    expect(first.tandem).toMatchObject({ route: 'local', rule: 'score' });
    const r = await tandem.feedback(first.id, 'ask_server');
    expect(r).toMatchObject({ label: 'server', route: 'local', events: 1 });
    expect(r.after).toBeGreaterThan(r.before);
    expect(r.after).toBeGreaterThan(0.5);
    // Learning made no request: nothing is uploaded.
    expect(server.requests).toHaveLength(0);
    const next = await ask(tandem);
    expect(next.tandem).toMatchObject({ route: 'server', rule: 'score' });
    expect(next.tandem.scores.router).toBeCloseTo(r.after, 5);
    expect(tandem.personalisation.events).toBe(1);
  });

  it("'up' on a local answer lowers its score; a second rating of an answer and a server answer's teach nothing", async () => {
    const { tandem } = await setup();
    const a = await ask(tandem);
    const up = await tandem.feedback(a.id, 'up');
    expect(up).toMatchObject({ label: 'local', events: 1 });
    expect(up.after).toBeLessThan(up.before);
    expect(await tandem.feedback(a.id, 'down')).toMatchObject({ label: null, events: 1 });
    // 'down' on a local answer → server; feedback on the server's answer that follows teaches
    // nothing (the user never saw the local one).
    const fresh = (await setup()).tandem;
    const b = await ask(fresh, other);
    expect((await fresh.feedback(b.id, 'down')).label).toBe('server');
    const s = await ask(fresh, other);
    expect(s.tandem.route).toBe('server');
    for (const f of ['up', 'down', 'ask_server'] as const) {
      expect(await fresh.feedback(s.id, f)).toMatchObject({ label: null, route: 'server', events: 1 });
    }
  });

  it('remembers a streamed answer by its id', async () => {
    const { tandem } = await setup();
    const chunks: TandemChunk[] = [];
    for await (const c of await tandem.chat.completions.create({ messages: prompt, stream: true })) chunks.push(c);
    expect(chunks.at(-1)!.tandem?.route).toBe('local');
    expect(await tandem.feedback(chunks[0]!.id, 'ask_server')).toMatchObject({ label: 'server', events: 1 });
  });

  it('persists in `storage`, keyed to the base router; reset and export', async () => {
    const storage = new MemoryStorage();
    const one = await setup({ storage });
    const a = await ask(one.tandem);
    await one.tandem.feedback(a.id, 'ask_server');
    const key = [...storage.keys()].find((k) => k.startsWith(`${PERSONAL_KEY}:`))!;
    expect(JSON.parse(storage.getItem(key)!).router).toContain('"personal"');

    // A "reload": a new Tandem with the same base router and storage decides as learned.
    const two = await setup({ storage });
    expect(two.tandem.personalisation.events).toBe(1);
    expect((await ask(two.tandem)).tandem.route).toBe('server');
    const exported = JSON.parse(two.tandem.personalisation.export()) as WasmRouterJson;
    expect(exported.personal).toMatchObject({ events: 1, base_bias: -0.2 });
    expect(exported.personal!.base_weights).toEqual(Array(16).fill(0));
    // The export is a router.json like any other.
    const three = await setup({ router: exported });
    expect((await ask(three.tandem)).tandem.route).toBe('server');

    // Another base router (a new release) does not load a stale personalisation.
    const fresh = await setup({ storage, router: router(-0.3) });
    expect(fresh.tandem.personalisation.events).toBe(0);
    expect((await ask(fresh.tandem)).tandem.route).toBe('local');

    await two.tandem.personalisation.reset();
    expect(two.tandem.personalisation.events).toBe(0);
    expect((await ask(two.tandem)).tandem.route).toBe('local');
    const four = await setup({ storage });
    expect(four.tandem.personalisation.events).toBe(0);

    // Two routers on one origin keep one personalisation each (the key is the base's).
    const b = await ask(fresh.tandem);
    await fresh.tandem.feedback(b.id, 'ask_server');
    expect([...storage.keys()].filter((k) => k.startsWith(`${PERSONAL_KEY}:`))).toHaveLength(2);
    expect((await setup({ storage })).tandem.personalisation.events).toBe(0);
    expect((await setup({ storage, router: router(-0.3) })).tandem.personalisation.events).toBe(1);
  });

  it('a request the privacy rule keeps on the device is never learned from', async () => {
    const { tandem } = await setup();
    const a = await ask(tandem, prompt, { privacy: 'health' });
    expect(a.tandem).toMatchObject({ route: 'local', rule: 'privacy' });
    expect(await kind(tandem.feedback(a.id, 'ask_server'))).toBe('invalid_request');
    expect(tandem.personalisation.events).toBe(0);
  });

  it('after unload: feedback and the personalisation say unloaded', async () => {
    const { tandem } = await setup();
    const a = await ask(tandem);
    await tandem.unload();
    expect(await kind(tandem.feedback(a.id, 'up'))).toBe('unloaded');
    expect(await kind(tandem.personalisation.reset())).toBe('unloaded');
    expect(() => tandem.personalisation.export()).toThrow(/unloaded/);
    expect(tandem.personalisation.events).toBe(0);
  });

  it('refuses an unknown id or feedback, and works only with a router', async () => {
    const { tandem } = await setup();
    expect(await kind(tandem.feedback('chatcmpl-nope', 'up'))).toBe('invalid_request');
    const a = await ask(tandem);
    expect(await kind(tandem.feedback(a.id, 'meh' as 'up'))).toBe('invalid_request');
    const bare = await setup({ router: undefined });
    const b = await ask(bare.tandem);
    expect(await kind(bare.tandem.feedback(b.id, 'up'))).toBe('invalid_request');
    expect(bare.tandem.personalisation.events).toBe(0);
    expect(() => bare.tandem.personalisation.export()).toThrow(TandemError);
  });

  it(`keeps the last ${REMEMBERED} answers`, async () => {
    const { tandem } = await setup();
    const first = await ask(tandem);
    for (let i = 0; i < REMEMBERED; i++) await ask(tandem, [{ role: 'user', content: `q${i}` }]);
    expect(await kind(tandem.feedback(first.id, 'up'))).toBe('invalid_request');
  });
});
