/**
 * The run of a policy that checks local tokens with the server's `/v1/verify` (speculative,
 * token-defer, fusion), with what its answer is named after and reports: one place for
 * stream.ts and answer.ts to start it from.
 */
import type { FinishReason } from '../types.js';
import type { WasmDecision } from '../wasm-types.js';
import type { Job } from './job.js';
import type { Plan } from './plan.js';
import { speculate } from './speculative.js';
import { tokenLevel } from './token-level.js';
import type { CollabInfo } from './types.js';
import type { ServerAlone, VerifyEnd } from './verify-run.js';

/** How a verify policy's answer ended, with its `tandem` field made. */
export type VerifyOutcome =
  | { kind: 'done'; finish: FinishReason; decision: WasmDecision; promptTokens: number; completionTokens: number; tandem: CollabInfo }
  | ServerAlone;

export interface VerifyPolicyRun {
  /** The answer's text as it is decided, then how it ended. */
  run: AsyncGenerator<string, VerifyOutcome>;
  /** Speculative's answer is the server model's own (named after it; a server route sticks);
   * token-level answers are the local model's (the server had a say in some tokens). */
  serverAnswer: boolean;
}

/** The plan's verify policy, or undefined when it has none (a route or a cascade). */
export function verifyPolicy(job: Job, p: Plan): VerifyPolicyRun | undefined {
  if (p.cascade) return undefined;
  if (p.speculative) {
    const run = speculate(job, p.decision, job.deps.speculative);
    return { run: reported(run, (d, info) => ({ ...job.info(d), speculative: info })), serverAnswer: true };
  }
  if (p.tokenLevel) {
    const run = tokenLevel(job, p.decision, p.tokenLevel);
    return { run: reported(run, (d, info) => ({ ...job.info(d), token_level: info })), serverAnswer: false };
  }
  return undefined;
}

async function* reported<I>(
  run: AsyncGenerator<string, VerifyEnd<I>>,
  report: (d: WasmDecision, info: I) => CollabInfo,
): AsyncGenerator<string, VerifyOutcome> {
  const end = yield* run;
  if (end.kind === 'server_alone') return end;
  const { info, ...rest } = end;
  return { ...rest, tandem: report(end.decision, info) };
}
