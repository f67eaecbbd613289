/**
 * A whole answer (`stream` unset): the local engine's completion or the server's, with the
 * `tandem` field saying which and why. A server that fails (network, timeout, error status,
 * not a completion) never fails the request: the local engine answers, with the reason.
 */
import { completionId, usageOf } from '../completions.js';
import { isAbortError } from '../errors.js';
import type { ChatCompletion } from '../types.js';
import type { WasmDecision } from '../wasm-types.js';
import type { Job } from './job.js';
import { afterLocal, type Plan } from './plan.js';
import { verifyPolicy, type VerifyPolicyRun } from './verify-policy.js';
import { drain } from './verify-run.js';
import type { TandemCompletion } from './types.js';

async function localCompletion(job: Job): Promise<ChatCompletion> {
  const c = (await job.deps.local.chat.completions.create(job.localRequest(false))) as ChatCompletion;
  job.localTokens += c.usage?.completion_tokens ?? c.tandem?.tokens?.length ?? 0;
  return c;
}

/** `c` with the `tandem` field of decision `d` (the engine's own fields kept when local). */
function answer(job: Job, c: ChatCompletion, d: WasmDecision): TandemCompletion {
  return { ...c, tandem: job.info(d, c.tandem) };
}

/** The server's answer, or (it failed) `local()`'s with the failure as the reason. */
async function serverOr(job: Job, d: WasmDecision, local: () => Promise<ChatCompletion>): Promise<TandemCompletion> {
  let c: ChatCompletion;
  try {
    c = await job.serverJson();
  } catch (e) {
    if (isAbortError(e)) throw e;
    return answer(job, await local(), job.fallback(d, e));
  }
  job.stick(d);
  job.logServed(d);
  // A server's own `tandem` field (another Tandem behind it) is replaced by this one.
  return answer(job, c, d);
}

/** A verify policy's answer as one completion: speculative's named after the server's model
 * (the answer is its own), token-defer's and fusion's after the local model (it wrote the
 * answer; the server had a say in some tokens). */
async function verifyJson(job: Job, v: VerifyPolicyRun): Promise<TandemCompletion> {
  const { text, end: r } = await drain(v.run);
  if (r.kind === 'server_alone') return serverOr(job, r.decision, () => localCompletion(job));
  if (v.serverAnswer && r.decision.route === 'server') job.stick(r.decision);
  return {
    id: completionId(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: v.serverAnswer ? job.deps.server.model : (await job.deps.local.info()).model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: r.finish, logprobs: null }],
    usage: usageOf(r.promptTokens, r.completionTokens),
    tandem: r.tandem,
  };
}

export async function answerJson(job: Job, p: Plan): Promise<TandemCompletion> {
  const v = verifyPolicy(job, p);
  if (v) return verifyJson(job, v);
  if (!p.cascade) {
    const d = p.decision;
    if (d.route === 'server') return serverOr(job, d, () => localCompletion(job));
    job.stick(d);
    return answer(job, await localCompletion(job), d);
  }
  const local = await localCompletion(job);
  const d = await afterLocal(job, local.tandem?.tokens ?? []);
  if (d.route === 'local') {
    job.stick(d);
    return answer(job, local, d);
  }
  return serverOr(job, d, async () => local);
}
