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
 */
import type { WasmDecision, WasmRouteScore } from '../wasm-types.js';
import { judge } from './cascade.js';
import type { Job } from './job.js';
import { featureVector } from './policy.js';
import type { TokenInfo } from '../types.js';

export type Plan = { cascade: false; decision: WasmDecision } | { cascade: true };

export async function plan(job: Job): Promise<Plan> {
  const { api, tracker, router } = job.deps;
  const privacy = job.privacy;
  switch (job.policy) {
    case 'local':
    case 'server': {
      const ctx = await tracker.snapshot({ privacy, forced: job.policy });
      return { cascade: false, decision: api.decide(ctx) };
    }
    case 'route': {
      const ctx = await tracker.snapshot({ privacy, sticky: tracker.stuck(job.conversation) });
      const rulesOnly = api.decide(ctx);
      if (!router || rulesOnly.route === 'server') return { cascade: false, decision: rulesOnly };
      const features = await job.deps.local.promptFeatures(job.messages);
      const score: WasmRouteScore = router.routeScore(featureVector(features));
      return { cascade: false, decision: api.decide(ctx, score) };
    }
    case 'cascade': {
      // Only the server side of stickiness applies: a conversation the cascade kept local is
      // still checked turn by turn.
      const sticky = tracker.stuck(job.conversation) === 'server' ? 'server' : undefined;
      const ctx = await tracker.snapshot({ privacy, sticky });
      const rulesOnly = api.decide(ctx);
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
