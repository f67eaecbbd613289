// createTandem in node: a fake local engine (FakeCore behind the engine API), a fake fetch
// playing the server, and the real policy (tandem-collab compiled to wasm, from ../wasm): every
// policy, the superseded stream, privacy (no fetch at all), a failing server answered for
// locally, budgets, stickiness and the environment's signals.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import init from '../wasm/tandem_wasm.js';
import { createCompletion } from '../src/completions.js';
import { TandemError } from '../src/errors.js';
import { createTandem } from '../src/collab/tandem.js';
import type { Environment, KeyValueStorage, Tandem, TandemChunk, TandemCompletion, TandemOptions } from '../src/collab/types.js';
import type { TandemEngine } from '../src/types.js';
import type { WasmRouterJson } from '../src/wasm-types.js';
import { FakeCore } from './fake-core.js';
import { FakeServer } from './fake-server.js';

beforeAll(async () => {
  await init({ module_or_path: readFileSync(new URL('../wasm/tandem_wasm_bg.wasm', import.meta.url)) });
});

const LOCAL = 'local answer';
const easy = [{ role: 'user', content: 'an easy one' }];
const hard = [{ role: 'user', content: 'a hard one' }];

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

/** FakeCore's features are ±1 everywhere (hidden size 8 → 16 features): weights of 1 score a
 * "hard" prompt sigmoid(16) ≈ 1 and an easy one ≈ 0. */
function router(extra: Partial<WasmRouterJson> = {}): WasmRouterJson {
  return {
    version: 'tandem-router/1', kind: 'logistic', dim: 16,
    mean: Array(16).fill(0), scale: Array(16).fill(1), weights: Array(16).fill(1),
    bias: 0, threshold: 0.5, target_share: 0.3, label: 'disagreement', trained_on: 10,
    ...extra,
  };
}

interface Setup {
  tandem: Tandem;
  core: FakeCore;
  server: FakeServer;
  env: { online: boolean; metered?: boolean; batteryLow?: boolean; now: number };
}

async function setup(opts: Partial<TandemOptions> = {}, serverOpts: Partial<TandemOptions['server']> = {}): Promise<Setup> {
  const core = new FakeCore(LOCAL);
  const server = new FakeServer();
  const env = { online: true, metered: undefined as boolean | undefined, batteryLow: undefined as boolean | undefined, now: Date.UTC(2026, 10, 30, 12) };
  const environment: Environment = {
    online: () => env.online,
    metered: () => env.metered,
    batteryLow: () => env.batteryLow,
    now: () => env.now,
  };
  const tandem = await createTandem({
    local: engine(core),
    server: { baseURL: 'https://llm.test/v1/', apiKey: 'sk-test', model: 'big', ...serverOpts },
    policy: 'local',
    environment,
    fetch: (u, init) => server.fetch(u, init),
    ...opts,
  });
  return { tandem, core, server, env };
}

async function json(t: Tandem, req: Parameters<Tandem['chat']['completions']['create']>[0]): Promise<TandemCompletion> {
  return (await t.chat.completions.create({ ...req, stream: false })) as TandemCompletion;
}

async function chunks(t: Tandem, req: Parameters<Tandem['chat']['completions']['create']>[0]): Promise<TandemChunk[]> {
  const out: TandemChunk[] = [];
  for await (const c of (await t.chat.completions.create({ ...req, stream: true })) as AsyncIterable<TandemChunk>) out.push(c);
  return out;
}

/** The text a client shows: content after the last superseded chunk. */
function shown(cs: TandemChunk[]): string {
  let text = '';
  for (const c of cs) {
    if (c.tandem?.superseded) text = '';
    text += c.choices[0]?.delta.content ?? '';
  }
  return text;
}

const lastTandem = (cs: TandemChunk[]) => cs.at(-1)!.tandem!;

