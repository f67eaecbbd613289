/**
 * The route of a request before anything is generated, by its policy:
 * - `local` / `server`: the policy is `decide`'s forced route (privacy, offline, an unreachable
 *   server and an exhausted budget still keep a request local);
 * - `route`: the rules first; unless they send the request to the server anyway (a low battery,
 *   a conversation that stayed on the server), the local engine runs the prompt (its prefill,
 *   kept in the KV cache for a local answer), the router scores the prompt's features and
 *   `decide` weighs that score with the rules;
 * - `cascade`: a rule that decides without a score decides (a conversation that went to the
 *   server before goes there at once); otherwise the local engine answers first (cascade.ts).
 * - `speculative`: the rules as for `server` (privacy, offline, budgets keep a request local);
 *   then the server answers alone when the request asks for what speculation cannot honour
 *   (top_p, stop strings, logprobs, …) or when the plan, from the measured round trip, says
 *   plain streaming wins the objective; otherwise the local model drafts and the server
 *   verifies (speculative.ts).
 * - `token-defer` / `fusion`: as `speculative` (the rules, then what the loop cannot honour or
 *   a server that cannot verify sends the request to the server alone); otherwise both models
 *   take part token by token (token-level.ts).
 * Under `route` and `cascade`, a prompt the local engine refuses as too long for its context is
 * decided again with `local_fits: false` (rule `local_context`: the server, when the rules allow
 * one).
 */
import { toTandemError } from '../errors.js';
import type { PromptFeatures, TokenInfo } from '../types.js';
import type { WasmContext, WasmDecision, WasmRouteScore } from '../wasm-types.js';
import { judge } from './cascade.js';
import type { Job } from './job.js';
import { featureVector } from './policy.js';
import { configOf, unsupportedParameter } from './speculative.js';
import type { TokenLevelPolicy } from './token-level.js';

export type Plan =
  | { cascade: false; decision: WasmDecision; speculative?: boolean; tokenLevel?: TokenLevelPolicy }
  | { cascade: true };

/** The prompt's pooled features (its prefill stays in the KV cache for a local answer), or
 * `undefined` when it does not fit the local model's context. */
async function featuresIfFits(job: Job): Promise<PromptFeatures | undefined> {
  try {
    return await job.deps.local.promptFeatures(job.messages);
  } catch (e) {
    if (toTandemError(e).kind === 'context_overflow') return undefined;
    throw e;
  }
}

export async function plan(job: Job): Promise<Plan> {
  // The router is read where it is used, after the awaits: `personalisation.reset()` may
  // replace (and free) it in the meantime.
  const { api, tracker } = job.deps;
  const privacy = job.privacy;
  const decided = (ctx: WasmContext, score?: WasmRouteScore): Plan => ({ cascade: false, decision: api.decide(ctx, score) });
  switch (job.policy) {
    case 'local':
    case 'server':
      return decided(await tracker.snapshot({ privacy, forced: job.policy }));
    case 'route': {
      const ctx = await tracker.snapshot({ privacy, sticky: tracker.stuck(job.conversation) });
      const rulesOnly = api.decide(ctx);
      if (rulesOnly.route === 'server') return { cascade: false, decision: rulesOnly };
      const features = await featuresIfFits(job);
      if (!features) return decided({ ...ctx, local_fits: false });
      const router = job.deps.router;
      if (!router) return { cascade: false, decision: rulesOnly };
      const fv = featureVector(features);
      const decision = api.decide(ctx, router.routeScore(fv));
      // Feedback is never learned from a request the privacy rule kept on the device: the
      // learned offset of one event is that prompt's feature vector, and the personalised
      // router is stored and exported.
      if (decision.rule !== 'privacy') job.features = fv;
      return { cascade: false, decision };
    }
    case 'speculative': {
      const d = api.decide(await tracker.snapshot({ privacy, forced: 'server' }));
      if (d.route === 'local') return { cascade: false, decision: d };
      const alone = (why: string): Plan => ({ cascade: false, decision: { ...d, reason: `${d.reason}; ${why}: the server answers alone` } });
      const bad = unsupportedParameter(job.req as unknown as Record<string, unknown>);
      if (bad) return alone(`speculative decoding cannot honour ${bad}`);
      if (job.deps.server.noVerify) return alone(`the server cannot verify drafts (${job.deps.server.noVerify})`);
      // Before any round, only the network round trip is measured (by earlier verifies); the
      // draft, verify and streaming costs are the plan's starting guesses.
      const first = api.planSpeculation(
        { accepted: 0, rejected: 0 },
        { rtt_ms: tracker.networkRttMs() ?? 0, draft_ms: 1, verify_ms: 10, stream_ms: 10 },
        configOf(job.deps.speculative),
      );
      if (first.mode === 'stream') return alone(first.reason);
      return { cascade: false, decision: { ...d, reason: 'policy: speculative (the local model drafts, the server verifies)' }, speculative: true };
    }
    case 'token-defer':
    case 'fusion': {
      // As speculative: the rules first (privacy, offline, budgets keep a request local and
      // the local engine answers it alone), then what the loop cannot do goes to the server.
      const d = api.decide(await tracker.snapshot({ privacy, forced: 'server' }));
      if (d.route === 'local') return { cascade: false, decision: d };
      const alone = (why: string): Plan => ({ cascade: false, decision: { ...d, reason: `${d.reason}; ${why}: the server answers alone` } });
      const bad = unsupportedParameter(job.req as unknown as Record<string, unknown>);
      if (bad) return alone(`${job.policy} cannot honour ${bad}`);
      const { noVerify, noVerifyTop } = job.deps.server;
      if (noVerify) return alone(`the server cannot verify (${noVerify})`);
      if (job.policy === 'fusion' && noVerifyTop) return alone(`the server lists no top_logprobs (${noVerifyTop})`);
      const what = job.policy === 'token-defer' ? 'the local model writes, the server supplies the uncertain tokens' : 'the local model drafts, each token fuses both models';
      return { cascade: false, decision: { ...d, reason: `policy: ${job.policy} (${what})` }, tokenLevel: job.policy };
    }
    case 'cascade': {
      // Only the server side of stickiness applies: a conversation the cascade kept local is
      // still checked turn by turn.
      const sticky = tracker.stuck(job.conversation) === 'server' ? 'server' : undefined;
      const ctx = await tracker.snapshot({ privacy, sticky });
      const rulesOnly = api.decide(ctx);
      if (rulesOnly.route === 'server') return { cascade: false, decision: rulesOnly };
      if (!(await featuresIfFits(job))) return decided({ ...ctx, local_fits: false });
      if (rulesOnly.rule !== 'no_score') return { cascade: false, decision: rulesOnly };
      return { cascade: true };
    }
  }
}

/** The cascade's route once the local engine has answered with `tokens`. */
export async function afterLocal(job: Job, tokens: TokenInfo[]): Promise<WasmDecision> {
  const { api, tracker, cascade } = job.deps;
  // plan() only returns `cascade: true` when a rule is configured (checked by createTandem).
  const rule = cascade!;
  const ctx = await tracker.snapshot({ privacy: job.privacy });
  return api.decideAfterLocal(ctx, judge(api, tokens, rule).escalation, rule.threshold);
}
