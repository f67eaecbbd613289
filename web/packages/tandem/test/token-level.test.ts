// Policies 'token-defer' and 'fusion' (token-level.ts) in node: FakeCore's `tokens.next` is the
// local model (the characters of its reply), FakeServer's `/verify` the server (its reply's
// characters, with `top_logprobs`), and the real tandem-collab rule and fusion (wasm).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import init from '../wasm/tandem_wasm.js';
import { createCompletion } from '../src/completions.js';
import { createTandem } from '../src/collab/tandem.js';
import { ServerClient } from '../src/collab/server-client.js';
import type { Tandem, TandemChunk, TandemCompletion, TandemOptions } from '../src/collab/types.js';
import type { TandemEngine } from '../src/types.js';
import type { WasmDeferRule, WasmRouterJson } from '../src/wasm-types.js';
import { FakeCore } from './fake-core.js';
import { FakeServer } from './fake-server.js';

beforeAll(async () => {
  await init({ module_or_path: readFileSync(new URL('../wasm/tandem_wasm_bg.wasm', import.meta.url)) });
});

const LOCAL = 'local answer';
const SERVER = 'The server says 42';
const hard = [{ role: 'user', content: 'a hard one' }];
/** FakeCore's entropy is 1.25 at every token: this rule defers them all. */
const ALL: WasmDeferRule = { signal: 'entropy', threshold: 0.5, target_share: 0.2 };
const NONE: WasmDeferRule = { signal: 'entropy', threshold: 5, target_share: 0 };

function engine(core: FakeCore): TandemEngine {
  return {
    chat: { completions: { create: ((req) => createCompletion(core, () => 'fake-small', req)) as TandemEngine['chat']['completions']['create'] } },
    info: () => core.info(),
    promptFeatures: (m) => core.promptFeatures(m),
    tokens: { promptIds: (m) => core.promptIds(m), decode: (ids) => core.decode(ids), draft: (r) => core.draft(r), next: (r) => core.next(r) },
    unload: async () => {},
    simulateDeviceLoss: async () => {},
    simulatePanic: async () => {},
  };
}

function router(extra: Partial<WasmRouterJson> = {}): WasmRouterJson {
  return {
    version: 'tandem-router/1', kind: 'logistic', dim: 16,
    mean: Array(16).fill(0), scale: Array(16).fill(1), weights: Array(16).fill(1),
    bias: 0, threshold: 0.5, target_share: 0.3, label: 'disagreement', trained_on: 10,
    ...extra,
  };
}