describe("policy 'local' and 'server'", () => {
  it("'local' answers on the device and says why", async () => {
    const { tandem, server } = await setup({ policy: 'local' });
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(LOCAL);
    expect(c.tandem).toMatchObject({
      route: 'local', rule: 'policy', reason: 'policy: local', scores: {}, policy: 'local',
      local_tokens: LOCAL.length, server_tokens: 0, server_calls: 0, backend: 'cpu',
    });
    expect(c.tandem.latency_ms).toBeGreaterThanOrEqual(0);
    expect(c.tandem.tokens).toHaveLength(LOCAL.length);
    expect(server.requests).toHaveLength(0);
  });

  it("'server' calls the server with its model, key and the request's parameters", async () => {
    const { tandem, server } = await setup({ policy: 'server' });
    const c = await json(tandem, { messages: easy, max_tokens: 7, temperature: 0, tandem: { conversation: 'x' } });
    expect(c.choices[0]!.message.content).toBe(server.reply);
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'policy', reason: 'policy: server', local_tokens: 0, server_tokens: 4, server_calls: 1 });
    expect(c.tandem.backend).toBeUndefined();
    expect(server.requests).toHaveLength(1);
    const r = server.requests[0]!;
    expect(r.url).toBe('https://llm.test/v1/chat/completions');
    expect(r.headers.authorization).toBe('Bearer sk-test');
    expect(r.body).toEqual({ messages: easy, max_tokens: 7, temperature: 0, model: 'big', stream: false });
    expect(tandem.usage()).toMatchObject({ calls: 1, tokens: 9 });
  });

  it("'server' streams the server's chunks under one id; the final chunk carries `tandem`", async () => {
    const { tandem, server } = await setup({ policy: 'server' });
    const cs = await chunks(tandem, { messages: easy, stream_options: { include_usage: true } });
    expect(shown(cs)).toBe(server.reply);
    expect(new Set(cs.map((c) => c.id)).size).toBe(1);
    expect(server.requests[0]!.body).toMatchObject({ stream: true, stream_options: { include_usage: true }, model: 'big' });
    const finish = cs.at(-2)!;
    expect(finish.choices[0]!.finish_reason).toBe('stop');
    expect(cs.at(-1)!.choices).toEqual([]);
    expect(cs.at(-1)!.usage).toMatchObject({ completion_tokens: 4, total_tokens: 9 });
    for (const c of [finish, cs.at(-1)!]) expect(c.tandem).toMatchObject({ route: 'server', rule: 'policy', server_tokens: 4, server_calls: 1 });
    expect(cs.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  it("'local' streams the engine's tokens; without include_usage no usage field", async () => {
    const { tandem } = await setup({ policy: 'local' });
    const cs = await chunks(tandem, { messages: easy });
    expect(shown(cs)).toBe(LOCAL);
    expect(cs.every((c) => !('usage' in c))).toBe(true);
    expect(cs.filter((c) => c.tandem?.tokens?.length === 1)).toHaveLength(LOCAL.length);
    expect(lastTandem(cs)).toMatchObject({ route: 'local', rule: 'policy', local_tokens: LOCAL.length, backend: 'cpu', finish_detail: 'stop_token' });
  });

  it('a per-request policy overrides the default', async () => {
    const { tandem, server } = await setup({ policy: 'local' });
    const c = await json(tandem, { messages: easy, tandem: { policy: 'server' } });
    expect(c.tandem.route).toBe('server');
    expect(server.requests).toHaveLength(1);
  });
});

describe("policy 'route'", () => {
  it('scores the prompt before generating and sends hard prompts to the server', async () => {
    const { tandem, core, server } = await setup({ policy: 'route', router: router() });
    const e = await json(tandem, { messages: easy });
    expect(e.tandem).toMatchObject({ route: 'local', rule: 'score', reason: 'router: score 0.00 ≤ threshold 0.50' });
    expect(e.tandem.scores.router).toBeLessThan(0.01);
    expect(e.tandem.scores.router_threshold).toBe(0.5);
    const h = await json(tandem, { messages: hard });
    expect(h.tandem).toMatchObject({ route: 'server', rule: 'score', reason: 'router: score 1.00 > threshold 0.50', local_tokens: 0 });
    expect(h.choices[0]!.message.content).toBe(server.reply);
    expect(core.prefills).toBe(2);
    expect(server.requests).toHaveLength(1);
  });

  it('without a router every request stays local', async () => {
    const { tandem, server } = await setup({ policy: 'route' });
    const c = await json(tandem, { messages: hard });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'no_score', reason: 'no router: local by default' });
    expect(server.requests).toHaveLength(0);
  });

  it('takes the router from a URL; a router of another model is refused at creation', async () => {
    const server = new FakeServer();
    const fetchFn = async (url: RequestInfo | URL, init?: RequestInit) =>
      String(url) === 'https://app.test/router.json' ? Response.json(router({ threshold: 0.9 })) : server.fetch(url, init);
    const { tandem } = await setup({ policy: 'route', router: 'https://app.test/router.json', fetch: fetchFn });
    expect((await json(tandem, { messages: hard })).tandem.scores.router_threshold).toBeCloseTo(0.9);
    await expect(setup({ policy: 'route', router: router({ dim: 4, mean: [0, 0, 0, 0], scale: [1, 1, 1, 1], weights: [1, 1, 1, 1] }) }))
      .rejects.toMatchObject({ kind: 'feature_dim' });
    await expect(setup({ router: { ...router(), version: 'tandem-router/9' } })).rejects.toMatchObject({ kind: 'unsupported_router_version' });
    await expect(setup({ router: { ...router(), scale: Array(16).fill(0) } })).rejects.toMatchObject({ kind: 'invalid_router', name: 'TandemError' });
  });

  it('a low battery sends the request to the server without running the prompt locally', async () => {
    const { tandem, core, env } = await setup({ policy: 'route', router: router() });
    env.batteryLow = true;
    const c = await json(tandem, { messages: easy });
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'battery_low', reason: 'battery low: saving the device' });
    expect(core.prefills).toBe(0);
  });

  it('a metered network keeps hard prompts local; the score is still reported', async () => {
    const { tandem, env, server } = await setup({ policy: 'route', router: router() });
    env.metered = true;
    const c = await json(tandem, { messages: hard });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'metered', reason: 'metered network' });
    expect(c.tandem.scores.router).toBeGreaterThan(0.99);
    expect(server.requests).toHaveLength(0);
    const off = await setup({ policy: 'route', router: router(), rules: { metered: false } });
    off.env.metered = true;
    expect((await json(off.tandem, { messages: hard })).tandem.route).toBe('server');
  });

  it('offline keeps everything local', async () => {
    const { tandem, env, server } = await setup({ policy: 'server' });
    env.online = false;
    const c = await json(tandem, { messages: hard });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'offline', reason: 'offline' });
    expect(server.requests).toHaveLength(0);
  });

  it('a measured round trip above the latency target keeps requests local', async () => {
    const { tandem, server } = await setup({ policy: 'route', router: router(), rules: { latencyTargetMs: 20 } });
    server.mode = { kind: 'slow', ms: 60 };
    expect((await json(tandem, { messages: hard })).tandem.route).toBe('server');
    const c = await json(tandem, { messages: hard });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'latency' });
    expect(c.tandem.reason).toMatch(/^latency: rtt \d+ ms above target 20 ms$/);
    expect(await tandem.context()).toMatchObject({ latency_target_ms: 20, rtt_ms: expect.any(Number) });
  });
});

