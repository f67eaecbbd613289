/**
 * Policies `token-defer` and `fusion`: both models take part in one answer, token by token
 * (issue 17). The loops are tandem-cli's `tandem eval --policies` (crates/tandem-cli/src/
 * collab/policies.rs), so the browser's answer is the CLI's for the same models:
 *
 * - `token-defer`: the local model takes each next token from its own distribution (greedy),
 *   unless router.json's `token_defer` rule (tandem-collab `DeferRule`: entropy, logprob or
 *   margin above a threshold) finds it too uncertain; then the server judges that token as a
 *   one-token draft (`/v1/verify`, greedy): it keeps it, or puts its own (`correction`).
 * - `fusion`: the local model drafts k tokens greedily, listing its top-k at each; one verify
 *   call returns the server's top-k at each position (`top_logprobs`); each position's token is
 *   the argmax of the fused distribution p ∝ p_local^(1−w) · p_server^w (tandem-collab `fuse`),
 *   and the draft is cut at the first position where that differs from it (the rest followed a
 *   token that was not chosen); after a whole accepted draft the server's row after it is fused
 *   with the local model's next step, without another call. The output is exactly per-token
 *   fusion's.
 *
 * Both are greedy: the request's temperature and seed are not used (the reference loops are
 * greedy; a sampled variant would need the server's whole distribution). The local side reads
 * the engine's `tokens.next` (one scoring pass; the KV cache keeps the sequence, so each step
 * feeds one new token and a cut draft rewinds to the shared prefix).
 *
 * Faults are speculative.ts's: a verify that fails mid-answer (the server gone, a timeout, an
 * error status, an answer that does not check out) leaves the local model to finish alone from
 * exactly the tokens decided so far, in the same stream, with the reason; a server that cannot
 * verify (404, 405 or 501 before anything was shown) answers alone.
 *
 * Accounting (as the CLI's table): `local_tokens` counts the tokens the local model proposed,
 * kept or not (its work); `server_tokens` the output tokens the server decided (a deferred
 * token, whether or not the server changed it, or a fused one); `server_calls` verify requests.
 */
import { abortError, isAbortError } from '../errors.js';
import type { FinishReason } from '../types.js';
import type { WasmDecision, WasmDeferRule, WasmFusionConfig } from '../wasm-types.js';
import type { Job } from './job.js';
import { ServerError, verifyRefused, type VerifyAnswer } from './server-client.js';
import { localStart, NO_VERIFY, type VerifyEnd } from './verify-run.js';

export type TokenLevelPolicy = 'token-defer' | 'fusion';

export interface TokenDeferOptions {
  /** The deferral rule (default: router.json's `token_defer`). */
  rule?: WasmDeferRule;
}

export interface FusionOptions {
  /** The server's weight w in [0, 1] (default 0.7; 0 ranks as the local model, 1 as the server). */
  weight?: number;
  /** Tokens drafted per server call (default 4). */
  k?: number;
  /** Alternatives listed per position on each side, 1..=20 (default 20). */
  topK?: number;
}

/** What `tandem.token_level` reports. */
export interface TokenLevelInfo {
  /** Output tokens the server had a say in: deferred (token-defer) or fused (fusion). */
  deferred: number;
  /** Of those, the tokens where the server's choice was not the local model's. */
  changed: number;
  /** Verify calls made. */
  rounds: number;
  /** Tokens the local model wrote alone after a failed verify. */
  local_tail_tokens: number;
}

/** The end of one token-level answer. */
export type TokenLevelEnd = VerifyEnd<TokenLevelInfo>;

export const FUSION_DEFAULTS: Required<FusionOptions> = { weight: 0.7, k: 4, topK: 20 };

/** A failed verify's answer as the error the fallback reports (the ServerError kinds). */
function badAnswer(why: string): ServerError {
  return new ServerError('server', `invalid response: ${why}`);
}

/**
 * Runs policy `policy`; yields the answer's text as it is decided (placeholders restored when
 * the privacy pipeline is on) and returns how it ended.
 */
