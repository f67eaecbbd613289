/**
 * What the policies that check local tokens with the server's `/v1/verify` share
 * (speculative.ts: speculative decoding; token-level.ts: token-defer and fusion): the local
 * side's start, the statuses that mean "no /verify here", and how an answer ends.
 */
import type { EngineInfo, FinishReason } from '../types.js';
import type { WasmDecision } from '../wasm-types.js';
import type { Job } from './job.js';

/** Statuses that say the server has no `/verify` at all (not that it failed). */
export const NO_VERIFY = new Set([404, 405, 501]);

/** Nothing was shown, and the server should answer alone (it cannot verify, or the prompt does
 * not fit the local model). */
export interface ServerAlone {
  kind: 'server_alone';
  decision: WasmDecision;
}

/** The end of one answer; `info` is the policy's report (`tandem.speculative` / `token_level`). */
export type VerifyEnd<I> =
  | { kind: 'done'; finish: FinishReason; decision: WasmDecision; info: I; promptTokens: number; completionTokens: number }
  | ServerAlone;

/** The local model's side of a request, before the first token. */
export interface LocalStart {
  info: EngineInfo;
  prompt: number[];
  eos: Set<number>;
  maxNew: number;
}

/** The local start of `job` (its redacted messages when the privacy pipeline is on), or the
 * server alone when the prompt does not fit the local model's context. */
export async function localStart(job: Job, d: WasmDecision): Promise<LocalStart | ServerAlone> {
  const { local } = job.deps;
  const info = await local.info();
  const prompt = await local.tokens.promptIds(job.redaction?.messages ?? job.messages);
  if (prompt.length >= info.maxContext) {
    return {
      kind: 'server_alone',
      decision: { ...d, reason: `the prompt (${prompt.length} tokens) does not fit the local model's context (${info.maxContext}): the server answered alone` },
    };
  }
  const req = job.req;
  return { info, prompt, eos: new Set(info.eosTokenIds), maxNew: req.max_completion_tokens ?? req.max_tokens ?? 256 };
}

/** A run's whole text and its end (the completion, not streamed). */
export async function drain<E>(run: AsyncGenerator<string, E>): Promise<{ text: string; end: E }> {
  let text = '';
  for (;;) {
    const n = await run.next();
    if (n.done) return { text, end: n.value };
    text += n.value;
  }
}