describe('stickiness', () => {
  const turn2 = (first: { role: string; content: string }[], next: string) => [...first, { role: 'assistant', content: 'ok' }, { role: 'user', content: next }];

  it('keeps a conversation on the route the router chose', async () => {
    const { tandem } = await setup({ policy: 'route', router: router() });
    expect((await json(tandem, { messages: hard })).tandem.route).toBe('server');
    const c = await json(tandem, { messages: turn2(hard, 'and an easy follow-up') });
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'sticky', reason: 'sticky: conversation stayed server' });
    // Another conversation is scored afresh.
    expect((await json(tandem, { messages: easy })).tandem).toMatchObject({ route: 'local', rule: 'score' });
    // An explicit conversation id groups requests whatever their messages.
    await json(tandem, { messages: hard, tandem: { conversation: 'c1' } });
    expect((await json(tandem, { messages: easy, tandem: { conversation: 'c1' } })).tandem.rule).toBe('sticky');
  });

  it('is off with rules.sticky false', async () => {
    const { tandem } = await setup({ policy: 'route', router: router(), rules: { sticky: false } });
    await json(tandem, { messages: hard });
    const c = await json(tandem, { messages: turn2(hard, 'an easy follow-up') });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'score' });
  });
});

describe("policy 'cascade'", () => {
  const rules = { cascade: { signal: 'mean_logprob' as const, threshold: 1 } };

  it('keeps a confident local answer (no server call)', async () => {
    const { tandem, server } = await setup({ policy: 'cascade', rules });
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(LOCAL);
    expect(c.tandem).toMatchObject({
      route: 'local', rule: 'cascade', reason: 'cascade: mean logprob -0.50 not below -1.00 → keep local',
      scores: { cascade: 0.5, cascade_threshold: 1 }, local_tokens: LOCAL.length, server_calls: 0,
    });
    expect(server.requests).toHaveLength(0);
  });

  it("escalates an uncertain local answer to the server", async () => {
    const { tandem, core, server } = await setup({ policy: 'cascade', rules });
    core.logprob = -3;
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(server.reply);
    expect(c.tandem).toMatchObject({
      route: 'server', rule: 'cascade', reason: 'cascade: mean logprob -3.00 below -1.00 → escalate',
      scores: { cascade: 3, cascade_threshold: 1 }, local_tokens: LOCAL.length, server_tokens: 4, server_calls: 1,
    });
  });

  it('streams the local tokens, then a superseded chunk with the reason, then the server tokens', async () => {
    const { tandem, core, server } = await setup({ policy: 'cascade', rules });
    core.logprob = -3;
    const cs = await chunks(tandem, { messages: hard });
    const at = cs.findIndex((c) => c.tandem?.superseded);
    expect(at).toBeGreaterThan(0);
    const before = cs.slice(0, at).map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(before).toBe(LOCAL);
    expect(cs.slice(0, at).some((c) => c.choices[0]?.finish_reason)).toBe(false);
    expect(cs[at]!.choices[0]!.delta).toEqual({});
    expect(cs[at]!.tandem).toEqual({
      superseded: true, route: 'server', rule: 'cascade',
      reason: 'cascade: mean logprob -3.00 below -1.00 → escalate', scores: { cascade: 3, cascade_threshold: 1 },
    });
    expect(shown(cs)).toBe(server.reply);
    expect(lastTandem(cs)).toMatchObject({ route: 'server', local_tokens: LOCAL.length, server_calls: 1 });
    expect(cs.at(-1)!.choices[0]!.finish_reason).toBe('stop');
  });

  it("takes the rule from router.json's cascade", async () => {
    const { tandem, core } = await setup({ policy: 'cascade', router: router({ cascade: { signal: 'max_entropy', threshold: 2 } }) });
    core.entropy = 2.5;
    expect((await json(tandem, { messages: easy })).tandem.reason).toBe('cascade: max entropy 2.50 above 2.00 → escalate');
  });

  it('goes straight to the server in a conversation that escalated before', async () => {
    const { tandem, core, server } = await setup({ policy: 'cascade', rules });
    core.logprob = -3;
    await json(tandem, { messages: hard });
    const steps = core.steps;
    const c = await json(tandem, { messages: [...hard, { role: 'assistant', content: 'x' }, { role: 'user', content: 'more' }] });
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'sticky' });
    expect(core.steps).toBe(steps);
    expect(server.requests).toHaveLength(2);
  });

  it('needs a cascade rule', async () => {
    await expect(setup({ policy: 'cascade' })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(setup({ policy: 'cascade', rules: { cascade: { signal: 'q99' as never, threshold: 1 } } })).rejects.toMatchObject({ kind: 'invalid_input' });
    const { tandem } = await setup({ policy: 'local' });
    await expect(json(tandem, { messages: easy, tandem: { policy: 'cascade' } })).rejects.toMatchObject({ kind: 'invalid_request' });
  });
});