async function setup(opts: Partial<TandemOptions> = {}, serverOpts: Partial<TandemOptions['server']> = {}) {
  const core = new FakeCore(LOCAL);
  const server = new FakeServer();
  const env = { online: true };
  const tandem = await createTandem({
    local: engine(core),
    server: { baseURL: 'https://llm.test/v1/', apiKey: 'sk-test', model: 'big', ...serverOpts },
    policy: 'token-defer',
    tokenDefer: { rule: ALL },
    environment: { online: () => env.online, now: () => Date.UTC(2026, 10, 30, 12) },
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

const text = (cs: TandemChunk[]) => cs.map((c) => c.choices[0]?.delta.content ?? '').join('');
const verifies = (s: FakeServer) => s.requests.filter((r) => r.url.endsWith('/verify'));

describe("policy 'token-defer'", () => {
  it("every token deferred: the server's tokens, one verify call each", async () => {
    const { tandem, server } = await setup();
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(SERVER);
    expect(c.choices[0]!.finish_reason).toBe('stop');
    const n = SERVER.length + 1; // and the end token
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'policy', policy: 'token-defer', server_calls: n, server_tokens: n, local_tokens: n });
    expect(c.tandem.token_level).toEqual({ deferred: n, changed: n - 1, rounds: n, local_tail_tokens: 0 });
    expect(c.tandem.reason).toMatch(/^policy: token-defer .*; 19 of 19 tokens deferred, 18 changed by the server$/);
    expect(c.model).toBe('fake');
    const v = verifies(server);
    expect(v).toHaveLength(n);
    expect(server.requests.every((r) => r.url.endsWith('/verify'))).toBe(true);
    expect(v[0]!.body).toMatchObject({ model: 'big', temperature: 0, draft_ids: ['l'.charCodeAt(0)] });
    expect(v[0]!.body).not.toHaveProperty('top_logprobs');
    // One answer is one call of the daily budget.
    expect(tandem.usage().calls).toBe(1);
  });

  it('no token deferred: the local text, no server call, route local', async () => {
    const { tandem, server, core } = await setup({ tokenDefer: { rule: NONE } });
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(LOCAL);
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'policy', server_calls: 0, server_tokens: 0, local_tokens: LOCAL.length + 1 });
    expect(c.tandem.reason).toMatch(/no token needed the server: the local model answered alone$/);
    expect(server.requests).toHaveLength(0);
    // Each step asks for the top-2 (the margin) after exactly the tokens so far.
    expect(core.nexts.map((r) => r.topK)).toEqual(Array(LOCAL.length + 1).fill(2));
    expect(core.nexts.map((r) => r.ids.length)).toEqual(core.nexts.map((_, i) => core.nexts[0]!.ids.length + i));
  });

  it('defers only the uncertain tokens; the rule from router.json', async () => {
    const rule: WasmDeferRule = { signal: 'entropy', threshold: 1, target_share: 0.1 };
    const { tandem, core, server } = await setup({ tokenDefer: undefined, router: router({ token_defer: rule }) });
    // Uncertain at the answer's positions 0 and 5 only.
    core.nextEntropy = (pos) => (pos === 0 || pos === 5 ? 2 : 0.1);
    const c = await json(tandem, { messages: hard });
    // 'T' at 0 and 'e' at 5 from the server ("The server…"), the rest the local model's
    // ("local answer" with its 'l' and ' ' replaced).
    expect(c.choices[0]!.message.content).toBe('Tocaleanswer');
    expect(c.tandem).toMatchObject({ route: 'server', server_calls: 2, server_tokens: 2, local_tokens: LOCAL.length + 1 });
    expect(c.tandem.token_level).toMatchObject({ deferred: 2, changed: 2 });
    expect(verifies(server)).toHaveLength(2);
  });

  it('streams the same text, the token_level info on the final chunk', async () => {
    const { tandem } = await setup();
    const cs = await chunks(tandem, { messages: hard, stream_options: { include_usage: true } });
    expect(text(cs)).toBe(SERVER);
    expect(cs.some((c) => c.tandem?.superseded)).toBe(false);
    expect(cs.filter((c) => c.choices[0]?.delta.content).length).toBeGreaterThan(2);
    const last = cs.at(-1)!;
    expect(last.tandem).toMatchObject({ route: 'server', policy: 'token-defer', token_level: { deferred: SERVER.length + 1 } });
    expect(last.usage).toMatchObject({ completion_tokens: SERVER.length + 1 });
  });

  for (const [name, fault] of [
    ['the server gone', { kind: 'down' }],
    ['a 500', { kind: 'status', status: 500, message: 'boom' }],
    ['a verify that never answers', { kind: 'hang' }],
  ] as const) {
    it(`${name} mid-answer: the local model finishes, nothing lost, the reason says why`, async () => {
      for (const stream of [false, true]) {
        const { tandem, server } = await setup({}, { timeoutMs: 100 });
        server.verifyOkCalls = 3;
        server.verifyThen = fault;
        let out: string;
        let t;
        if (stream) {
          const cs = await chunks(tandem, { messages: hard });
          expect(cs.some((c) => c.tandem?.superseded)).toBe(false);
          out = text(cs);
          t = cs.at(-1)!.tandem!;
        } else {
          const c = await json(tandem, { messages: hard });
          out = c.choices[0]!.message.content;
          t = c.tandem;
        }
        // 'The' from the server, then the local model from position 3 of its own reply.
        expect(out).toBe('The' + LOCAL.slice(3));
        expect(t).toMatchObject({ route: 'local', rule: 'server_unreachable', server_tokens: 3, server_calls: 4 });
        expect(t.reason).toMatch(/^verify failed after 3 tokens \(.+\): the local model finished the answer$/);
        expect(t.token_level).toMatchObject({ deferred: 3, local_tail_tokens: LOCAL.length - 3 + 1 });
        // The failed server is not asked again within the answer.
        expect(verifies(server)).toHaveLength(4);
      }
    });
  }

  it('a correction outside the vocabulary is a server fault: the local model finishes', async () => {
    const { tandem, server } = await setup();
    server.reply = 'ab\u0101'; // the third token (257) is outside FakeCore's 256
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe('ab' + LOCAL.slice(2));
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'server_unreachable' });
    expect(c.tandem.reason).toMatch(/correction 257 is outside the vocabulary \(256\)/);
  });

  it('a server without /verify before anything is shown answers alone and is remembered', async () => {
    const { tandem, server } = await setup();
    server.verifyOkCalls = 0;
    server.verifyThen = { kind: 'status', status: 404, message: 'not found' };
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(SERVER);
    expect(c.tandem.reason).toMatch(/the server cannot verify \(HTTP 404: not found\): it answered alone/);
    const again = await json(tandem, { messages: hard });
    expect(again.tandem.reason).toMatch(/the server cannot verify \(HTTP 404: not found\): the server answers alone$/);
    expect(server.requests.map((r) => r.url.split('/').at(-1))).toEqual(['verify', 'completions', 'completions']);
  });

  it('a server without /verify after local tokens were shown: the local model finishes, and it is remembered', async () => {
    const { tandem, core, server } = await setup();
    core.nextEntropy = (pos) => (pos < 2 ? 0.1 : 2); // 'lo' local, then a deferral
    server.verifyOkCalls = 0;
    server.verifyThen = { kind: 'status', status: 404, message: 'not found' };
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(LOCAL);
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'server_unreachable', server_tokens: 0, server_calls: 1 });
    expect(c.tandem.reason).toMatch(/^verify failed after 2 tokens \(HTTP 404: not found\)/);
    // A 404 is about /verify, not the server's health: it stays available; the next request
    // goes to it alone.
    expect((await tandem.context()).server_available).toBe(true);
    const again = await json(tandem, { messages: hard });
    expect(again.tandem.reason).toMatch(/the server cannot verify \(HTTP 404: not found\): the server answers alone$/);
  });

  it('with privacy: verifies over the placeholders, restores the answer (JSON and streamed)', async () => {
    const zoe = [{ role: 'user', content: 'I am Zoë Müller, mail zoë@example.de or call +49 30 1234567.' }];
    const PII = ['Zoë Müller', 'zoë@example.de', '+49 30 1234567'];
    for (const policy of ['token-defer', 'fusion'] as const) {
      const { tandem, core, server } = await setup({ policy, privacy: 'redact', fusion: { weight: 1 } });
      server.reply = 'Hello [PERSON_1], I wrote to [EMAIL_1].';
      core.maxContext = 512;
      const c = await json(tandem, { messages: zoe });
      expect(c.choices[0]!.message.content, policy).toBe('Hello Zoë Müller, I wrote to zoë@example.de.');
      expect(text(await chunks(tandem, { messages: zoe }))).toBe('Hello Zoë Müller, I wrote to zoë@example.de.');
      for (const r of server.requests) {
        expect(r.url.endsWith('/verify')).toBe(true);
        const sent = String.fromCharCode(...(r.body.prompt_ids as number[]).filter((id) => id > 2));
        expect(sent.startsWith('I am [PERSON_1], mail [EMAIL_1] or call [PHONE_1].')).toBe(true);
        for (const v of PII) expect(JSON.stringify(r.body) + sent).not.toContain(v);
      }
      expect(c.tandem.privacy!.sent).toEqual([{ role: 'user', content: 'I am [PERSON_1], mail [EMAIL_1] or call [PHONE_1].' }]);
    }
  });

  it('the rules first: offline or a privacy class answer locally, nothing sent', async () => {
    const { tandem, server, env } = await setup();
    const p = await json(tandem, { messages: hard, tandem: { privacy: 'health' } });
    expect(p.choices[0]!.message.content).toBe(LOCAL);
    expect(p.tandem).toMatchObject({ route: 'local', rule: 'privacy', server_calls: 0 });
    env.online = false;
    expect((await json(tandem, { messages: hard })).tandem).toMatchObject({ route: 'local', rule: 'offline' });
    expect(server.requests).toHaveLength(0);
  });

  it("a request it cannot honour (stop, logprobs) goes to the server alone", async () => {
    const { tandem, server } = await setup();
    const c = await json(tandem, { messages: hard, stop: ['\n'] });
    expect(c.tandem.reason).toMatch(/token-defer cannot honour stop: the server answers alone$/);
    expect(verifies(server)).toHaveLength(0);
  });

  it("the caller's abort is an AbortError, not a local fallback", async () => {
    const { tandem, server } = await setup();
    server.verifyOkCalls = 1;
    server.verifyThen = { kind: 'hang' };
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 30);
    await expect(json(tandem, { messages: hard, signal: ac.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('needs a rule: invalid_options without one, and a bad rule is refused', async () => {
    await expect(setup({ tokenDefer: undefined })).rejects.toMatchObject({ kind: 'invalid_options', message: expect.stringMatching(/token_defer/) });
    await expect(setup({ tokenDefer: { rule: { ...ALL, signal: 'nope' as never } } })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(setup({ tokenDefer: { rule: { ...ALL, extra: 1 } as never } })).rejects.toMatchObject({ kind: 'invalid_options' });
    await expect(setup({ tokenDefer: { rules: ALL } as never })).rejects.toMatchObject({ kind: 'invalid_options' });
    // Per request, without a rule: invalid_request.
    const { tandem } = await setup({ policy: 'local', tokenDefer: undefined });
    await expect(json(tandem, { messages: hard, tandem: { policy: 'token-defer' } })).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(() => {
      tandem.policy = 'token-defer';
    }).toThrow(/token_defer/);
  });
});

describe("policy 'fusion'", () => {
  const fusion = (f: TandemOptions['fusion'] = {}, serverOpts: Partial<TandemOptions['server']> = {}) =>
    setup({ policy: 'fusion', fusion: { k: 4, ...f } }, serverOpts);

  it("weight 1: the server's argmax at every token", async () => {
    const { tandem, server, core } = await fusion({ weight: 1 });
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(SERVER);
    const v = verifies(server);
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'policy', policy: 'fusion', server_calls: v.length, server_tokens: SERVER.length + 1 });
    // The local model proposed at least every output token (drafts cut at a change, too).
    expect(c.tandem.local_tokens).toBeGreaterThanOrEqual(SERVER.length + 1);
    expect(c.tandem.token_level).toMatchObject({ deferred: SERVER.length + 1, rounds: v.length });
    expect(v[0]!.body).toMatchObject({ top_logprobs: 20, temperature: 0, draft_ids: [...'loca'].map((ch) => ch.charCodeAt(0)) });
    expect(core.nexts[0]!.topK).toBe(20);
    expect(c.tandem.reason).toMatch(/^policy: fusion .*tokens fused in \d+ rounds \(weight 1\)/);
  });

  it("weight 0: the local model's text, every token still fused (k tokens a call)", async () => {
    const { tandem, server } = await fusion({ weight: 0 });
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(LOCAL);
    expect(c.tandem.token_level).toMatchObject({ deferred: LOCAL.length + 1, changed: 0 });
    // A whole draft's last row also gives the token after it: k + 1 tokens a call.
    expect(verifies(server)).toHaveLength(Math.ceil((LOCAL.length + 1) / 5));
  });

  it('a local failure right after a whole accepted draft propagates, and nothing is written twice', async () => {
    const { tandem, core, server } = await fusion({ weight: 0 });
    // Calls 0-3 draft "loca", call 4 is the local step after that accepted draft.
    core.failNextAt = 4;
    await expect(json(tandem, { messages: hard })).rejects.toMatchObject({ kind: 'internal' });
    expect(verifies(server)).toHaveLength(1);
    // The next request is whole (the failure was the engine's, not the server's).
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(LOCAL);
    expect(c.tandem.rule).not.toBe('server_unreachable');
  });

  it('streams the same text as the JSON answer', async () => {
    const a = await fusion({ weight: 1 });
    const cs = await chunks(a.tandem, { messages: hard });
    expect(text(cs)).toBe(SERVER);
    expect(cs.at(-1)!.tandem).toMatchObject({ policy: 'fusion', token_level: { deferred: SERVER.length + 1 } });
  });

  it('the server gone mid-answer: the local model finishes from the fused tokens', async () => {
    const { tandem, server } = await fusion({ weight: 1 });
    server.verifyOkCalls = 2; // 'T', 'h' (each round cut at the first change)
    server.verifyThen = { kind: 'down' };
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe('Th' + LOCAL.slice(2));
    expect(c.tandem).toMatchObject({ route: 'local', rule: 'server_unreachable', server_tokens: 2 });
    expect(c.tandem.token_level).toMatchObject({ local_tail_tokens: LOCAL.length - 2 + 1 });
    expect(c.tandem.reason).toMatch(/^verify failed after 2 tokens \(network error: Failed to fetch\): the local model finished the answer$/);
  });

  for (const [name, top, why] of [
    ['no top_logprobs', null, /top_logprobs was asked for and is not a list/],
    ['too few rows', [[[84, -0.1]]], /top_logprobs has 1 rows, not 5/],
    ['a positive logprob', Array(5).fill([[84, 0.5]]), /has no log-probability/],
    ['an id that is not an integer', Array(5).fill([['x', -0.1]]), /has no token id/],
    ['an id outside the vocabulary', Array(5).fill([[999, -0.1]]), /lists token 999, outside the vocabulary \(256\)/],
    ['an empty row', Array(5).fill([]), /is not a list of 1 to 20/],
  ] as const) {
    it(`a malformed answer (${name}) is a typed server fault: the local model answers`, async () => {
      const { tandem, server } = await fusion({ weight: 1 });
      server.verifyTop = top;
      const c = await json(tandem, { messages: hard });
      expect(c.choices[0]!.message.content).toBe(LOCAL);
      expect(c.tandem).toMatchObject({ route: 'local', rule: 'server_unreachable', server_tokens: 0, server_calls: 1 });
      expect(c.tandem.reason).toMatch(why);
    });
  }

  it('a proxy that lists no top_logprobs (501): the server answers alone, fusion is off, speculation is not', async () => {
    const { tandem, server } = await fusion();
    server.verifyOkCalls = 0;
    server.verifyThen = { kind: 'status', status: 501, message: 'through an upstream /v1/verify lists no alternatives (top_logprobs)' };
    const c = await json(tandem, { messages: hard });
    expect(c.choices[0]!.message.content).toBe(SERVER);
    expect(c.tandem).toMatchObject({ route: 'server', rule: 'policy' });
    expect(c.tandem.reason).toMatch(/the server cannot verify \(HTTP 501: .*\): it answered alone/);
    const again = await json(tandem, { messages: hard });
    expect(again.tandem.reason).toMatch(/the server lists no top_logprobs/);
    // Greedy verification (token-defer) still asks /verify there.
    server.verifyThen = { kind: 'ok' };
    const before = verifies(server).length;
    const td = await json(tandem, { messages: hard, tandem: { policy: 'token-defer' } });
    expect(td.choices[0]!.message.content).toBe(SERVER);
    expect(verifies(server).length).toBeGreaterThan(before);
  });

  it('checks its options', async () => {
    for (const f of [{ weight: 1.5 }, { weight: Number.NaN }, { k: 0 }, { topK: 21 }, { k: 2.5 }, { kk: 1 }]) {
      await expect(fusion(f as never)).rejects.toMatchObject({ kind: 'invalid_options' });
    }
  });
});

describe('the verify client reads top_logprobs', () => {
  const answer = (body: unknown): typeof fetch => async () => Response.json(body);
  const client = (body: unknown) => new ServerClient({ baseURL: 'https://x.test/v1', model: 'm' }, answer(body));
  const ask = { prompt_ids: [1, 2], draft_ids: [5, 6], top_logprobs: 2 };

  it('keeps the rows (a hair above 0 is rounding, read as 0)', async () => {
    const top = [[[5, -0.1], [7, -2]], [[6, 0.0001]], [[9, -0.5]]];
    const { value } = await client({ accepted: 2, correction: 9, top_logprobs: top }).verify(ask);
    expect(value.top).toEqual([[[5, -0.1], [7, -2]], [[6, 0]], [[9, -0.5]]]);
    // Not asked for: not read.
    const plain = await client({ accepted: 2, correction: 9 }).verify({ prompt_ids: [1], draft_ids: [5, 6] });
    expect(plain.value.top).toBeUndefined();
  });

  for (const top of [undefined, 'x', [[[5, -0.1]]], [[[5, -0.1]], [[6, -0.1]], [[9, Infinity]]], [[[5, -0.1, 3]], [[6, -0.1]], [[9, -1]]], [[[5, -1], [6, -1], [7, -1]], [[6, -0.1]], [[9, -1]]]]) {
    it(`refuses ${JSON.stringify(top)} with a ServerError`, async () => {
      await expect(client({ accepted: 0, correction: 9, top_logprobs: top }).verify(ask)).rejects.toMatchObject({ name: 'TandemError', kind: 'server' });
    });
  }
});
