// Policies 'token-defer' and 'fusion' (createTandem, token-level.ts) in Debian Chromium against a
// running `tandem serve` of the pair's LARGE model (its /v1/verify with top_logprobs), the page's
// local engine running the SMALL one. Greedy identities that hold whatever the models are:
// (1) token-defer with a rule that defers every token is the server's greedy text (each token is
// the server's argmax after the tokens before it), one verify call per token; (2) a rule that
// defers none is the local model's greedy text with no server call; (3) fusion at weight 1 is the
// server's greedy text (the fused argmax is the server's), fewer calls than tokens when the
// drafts agree; (4) a verify that fails mid-answer leaves the local model to finish from the
// tokens decided so far. Each answer's `tandem` says its route, reason and counts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeRig, PAIR, PAIR_SMALL, pairRig, ROOT, type PairRig } from './harness.js';

const LOCAL = PAIR_SMALL;
const KEY = 'sk-token-level-test';
const MAX = 24;

let rig: PairRig | undefined;
let api: string;
let page: Page;

/** The first prompts of the pair's held-out split (or the demo's prompt). */
const prompts = (): string[] =>
  PAIR
    ? readFileSync(join(ROOT, 'models/pair/suite/test.jsonl'), 'utf8').trim().split('\n').slice(0, 4).map((l) => JSON.parse(l).messages[0].content)
    : ['The Licensor grants You'];

beforeAll(async () => {
  rig = await pairRig(KEY, { webgpu: true });
  ({ api, page } = rig);
  await page.evaluate(async (model) => {
    const w = window as any;
    w.engine = await w.tandem.createEngine({ model, backend: 'auto' });
  }, LOCAL);
}, 180_000);

afterAll(() => closeRig(rig));