export async function* tokenLevel(job: Job, d: WasmDecision, policy: TokenLevelPolicy): AsyncGenerator<string, TokenLevelEnd> {
  const { api, local } = job.deps;
  const start = await localStart(job, d);
  if ('kind' in start) return start;
  const { info, prompt, eos, maxNew } = start;
  const rule = job.deps.tokenDefer;
  const fusion = { ...FUSION_DEFAULTS, ...job.deps.fusion };
  const fusionCfg: WasmFusionConfig = { weight: fusion.weight, temperature: 1 };
  const restore = job.redaction?.restorer();

  const out: number[] = [];
  let shown = '';
  const stats: TokenLevelInfo = { deferred: 0, changed: 0, rounds: 0, local_tail_tokens: 0 };
  /** Why the server is no longer asked (it failed mid-answer), with the decision then. */
  let failed: { decision: WasmDecision } | undefined;
  // The local model proposed nothing (every logit non-finite): the answer stops there.
  let stalled = false;
  const finished = (): FinishReason | undefined => {
    if (stalled || (out.length > 0 && eos.has(out[out.length - 1]!))) return 'stop';
    if (out.length >= maxNew || prompt.length + out.length >= info.maxContext) return 'length';
    return undefined;
  };
  const room = () => Math.min(maxNew - out.length, info.maxContext - prompt.length - out.length);
  /** The text decided since the last call (as speculative.ts: less a trailing partial
   * character, whose bytes are still coming). */
  const fresh = async (last: boolean): Promise<string> => {
    let text = await local.tokens.decode(out);
    if (!last) text = text.replace(/\uFFFD+$/, '');
    if (text.length <= shown.length) return last && restore ? restore('', true) : '';
    const delta = text.slice(shown.length);
    shown = text;
    return restore ? restore(delta, last) : delta;
  };
  const checkAbort = () => {
    if (job.signal?.aborted) throw abortError(job.signal);
  };
  /** Tokens the local model chose alone (their proposals are already counted). */
  const keepLocal = (ids: number[]) => {
    const kept = ids.slice(0, room());
    out.push(...kept);
    if (failed) stats.local_tail_tokens += kept.length;
  };
  /** The fused distribution's greedy token; a fusion that leaves no listed token any mass
   * (each model ruled out the other's) is the server's fault for this round. */
  const fusedPick = (localTop: [number, number][], serverTop: [number, number][]): number => {
    // A listed -Infinity (a token the local model rules out) is zero mass, and JSON, which
    // carries the lists into the wasm side, has no such number: it is left out, as the server
    // leaves out its own.
    const finite = localTop.filter(([, lp]) => Number.isFinite(lp));
    const best = api.fuse(finite, serverTop, info.vocabSize, fusionCfg).tokens[0];
    if (!best || !(best[1] > -Infinity)) throw badAnswer('fusion left no listed token any mass');
    return best[0];
  };
  // Fusion: the local model's next step and the server's row for it, when a whole draft was
  // accepted (the verify already scored the position after it).
  let pending: { local: [number, number][]; server: [number, number][] } | undefined;
  /** One verify call; its answer checked against the local vocabulary (a token the local
   * model cannot decode is a server fault, never a crash further on). */
  const verify = async (ids: number[], draft: number[], topK: number): Promise<VerifyAnswer> => {
    const v = await job.serverVerify({ prompt_ids: ids, draft_ids: draft, temperature: 0, ...(topK > 0 ? { top_logprobs: topK } : {}) });
    stats.rounds++;
    if (v.correction >= info.vocabSize) throw badAnswer(`correction ${v.correction} is outside the vocabulary (${info.vocabSize})`);
    for (const [i, row] of (v.top ?? []).entries()) {
      const bad = row.find(([id]) => id >= info.vocabSize);
      if (bad) throw badAnswer(`top_logprobs[${i}] lists token ${bad[0]}, outside the vocabulary (${info.vocabSize})`);
    }
    return v;
  };
  /**
   * A verify (or what was made of its answer) failed: before anything is shown, a server
   * that refuses to verify answers alone; otherwise the local model finishes from `out`.
   */
  const onFailure = (e: unknown): TokenLevelEnd | undefined => {
    if (isAbortError(e)) throw e;
    // A server without /verify is remembered (the next requests go to it alone), whenever it
    // says so; a token-defer answer may have shown local tokens before its first deferral.
    if (verifyRefused(e) && NO_VERIFY.has(e.status!)) {
      // A proxy verifies greedily but lists no alternatives: only fusion is off then.
      if (policy === 'fusion' && /top_logprobs/.test(e.message)) job.deps.server.noVerifyTop = e.message;
      else job.deps.server.noVerify = e.message;
    }
    if (out.length === 0 && verifyRefused(e)) {
      return { kind: 'server_alone', decision: { ...d, reason: `the server cannot verify (${e.message}): it answered alone` } };
    }
    const why = e instanceof Error ? e.message : String(e);
    failed = {
      decision: { ...job.fallback(d, e), reason: `verify failed after ${out.length} tokens (${why}): the local model finished the answer` },
    };
    return undefined;
  };

  while (finished() === undefined) {
    checkAbort();
    const ids = prompt.concat(out);
    if (policy === 'token-defer') {
      const next = await local.tokens.next({ ids, topK: 2 });
      const first = next.top[0];
      if (!first) {
        stalled = true;
        break;
      }
      const [mine, logprob] = first;
      job.localTokens++;
      // The rule was checked when the policy was chosen (plan.ts); a failed server is not
      // asked again.
      const verdict = failed ? undefined : api.deferCheck(rule!, logprob, next.entropy, next.top.map((t) => t[1]));
      if (!verdict?.defer) {
        keepLocal([mine]);
      } else {
        try {
          const v = await verify(ids, [mine], 0);
          const token = v.accepted > 0 ? mine : v.correction;
          out.push(token);
          stats.deferred++;
          job.serverTokens++;
          if (token !== mine) stats.changed++;
        } catch (e) {
          const alone = onFailure(e);
          if (alone) return alone;
          // The local model's own token stands (it is what it would have said).
          keepLocal([mine]);
        }
      }
    } else if (pending) {
      const { local: localTop, server: serverTop } = pending;
      pending = undefined;
      job.localTokens++;
      try {
        const pick = fusedPick(localTop, serverTop);
        out.push(pick);
        stats.deferred++;
        job.serverTokens++;
        if (pick !== localTop[0]![0]) stats.changed++;
      } catch (e) {
        if (!(e instanceof ServerError)) throw e;
        const alone = onFailure(e);
        if (alone) return alone;
        keepLocal([localTop[0]![0]]);
      }
    } else {
      // The local draft, with its top-k at each position.
      const k = Math.min(fusion.k, room());
      const draft: number[] = [];
      const tops: [number, number][][] = [];
      while (draft.length < k) {
        checkAbort();
        const next = await local.tokens.next({ ids: ids.concat(draft), topK: fusion.topK });
        const first = next.top[0];
        if (!first) break;
        draft.push(first[0]);
        tops.push(next.top);
        if (eos.has(first[0])) break;
      }
      if (draft.length === 0) {
        stalled = true;
        break;
      }
      job.localTokens += draft.length;
      if (failed) {
        keepLocal(draft);
      } else {
        // Verified and fused first, then kept: a row that does not fuse (the server's numbers)
        // fails the round as a whole, and the local model finishes from before it. Only the
        // server's faults end up there; the local engine's propagate, as everywhere else.
        let v: VerifyAnswer | undefined;
        const picks: number[] = [];
        try {
          v = await verify(ids, draft, fusion.topK);
          for (let i = 0; i < draft.length; i++) {
            const pick = fusedPick(tops[i]!, v.top![i]!);
            picks.push(pick);
            if (pick !== draft[i] || eos.has(pick)) break;
          }
        } catch (e) {
          if (!(e instanceof ServerError) && !isAbortError(e)) throw e;
          const alone = onFailure(e);
          if (alone) return alone;
          keepLocal(draft);
          v = undefined;
        }
        if (v) {
          for (const [i, pick] of picks.entries()) {
            if (finished() !== undefined) break;
            out.push(pick);
            stats.deferred++;
            job.serverTokens++;
            if (pick !== draft[i]) stats.changed++;
          }
          const whole = picks.length === draft.length && picks.every((p, i) => p === draft[i]);
          if (whole && finished() === undefined) {
            const next = await local.tokens.next({ ids: prompt.concat(out), topK: fusion.topK });
            if (next.top[0]) pending = { local: next.top, server: v.top![draft.length]! };
          }
        }
      }
    }
    const t = await fresh(false);
    if (t) yield t;
  }
  const tail = await fresh(true);
  if (tail) yield tail;

  let decision: WasmDecision;
  if (failed) decision = failed.decision;
  else if (job.serverCalls === 0) {
    // No token was uncertain enough to ask about: the local model's answer, all of it.
    decision = { ...d, route: 'local', reason: `${d.reason}; no token needed the server: the local model answered alone` };
  } else {
    const what = policy === 'token-defer'
      ? `${stats.deferred} of ${out.length} tokens deferred, ${stats.changed} changed by the server`
      : `${stats.deferred} tokens fused in ${stats.rounds} rounds (weight ${fusion.weight}), ${stats.changed} not the local model's`;
    decision = { ...d, reason: `${d.reason}; ${what}` };
  }
  return { kind: 'done', finish: finished() ?? 'length', decision, info: stats, promptTokens: prompt.length, completionTokens: out.length };
}