describe('a prompt too long for the local model', () => {
  const rules = { cascade: { signal: 'mean_logprob' as const, threshold: 1 } };
  /** FakeCore refuses a prompt that says "long", as the engine refuses one beyond its context. */
  function overflowing(core: FakeCore): void {
    const features = core.featuresOf;
    core.featuresOf = (m) => {
      if (m.at(-1)!.content.includes('long')) throw new TandemError('context_overflow', 'context overflow: 900 tokens, the model holds 64');
      return features(m);
    };
  }
  const long = [{ role: 'user', content: 'a long one' }];

  it("goes to the server under 'route' (with or without a router) and 'cascade', saying why", async () => {
    for (const opts of [{ policy: 'route' as const, router: router() }, { policy: 'route' as const }, { policy: 'cascade' as const, rules }]) {
      const { tandem, core, server } = await setup(opts);
      overflowing(core);
      const c = await json(tandem, { messages: long });
      expect(c.choices[0]!.message.content).toBe(server.reply);
      expect(c.tandem).toMatchObject({ route: 'server', rule: 'local_context', reason: 'context: the prompt does not fit the local model', local_tokens: 0, server_calls: 1 });
      expect(core.steps).toBe(0);
      // A prompt that fits is unaffected.
      const e = await json(tandem, { messages: easy });
      expect(e.tandem.route).toBe('local');
    }
  });

  it('stays local (and fails, typed) when the server is ruled out: privacy, offline, a forced local', async () => {
    const cases: [Partial<TandemOptions>, (s: Setup) => void, Parameters<Tandem['chat']['completions']['create']>[0]['tandem']][] = [
      [{ policy: 'route', router: router() }, () => {}, { privacy: 'health' }],
      [{ policy: 'cascade', rules }, (s) => (s.env.online = false), undefined],
      [{ policy: 'local' }, () => {}, undefined],
    ];
    for (const [opts, arrange, tandemOpts] of cases) {
      const s = await setup(opts);
      overflowing(s.core);
      arrange(s);
      // The fake engine answers any length; the real one throws context_overflow here. What
      // matters is the route: local, by the rule that rules out the server.
      const c = await json(s.tandem, { messages: long, tandem: tandemOpts });
      expect(c.tandem.route).toBe('local');
      expect(c.tandem.rule).not.toBe('local_context');
      expect(s.server.requests).toHaveLength(0);
    }
  });

  it('another local failure is not taken for an overflow', async () => {
    const { tandem, core, server } = await setup({ policy: 'route', router: router() });
    core.featuresOf = () => {
      throw new TandemError('device_lost', 'gone');
    };
    await expect(json(tandem, { messages: long })).rejects.toMatchObject({ kind: 'device_lost' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('privacy', () => {
  it('a privacy class never reaches the server, whatever the policy or score', async () => {
    for (const policy of ['server', 'route', 'cascade'] as const) {
      const { tandem, core, server } = await setup({ policy, router: router(), rules: { cascade: { signal: 'q10', threshold: 0 } } });
      core.logprob = -5;
      const c = await json(tandem, { messages: hard, tandem: { privacy: 'health' } });
      expect(c.tandem, policy).toMatchObject({ route: 'local', rule: 'privacy', reason: 'privacy: health never leaves the device', server_calls: 0 });
      const cs = await chunks(tandem, { messages: hard, tandem: { privacy: 'health' } });
      expect(shown(cs)).toBe(LOCAL);
      expect(server.requests, policy).toHaveLength(0);
    }
  });

  it('a misspelt privacy key or rule is an error, never a request that leaves the device', async () => {
    const { tandem, server } = await setup({ policy: 'server' });
    await expect(json(tandem, { messages: easy, tandem: { privacey: 'health' } as never })).rejects.toMatchObject({ kind: 'invalid_request', message: expect.stringMatching(/privacey/) });
    await expect(json(tandem, { messages: easy, tandem: { privacy: 7 } as never })).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(server.requests).toHaveLength(0);
    await expect(setup({ rules: { clasify: () => 'x' } as never })).rejects.toMatchObject({ kind: 'invalid_options', message: expect.stringMatching(/clasify/) });
    await expect(setup({ rules: { classify: 'health' } as never })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(setup({ polcy: 'server' } as never)).rejects.toMatchObject({ kind: 'invalid_options' });
  });

  it('rules.classify finds the class; a classifier that throws fails the request, sending nothing', async () => {
    const classify = (m: { content: string }[]) => (m.some((x) => x.content.includes('@')) ? 'email' : undefined);
    const { tandem, server } = await setup({ policy: 'server', rules: { classify } });
    const c = await json(tandem, { messages: [{ role: 'user', content: 'write to ann@example.com' }] });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'privacy', reason: 'privacy: email never leaves the device' });
    expect(server.requests).toHaveLength(0);
    expect((await json(tandem, { messages: easy })).tandem.route).toBe('server');
    const broken = await setup({ policy: 'server', rules: { classify: () => { throw new Error('classifier down'); } } });
    await expect(json(broken.tandem, { messages: easy })).rejects.toThrow('classifier down');
    expect(broken.server.requests).toHaveLength(0);
  });
});

describe('the privacy pipeline (options.privacy)', () => {
  const zoe = [{ role: 'user', content: 'I am Zoë Müller, mail zoë@example.de or call +49 30 1234567.' }];
  const PII = ['Zoë Müller', 'zoë@example.de', '+49 30 1234567'];

  it('sends placeholders, restores the reply, and says what was sent', async () => {
    const { tandem, server } = await setup({ policy: 'server', privacy: 'redact' });
    server.reply = 'Hello [PERSON_1], I wrote to [EMAIL_1].';
    const c = await json(tandem, { messages: zoe });
    const body = JSON.stringify(server.requests[0]!.body);
    for (const v of PII) expect(body).not.toContain(v);
    expect(server.requests[0]!.body.messages).toEqual([{ role: 'user', content: 'I am [PERSON_1], mail [EMAIL_1] or call [PHONE_1].' }]);
    expect(c.choices[0]!.message.content).toBe('Hello Zoë Müller, I wrote to zoë@example.de.');
    expect(c.tandem.privacy).toEqual({
      sent: server.requests[0]!.body.messages,
      redacted: [
        { type: 'person', placeholder: '[PERSON_1]' },
        { type: 'email', placeholder: '[EMAIL_1]' },
        { type: 'phone', placeholder: '[PHONE_1]' },
      ],
      local_only: [],
    });
  });

  it("with policy 'speculative': drafts and verifies over the placeholders, restores the answer", async () => {
    const { tandem, core, server } = await setup({ policy: 'speculative', privacy: 'redact', speculative: { k: 3 } });
    server.reply = 'Hello [PERSON_1], I wrote to [EMAIL_1].';
    core.draftReply = 'Hello [PERSON_1], I wrote to you.';
    core.maxContext = 512;
    const c = await json(tandem, { messages: zoe, temperature: 0 });
    expect(c.choices[0]!.message.content).toBe('Hello Zoë Müller, I wrote to zoë@example.de.');
    const cs = await chunks(tandem, { messages: zoe, temperature: 0, tandem: { conversation: 'again' } });
    expect(shown(cs)).toBe('Hello Zoë Müller, I wrote to zoë@example.de.');
    expect(server.requests.length).toBeGreaterThan(2);
    for (const r of server.requests) {
      expect(r.url.endsWith('/verify')).toBe(true);
      const sent = String.fromCharCode(...(r.body.prompt_ids as number[]).filter((id) => id > 2));
      expect(sent.startsWith('I am [PERSON_1], mail [EMAIL_1] or call [PHONE_1].')).toBe(true);
      for (const v of PII) expect(JSON.stringify(r.body) + sent).not.toContain(v);
    }
    expect(c.tandem.privacy!.sent).toEqual([{ role: 'user', content: 'I am [PERSON_1], mail [EMAIL_1] or call [PHONE_1].' }]);
  });

  it('restores a streamed reply whatever the chunk boundaries', async () => {
    const { tandem, server } = await setup({ policy: 'server', privacy: 'redact' });
    server.reply = 'Dear [PERSON_1]: [EMAIL_1] and [PHONE_1] are noted. [NOT_A_SLOT] [';
    for (let size = 1; size <= 12; size++) {
      server.chunkChars = size;
      const cs = await chunks(tandem, { messages: zoe });
      expect(shown(cs), `chunks of ${size}`).toBe('Dear Zoë Müller: zoë@example.de and +49 30 1234567 are noted. [NOT_A_SLOT] [');
      expect(cs.at(-1)!.tandem!.privacy!.sent![0]!.content).not.toContain('Zoë');
    }
  });

  it('keeps placeholders stable across the turns of a conversation', async () => {
    const { tandem, server } = await setup({ policy: 'server', privacy: 'redact' });
    server.reply = 'Noted, [PERSON_1].';
    const first = await json(tandem, { messages: zoe });
    const history = [...zoe, first.choices[0]!.message, { role: 'user', content: 'Also cc ann@example.org and zoë@example.de.' }];
    await json(tandem, { messages: history });
    expect(server.requests[1]!.body.messages).toEqual([
      { role: 'user', content: 'I am [PERSON_1], mail [EMAIL_1] or call [PHONE_1].' },
      { role: 'assistant', content: 'Noted, [PERSON_1].' },
      { role: 'user', content: 'Also cc [EMAIL_2] and [EMAIL_1].' },
    ]);
  });

  it("a 'local-only' class keeps the request on the device: no request at all", async () => {
    for (const policy of ['server', 'route', 'cascade'] as const) {
      const { tandem, server } = await setup({
        policy, router: router(), rules: { cascade: { signal: 'q10', threshold: 0 } },
        privacy: { default: 'redact', levels: { credit_card: 'local-only' } },
      });
      const card = [{ role: 'user', content: 'Pay with 4539 1488 0343 6467 please.' }];
      const c = await json(tandem, { messages: card });
      expect(c.tandem, policy).toMatchObject({ route: 'local', rule: 'privacy', reason: 'privacy: credit_card never leaves the device', server_calls: 0 });
      expect(c.tandem.privacy).toMatchObject({ sent: null, local_only: ['credit_card'] });
      expect(shown(await chunks(tandem, { messages: card }))).toBe(LOCAL);
      expect(server.requests, policy).toHaveLength(0);
    }
  });

  it('a misspelt class or level is an error; without the option nothing is redacted', async () => {
    await expect(setup({ privacy: { levels: { emial: 'off' } } as never })).rejects.toMatchObject({ kind: 'invalid_options', message: expect.stringMatching(/emial/) });
    await expect(setup({ privacy: 'redcat' as never })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(setup({ privacy: { defualt: 'off' } as never })).rejects.toMatchObject({ kind: 'invalid_options' });
    const { tandem, server } = await setup({ policy: 'server' });
    const c = await json(tandem, { messages: zoe });
    expect(server.requests[0]!.body.messages).toEqual(zoe);
    expect(c.tandem.privacy).toBeUndefined();
  });

  it("'off' for a class lets it through; a local answer sends nothing", async () => {
    const { tandem, server } = await setup({ policy: 'server', privacy: { levels: { email: 'off' } } });
    await json(tandem, { messages: zoe });
    expect(server.requests[0]!.body.messages).toEqual([{ role: 'user', content: 'I am [PERSON_1], mail zoë@example.de or call [PHONE_1].' }]);
    const local = await setup({ policy: 'local', privacy: 'redact' });
    const c = await json(local.tandem, { messages: zoe });
    expect(c.tandem.privacy).toMatchObject({ sent: null });
    expect(local.server.requests).toHaveLength(0);
  });
});

describe('a failing server: answered locally, with the reason', () => {
  it('connection refused → local answer; the server counts as unreachable for a while', async () => {
    const { tandem, server, env } = await setup({ policy: 'server' });
    server.mode = { kind: 'down' };
    const c = await json(tandem, { messages: easy });
    expect(c.choices[0]!.message.content).toBe(LOCAL);
    expect(c.tandem).toMatchObject({
      route: 'local', rule: 'server_unreachable', reason: 'server unreachable: network error: Failed to fetch',
      server_calls: 1, local_tokens: LOCAL.length,
    });
    const again = await json(tandem, { messages: easy });
    expect(again.tandem).toMatchObject({ rule: 'server_unreachable', reason: 'server unreachable', server_calls: 0 });
    expect(server.requests).toHaveLength(1);
    server.mode = { kind: 'ok' };
    env.now += 31_000;
    expect((await json(tandem, { messages: easy })).tandem.route).toBe('server');
  });

  it('5xx → local, with the status and message; Retry-After sets the pause', async () => {
    const { tandem, server, env } = await setup({ policy: 'server' });
    server.mode = { kind: 'status', status: 503, message: 'model overloaded', retryAfter: '120' };
    const c = await json(tandem, { messages: easy });
    expect(c.tandem.reason).toBe('server unreachable: HTTP 503: model overloaded');
    server.mode = { kind: 'ok' };
    env.now += 60_000;
    expect((await json(tandem, { messages: easy })).tandem.rule).toBe('server_unreachable');
    env.now += 61_000;
    expect((await json(tandem, { messages: easy })).tandem.route).toBe('server');
  });

  it('a 400 is answered locally but does not mark the server unreachable', async () => {
    const { tandem, server } = await setup({ policy: 'server' });
    server.mode = { kind: 'status', status: 400, message: 'bad max_tokens' };
    expect((await json(tandem, { messages: easy })).tandem.reason).toBe('server unreachable: HTTP 400: bad max_tokens');
    server.mode = { kind: 'ok' };
    expect((await json(tandem, { messages: easy })).tandem.route).toBe('server');
  });

  it('a timeout → local', async () => {
    const { tandem, server } = await setup({ policy: 'server' }, { timeoutMs: 30 });
    server.mode = { kind: 'hang' };
    const c = await json(tandem, { messages: easy });
    expect(c.tandem).toMatchObject({ route: 'local', reason: 'server unreachable: timed out after 30 ms' });
  });

  it('streaming: a server that fails before its first token hands over to the local engine silently in the stream, loudly in `tandem`', async () => {
    const { tandem, server } = await setup({ policy: 'server' });
    server.mode = { kind: 'status', status: 502, message: 'bad gateway' };
    const cs = await chunks(tandem, { messages: easy });
    expect(cs.some((c) => c.tandem?.superseded)).toBe(false);
    expect(shown(cs)).toBe(LOCAL);
    expect(lastTandem(cs)).toMatchObject({ route: 'local', rule: 'server_unreachable', reason: 'server unreachable: HTTP 502: bad gateway' });
  });

  it('streaming: the server gone mid-stream → superseded, then the local answer', async () => {
    const { tandem, server } = await setup({ policy: 'route', router: router() });
    server.mode = { kind: 'cut', after: 2 };
    const cs = await chunks(tandem, { messages: hard });
    const at = cs.findIndex((c) => c.tandem?.superseded);
    expect(cs.slice(0, at).map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('The server ');
    expect(cs[at]!.tandem).toMatchObject({ superseded: true, route: 'local', rule: 'server_unreachable', reason: 'server unreachable: the stream ended before [DONE]' });
    expect(shown(cs)).toBe(LOCAL);
    expect(lastTandem(cs)).toMatchObject({ route: 'local', rule: 'server_unreachable', server_calls: 1, server_tokens: 2, local_tokens: LOCAL.length });
    expect(lastTandem(cs).scores.router).toBeGreaterThan(0.99);
  });

  it('cascade: an escalation whose server fails → the local answer again, superseding the escalation', async () => {
    const { tandem, core, server } = await setup({ policy: 'cascade', rules: { cascade: { signal: 'mean_logprob', threshold: 1 } } });
    core.logprob = -3;
    server.mode = { kind: 'cut', after: 1 };
    const cs = await chunks(tandem, { messages: hard });
    const sup = cs.filter((c) => c.tandem?.superseded);
    expect(sup.map((c) => c.tandem!.route)).toEqual(['server', 'local']);
    expect(shown(cs)).toBe(LOCAL);
    expect(lastTandem(cs)).toMatchObject({ route: 'local', rule: 'server_unreachable', local_tokens: LOCAL.length });
    expect(core.steps).toBe(LOCAL.length); // the local answer was not generated twice
    const c = await json(tandem, { messages: [{ role: 'user', content: 'other' }] });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'server_unreachable', reason: 'server unreachable' });
  });

  it('leaving a server stream early aborts its request', async () => {
    const { tandem, server } = await setup({ policy: 'server' });
    let signal: AbortSignal | undefined;
    const f = server.fetch;
    server.fetch = async (u, init) => {
      signal = init?.signal ?? undefined;
      return f(u, init);
    };
    const s = (await tandem.chat.completions.create({ messages: easy, stream: true })) as AsyncIterable<TandemChunk>;
    for await (const c of s) if (c.choices[0]?.delta.content) break;
    expect(signal?.aborted).toBe(true);
  });

  it("the caller's abort is an AbortError, not a fallback", async () => {
    const { tandem, server } = await setup({ policy: 'server' });
    server.mode = { kind: 'hang' };
    const ac = new AbortController();
    const p = json(tandem, { messages: easy, signal: ac.signal });
    setTimeout(() => ac.abort(), 10);
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    server.mode = { kind: 'ok' };
    expect((await json(tandem, { messages: easy })).tandem.route).toBe('server');
  });
});

describe("policy 'speculative'", () => {
  const SERVER = 'The server says 42';
  const spec = (opts: Partial<TandemOptions> = {}, serverOpts: Partial<TandemOptions['server']> = {}) =>
    setup({ policy: 'speculative', speculative: { k: 4 }, ...opts }, serverOpts);
  const verifies = (s: FakeServer) => s.requests.filter((r) => r.url.endsWith('/verify'));

  it("answers with the server model's own text: drafts verified, no chat completion", async () => {
    const { tandem, core, server } = await spec();
    core.draftReply = 'The server said 42';
    const c = await json(tandem, { messages: hard, temperature: 0, seed: 7 });
    expect(c.choices[0]!.message.content).toBe(SERVER);
    expect(c.model).toBe('big');
    expect(server.requests.every((r) => r.url === 'https://llm.test/v1/verify')).toBe(true);
    const v = verifies(server);
    expect(v[0]!.body).toMatchObject({ model: 'big', temperature: 0, draft_ids: [...'The '].map((ch) => ch.charCodeAt(0)) });
    expect(v[0]!.body).not.toHaveProperty('draft_dists');
    expect(v[0]!.body).not.toHaveProperty('stream');
    const sp = c.tandem.speculative!;
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'policy', server_calls: v.length, server_tokens: SERVER.length + 1 });
    expect(c.tandem.reason).toMatch(/^policy: speculative .*verified \d+ rounds/);
    expect(sp.rounds).toBe(v.length);
    expect(sp.accepted_tokens).toBeLessThan(sp.draft_tokens);
    expect(sp.tokens_per_pass).toBeGreaterThan(1);
    expect(c.usage.completion_tokens).toBe(SERVER.length + 1);
    // Each round drafts after exactly the tokens accepted so far (the cache rewound to them).
    const starts = core.drafts.map((d) => d.ids.length);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it('streams the accepted text as it comes; the same text as the JSON answer, nothing superseded', async () => {
    const { tandem, core } = await spec();
    core.draftReply = 'The server said 42';
    const cs = await chunks(tandem, { messages: hard, temperature: 0, stream_options: { include_usage: true } });
    expect(cs.some((c) => c.tandem?.superseded)).toBe(false);
    expect(shown(cs)).toBe(SERVER);
    expect(cs.filter((c) => c.choices[0]?.delta.content).length).toBeGreaterThan(2);
    expect(lastTandem(cs)).toMatchObject({ route: 'server', rule: 'policy' });
    expect(cs.at(-1)!.usage).toMatchObject({ completion_tokens: SERVER.length + 1 });
  });

  it('sends the distribution of each drafted token when sampling', async () => {
    const { tandem, server } = await spec();
    await json(tandem, { messages: hard, temperature: 0.8, seed: 3 });
    const v = verifies(server)[0]!.body;
    expect(v.temperature).toBe(0.8);
    expect((v.draft_dists as number[][][]).length).toBe((v.draft_ids as number[]).length);
  });

  for (const [name, fault] of [
    ['a 500', { kind: 'status', status: 500, message: 'boom' }],
    ['the server gone', { kind: 'down' }],
    ['a verify that never answers', { kind: 'hang' }],
  ] as const) {
    it(`${name} mid-answer: the local model finishes from the accepted tokens, nothing lost or repeated`, async () => {
      for (const stream of [false, true]) {
        const { tandem, core, server } = await spec({}, { timeoutMs: 100 });
        core.draftReply = 'The server said 4';
        server.verifyOkCalls = 1;
        server.verifyThen = fault;
        let text: string;
        let t;
        if (stream) {
          const cs = await chunks(tandem, { messages: hard, temperature: 0 });
          expect(cs.some((c) => c.tandem?.superseded)).toBe(false);
          text = shown(cs);
          t = lastTandem(cs);
        } else {
          const c = await json(tandem, { messages: hard, temperature: 0 });
          text = c.choices[0]!.message.content;
          t = c.tandem;
        }
        // Round 1 (k 4): 'The ' accepted and the server's 's'; then the local model: 'erver said 4'.
        expect(text).toBe('The server said 4');
        expect(t).toMatchObject({ route: 'local', rule: 'server_unreachable', server_tokens: 5 });
        expect(t.reason).toMatch(/^verify failed after 5 server-verified tokens \(.+\): the local model finished the answer$/);
        expect(t.speculative).toMatchObject({ rounds: 1, local_tail_tokens: 'erver said 4'.length + 1 });
      }
    });
  }

  it('a server without /verify answers alone (its chat completion), saying why, and is remembered', async () => {
    const { tandem, server } = await spec();
    server.verifyOkCalls = 0;
    server.verifyThen = { kind: 'status', status: 404, message: 'not found' };
    const c = await json(tandem, { messages: hard, temperature: 0 });
    expect(c.choices[0]!.message.content).toBe(SERVER);
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'policy' });
    expect(c.tandem.reason).toMatch(/cannot verify this draft \(HTTP 404: not found\): it answered alone/);
    expect(server.requests.map((r) => r.url.split('/').at(-1))).toEqual(['verify', 'completions']);
    // The next request does not try /verify again, and the server does not count as down.
    const again = await json(tandem, { messages: hard, temperature: 0, tandem: { conversation: 'two' } });
    expect(again.tandem.reason).toMatch(/the server cannot verify drafts \(HTTP 404: not found\): the server answers alone$/);
    expect(server.requests.map((r) => r.url.split('/').at(-1))).toEqual(['verify', 'completions', 'completions']);
  });

  it('a draft the server refuses (a 400) before anything is shown: the server answers alone', async () => {
    const { tandem, server } = await spec();
    server.verifyOkCalls = 0;
    server.verifyThen = { kind: 'status', status: 400, message: 'draft_ids: at most 8 tokens' };
    const c = await json(tandem, { messages: hard, temperature: 0 });
    expect(c.choices[0]!.message.content).toBe(SERVER);
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'policy' });
    expect((await tandem.context()).server_available).toBe(true);
  });

  it('stops at max_tokens with finish "length"; one answer is one call of the daily budget', async () => {
    const { tandem, server } = await spec();
    const c = await json(tandem, { messages: hard, temperature: 0, max_tokens: 6 });
    expect(c.choices[0]!.message.content).toBe(SERVER.slice(0, 6));
    expect(c.choices[0]!.finish_reason).toBe('length');
    expect(c.usage.completion_tokens).toBe(6);
    expect(verifies(server).length).toBeGreaterThan(1);
    expect(tandem.usage().calls).toBe(1);
  });

  it('a seeded sampled request sends the same seeds again', async () => {
    const a = await spec();
    const b = await spec();
    await json(a.tandem, { messages: hard, temperature: 0.8, seed: 11 });
    await json(b.tandem, { messages: hard, temperature: 0.8, seed: 11 });
    const seeds = (s: FakeServer) => verifies(s).map((r) => r.body.seed);
    expect(seeds(a.server)).toEqual(seeds(b.server));
    expect(new Set(seeds(a.server)).size).toBe(seeds(a.server).length);
  });

  it("the caller's abort mid-speculation is an AbortError, not a local fallback", async () => {
    const { tandem, server } = await spec();
    server.verifyOkCalls = 1;
    server.verifyThen = { kind: 'hang' };
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    await expect(json(tandem, { messages: hard, temperature: 0, signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('a request speculation cannot honour (top_p, stop) goes to the server alone', async () => {
    const { tandem, server } = await spec();
    for (const extra of [{ top_p: 0.5 }, { stop: ['\n'] }, { logprobs: true }]) {
      const c = await json(tandem, { messages: hard, ...extra });
      expect(c.tandem.reason).toMatch(/speculative decoding cannot honour (top_p|stop|logprobs): the server answers alone/);
    }
    expect(verifies(server)).toHaveLength(0);
  });

  it('the rules still come first: a privacy class stays local, with no request', async () => {
    const { tandem, server } = await spec();
    const c = await json(tandem, { messages: hard, tandem: { privacy: 'health' } });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'privacy' });
    expect(server.requests).toHaveLength(0);
  });

  it('checks its options', async () => {
    await expect(spec({ speculative: { objective: 'speed' as never } })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(spec({ speculative: { k: 0 } })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(spec({ speculative: { kmax: 3 } as never })).rejects.toMatchObject({ kind: 'invalid_options' });
  });
});

describe('budgets', () => {
  it('a daily call budget keeps requests local once spent; a new day resets it', async () => {
    const { tandem, server, env } = await setup({ policy: 'server', rules: { budget: { maxCallsPerDay: 2 } } });
    await json(tandem, { messages: easy });
    await json(tandem, { messages: easy });
    const c = await json(tandem, { messages: easy });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'call_budget', reason: 'budget: 2 of 2 server calls used today' });
    expect(server.requests).toHaveLength(2);
    expect(tandem.usage()).toMatchObject({ calls: 2, tokens: 18 });
    env.now += 24 * 3600_000;
    expect((await json(tandem, { messages: easy })).tandem.route).toBe('server');
    expect(tandem.usage()).toMatchObject({ calls: 1 });
  });

  it('a daily token budget counts the server usage (streamed too) and persists in storage', async () => {
    const store = new Map<string, string>();
    const storage: KeyValueStorage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) };
    const rules = { budget: { maxTokensPerDay: 10 } };
    const a = await setup({ policy: 'server', rules, storage });
    await chunks(a.tandem, { messages: easy });
    expect(a.tandem.usage().tokens).toBe(9);
    await json(a.tandem, { messages: easy });
    const b = await setup({ policy: 'server', rules, storage });
    const c = await json(b.tandem, { messages: easy });
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'token_budget', reason: 'budget: 18 of 10 server tokens used today' });
    expect(b.server.requests).toHaveLength(0);
  });
});

describe('createTandem', () => {
  it('checks its options', async () => {
    await expect(setup({ policy: 'sometimes' as never })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(setup({}, { baseURL: '' })).rejects.toMatchObject({ kind: 'invalid_options' });
    const { tandem } = await setup();
    expect(() => {
      tandem.policy = 'cascade';
    }).toThrow(/cascade rule/);
    tandem.policy = 'server';
    expect(tandem.policy).toBe('server');
    await expect(json(tandem, { messages: [] })).rejects.toMatchObject({ kind: 'invalid_request' });
    await tandem.unload();
    await expect(json(tandem, { messages: easy })).rejects.toMatchObject({ kind: 'unloaded' });
  });

  it('reports the context the rules see', async () => {
    const { tandem, env } = await setup({ rules: { budget: { maxCallsPerDay: 5 } } });
    env.metered = true;
    expect(await tandem.context({ messages: easy, tandem: { privacy: 'finance' } })).toEqual({
      online: true, server_available: true, privacy: 'finance', metered: true,
      budget: { calls_today: 0, tokens_today: 0, max_calls_per_day: 5, max_tokens_per_day: null },
    });
  });
});