describe("policies 'token-defer' and 'fusion' against tandem serve", () => {
  it('token-defer (all, none) and fusion (weight 1) give the greedy texts they must, with their route info', async () => {
    const rows = await page.evaluate(
      async ({ api, key, prompts, max }) => {
        const w = window as any;
        const server = { baseURL: `${api}/v1`, apiKey: key, model: 'large' };
        const rule = (threshold: number) => ({ signal: 'entropy', threshold, target_share: 0 });
        const make = (policy: string, extra: object = {}) => w.tandem.createTandem({ local: w.engine, server, policy, ...extra });
        const alone = await make('server');
        const local = await make('local');
        const all = await make('token-defer', { tokenDefer: { rule: rule(-1) } });
        const none = await make('token-defer', { tokenDefer: { rule: rule(1e9) } });
        const fusion = await make('fusion', { fusion: { weight: 1, k: 4, topK: 20 } });
        const out = [];
        for (const p of prompts) {
          const req = { messages: [{ role: 'user', content: p }], max_tokens: max, temperature: 0 };
          const a = await alone.chat.completions.create(req);
          const l = await local.chat.completions.create(req);
          const d = await all.chat.completions.create(req);
          const n = await none.chat.completions.create(req);
          const f = await fusion.chat.completions.create(req);
          let streamed = '';
          let last: any;
          for await (const c of await all.chat.completions.create({ ...req, stream: true })) {
            streamed += c.choices[0]?.delta?.content ?? '';
            last = c;
          }
          const text = (c: any) => c.choices[0].message.content;
          out.push({
            p, server: text(a), local: text(l), all: text(d), none: text(n), fusion: text(f), streamed,
            allInfo: d.tandem, noneInfo: n.tandem, fusionInfo: f.tandem, streamedInfo: last.tandem, allUsage: d.usage,
          });
        }
        return out;
      },
      { api, key: KEY, prompts: prompts(), max: MAX },
    );
    for (const r of rows) {
      expect(r.all, r.p).toBe(r.server);
      expect(r.streamed, r.p).toBe(r.server);
      expect(r.none, r.p).toBe(r.local);
      expect(r.fusion, r.p).toBe(r.server);
      const n = r.allUsage.completion_tokens;
      expect(r.allInfo).toMatchObject({ route: 'server', rule: 'policy', policy: 'token-defer', server_calls: n, server_tokens: n, local_tokens: n });
      expect(r.allInfo.token_level).toMatchObject({ deferred: n, rounds: n, local_tail_tokens: 0 });
      expect(r.allInfo.reason).toMatch(/^policy: token-defer .*; \d+ of \d+ tokens deferred, \d+ changed by the server$/);
      expect(r.streamedInfo).toMatchObject({ route: 'server', policy: 'token-defer', token_level: { deferred: n } });
      expect(r.noneInfo).toMatchObject({ route: 'local', rule: 'policy', policy: 'token-defer', server_calls: 0, server_tokens: 0 });
      expect(r.noneInfo.reason).toMatch(/no token needed the server: the local model answered alone$/);
      expect(r.fusionInfo).toMatchObject({ route: 'server', rule: 'policy', policy: 'fusion' });
      expect(r.fusionInfo.server_calls).toBe(r.fusionInfo.token_level.rounds);
      expect(r.fusionInfo.server_tokens).toBe(r.fusionInfo.token_level.deferred);
      expect(r.fusionInfo.reason).toMatch(/tokens fused in \d+ rounds \(weight 1\)/);
      console.log(`token-level in Chromium: ${JSON.stringify(r.p).slice(0, 40)}: token-defer ${n} calls; fusion ${r.fusionInfo.server_calls} calls for ${r.fusionInfo.server_tokens} tokens (${r.fusionInfo.token_level.changed} not the local model's)`);
    }
  });

  it('token-defer: a 500 after two deferred tokens, the local model finishes from them, nothing lost', async () => {
    const [prompt] = prompts();
    const calls: { draft: number[]; accepted: number; correction: number }[] = [];
    await page.route(`${api}/v1/verify`, async (route) => {
      if (calls.length < 2) {
        const res = await route.fetch();
        const v = await res.json();
        calls.push({ draft: route.request().postDataJSON().draft_ids, accepted: v.accepted, correction: v.correction });
        await route.fulfill({ response: res, json: v });
      } else {
        await route.fulfill({ status: 500, json: { error: { message: 'model thread crashed' } } });
      }
    });
    try {
      const r = await page.evaluate(
        async ({ api, key, prompt, max }) => {
          const w = window as any;
          const t = await w.tandem.createTandem({
            local: w.engine, server: { baseURL: `${api}/v1`, apiKey: key, model: 'large' },
            policy: 'token-defer', tokenDefer: { rule: { signal: 'entropy', threshold: -1, target_share: 0 } },
          });
          const c = await t.chat.completions.create({ messages: [{ role: 'user', content: prompt }], max_tokens: max, temperature: 0 });
          return { text: c.choices[0].message.content, tandem: c.tandem, promptIds: await w.engine.tokens.promptIds([{ role: 'user', content: prompt }]) };
        },
        { api, key: KEY, prompt, max: MAX },
      );
      expect(calls).toHaveLength(2);
      const decided = calls.map((c) => (c.accepted > 0 ? c.draft[0]! : c.correction));
      expect(r.tandem).toMatchObject({ route: 'local', rule: 'server_unreachable', server_tokens: 2, server_calls: 3 });
      expect(r.tandem.reason).toMatch(/^verify failed after 2 tokens \(HTTP 500: model thread crashed\): the local model finished the answer$/);
      // The answer: the two server-decided tokens, then the local model's greedy continuation.
      const want = await page.evaluate(
        async ({ ids, decided, max }) => {
          const w = window as any;
          const rest = await w.engine.tokens.draft({ ids: ids.concat(decided), k: max - decided.length, temperature: 0, seed: 0 });
          return w.engine.tokens.decode(decided.concat(rest.ids));
        },
        { ids: r.promptIds, decided, max: MAX },
      );
      expect(r.text).toBe(want);
      expect(r.tandem.token_level.local_tail_tokens).toBeGreaterThan(0);
    } finally {
      await page.unroute(`${api}/v1/verify`);
    }
  });
});
