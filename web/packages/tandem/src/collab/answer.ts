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
import { speculate } from './speculative.js';
import { tokenLevel, type TokenLevelPolicy } from './token-level.js';
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

/** Policy `speculative`: the accepted text as one completion, named after the server's model
 * (the answer is its own). */
async function speculativeJson(job: Job, d: WasmDecision): Promise<TandemCompletion> {
  const run = speculate(job, d, job.deps.speculative);
  let text = '';
  for (;;) {
    const n = await run.next();
    if (!n.done) {
      text += n.value;
      continue;
    }
    const r = n.value;
    if (r.kind === 'server_alone') return serverOr(job, r.decision, () => localCompletion(job));
    if (r.decision.route === 'server') job.stick(r.decision);
    return {
      id: completionId(),
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: job.deps.server.model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: r.finish, logprobs: null }],
      usage: usageOf(r.promptTokens, r.completionTokens),
      tandem: { ...job.info(r.decision), speculative: r.info },
    };
  }
}

/** Policies `token-defer` and `fusion`: the decided text as one completion, named after the
 * local model (it wrote the answer; the server had a say in some tokens). */
async function tokenLevelJson(job: Job, d: WasmDecision, policy: TokenLevelPolicy): Promise<TandemCompletion> {
  const run = tokenLevel(job, d, policy);
  let text = '';
  for (;;) {
    const n = await run.next();
    if (!n.done) {
      text += n.value;
      continue;
    }
    const r = n.value;
    if (r.kind === 'server_alone') return serverOr(job, r.decision, () => localCompletion(job));
    return {
      id: completionId(),
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: (await job.deps.local.info()).model,
      choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: r.finish, logprobs: null }],
      usage: usageOf(r.promptTokens, r.completionTokens),
      tandem: { ...job.info(r.decision), token_level: r.info },
    };
  }
}

export async function answerJson(job: Job, p: Plan): Promise<TandemCompletion> {
  if (!p.cascade && p.speculative) return speculativeJson(job, p.decision);
  if (!p.cascade && p.tokenLevel) return tokenLevelJson(job, p.decision, p.tokenLevel);
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
