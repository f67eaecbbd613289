/**
 * The cascade: the local engine answers first; its tokens' logprobs and entropies give
 * tandem-collab's TokenStats, and `shouldEscalate` with the cascade rule (a signal and a
 * threshold: `rules.cascade`, else router.json's) says whether the server should answer again.
 * The rules still come first: what keeps a request on the device before generating (checked in
 * plan.ts) and after it (went offline, the budget ran out meanwhile) keeps the local answer.
 */
import { TandemError } from '../errors.js';
import type { TokenInfo } from '../types.js';
import type { WasmEscalation, WasmRouterApi, WasmTokenStats } from '../wasm-types.js';
import type { CollabApi } from './policy.js';
import type { CascadeRule, RulesOptions } from './types.js';

/** The cascade rule in force (`rules.cascade`, else the router's), checked by the Rust side
 * (a signal it does not know or a non-finite threshold is an `invalid_input` error). */
export function cascadeRule(api: CollabApi, rules: RulesOptions | undefined, router: WasmRouterApi | undefined): CascadeRule | undefined {
  const rule = rules?.cascade ?? router?.cascade ?? undefined;
  if (!rule) return undefined;
  if (typeof rule !== 'object' || typeof rule.signal !== 'string' || typeof rule.threshold !== 'number') {
    throw new TandemError('invalid_options', 'rules.cascade must be { signal, threshold }');
  }
  api.shouldEscalate(api.tokenStats([], []), rule.signal, rule.threshold);
  return { signal: rule.signal, threshold: rule.threshold };
}

export interface Judgement {
  stats: WasmTokenStats;
  escalation: WasmEscalation;
}

/** The cascade's verdict on a local generation's tokens. */
export function judge(api: CollabApi, tokens: TokenInfo[], rule: CascadeRule): Judgement {
  const stats = api.tokenStats(
    Float32Array.from(tokens, (t) => t.logprob),
    Float32Array.from(tokens, (t) => t.entropy),
  );
  return { stats, escalation: api.shouldEscalate(stats, rule.signal, rule.threshold) };
}

