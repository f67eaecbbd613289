/**
 * Policy `speculative`: the local model drafts k tokens, the server's `/v1/verify`
 * (tandem-server) accepts a prefix in one forward pass and returns its own next token; repeat.
 * The answer is the server model's: identical to its greedy output at temperature 0, and
 * distributed as its own samples otherwise (lossless speculative sampling: each drafted token
 * goes with the distribution it was drawn from). What it saves is server compute — forward
 * passes per output token; every round pays a round trip, so over a slow network the user may
 * wait longer than for the server streaming alone. tandem-collab's plan picks k each round from
 * the measured acceptance, round trip (wall time less the server's own `server_ms`) and draft
 * time, for the objective given (`server_cost` by default, or `latency`), and says when plain
 * streaming would win it: then, before the first round, the server answers alone.
 *
 * The local KV cache is rewound to the accepted prefix by the next draft (the engine reuses
 * the shared prefix), never recomputed; the server keeps its own cache across calls.
 *
 * Faults: a verify that fails mid-answer (the server gone, a timeout, an error status) ends
 * the speculation, and the local model finishes the answer from exactly the tokens accepted so
 * far: nothing shown is lost or repeated, and `tandem.reason` says why. A server without
 * `/verify` (an error status 404, 405 or 501 on the first round) answers alone.
 */
import { abortError, isAbortError } from '../errors.js';
import type { FinishReason } from '../types.js';
import type { WasmAcceptance, WasmCosts, WasmDecision, WasmSpeculationPlan, WasmSpeculativeConfig } from '../wasm-types.js';
import type { Job } from './job.js';
import { ServerError, verifyRefused } from './server-client.js';
import { localStart, NO_VERIFY, type VerifyEnd } from './verify-run.js';

export interface SpeculativeOptions {
  /** What the plan optimises (default `server_cost`: the reason to speculate at all). Under
   * `latency` the draft length follows measured times, so a request's `seed` fixes the sample
   * only with `server_cost` or a fixed `k`. */
  objective?: 'latency' | 'server_cost';
  /** The longest draft the adaptive k may choose (default 12). */
  kMax?: number;
  /** A fixed draft length instead of the adaptive one. */
  k?: number;
}

/** What `tandem.speculative` reports. */
export interface SpeculationInfo {
  /** Verify calls made. */
  rounds: number;
  draft_tokens: number;
  accepted_tokens: number;
  /** accepted / drafted. */
  acceptance_rate: number;
  /** Output tokens per server forward pass (each round's accepted tokens and its correction). */
  tokens_per_pass: number;
  /** The last round's plan (k, the estimates, the reason). */
  plan: WasmSpeculationPlan | null;
  /** Tokens the local model wrote alone after the speculation ended (a failed verify). */
  local_tail_tokens: number;
}

/** Request parameters the speculative loop cannot honour (the drafter samples at a temperature
 * from its top 20; the verifier knows temperature and seed): with any of them the server
 * answers alone. */
const UNSUPPORTED: Record<string, (v: unknown) => boolean> = {
  top_p: (v) => v !== 1,
  top_k: () => true,
  repetition_penalty: (v) => v !== 1,
  presence_penalty: (v) => v !== 0,
  frequency_penalty: (v) => v !== 0,
  stop: () => true,
  stop_token_ids: () => true,
  ignore_eos: (v) => v === true,
  logprobs: (v) => v === true,
  top_logprobs: () => true,
  n: (v) => v !== 1,
  logit_bias: () => true,
  response_format: () => true,
  tools: () => true,
};

/** The first request parameter speculation cannot honour, or undefined. */
export function unsupportedParameter(req: Record<string, unknown>): string | undefined {
  return Object.keys(UNSUPPORTED).find((k) => req[k] !== undefined && req[k] !== null && UNSUPPORTED[k]!(req[k]));
}

export function configOf(o: SpeculativeOptions | undefined): WasmSpeculativeConfig {
  return { objective: o?.objective ?? 'server_cost', ...(o?.kMax !== undefined ? { k_max: o.kMax } : {}) };
}

/** A u32 generator (mulberry32): the per-round seeds of one request. */
function seeds(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

function freshSeed(): number {
  const a = new Uint32Array(1);
  globalThis.crypto.getRandomValues(a);
  return a[0]!;
}

const ema = (old: number | undefined, x: number) => (old === undefined ? x : 0.7 * old + 0.3 * x);

/** The end of one speculative answer. */
export type SpecEnd = VerifyEnd<SpeculationInfo>;

/**
 * Runs the speculation; yields the answer's text as it is accepted (placeholders restored when
 * the privacy pipeline is on) and returns how it ended.
 */
export async function* speculate(job: Job, d: WasmDecision, opts: SpeculativeOptions | undefined): AsyncGenerator<string, SpecEnd> {
  const { api, local } = job.deps;
  const req = job.req;
  const start = await localStart(job, d);
  if ('kind' in start) return start;
  const { info, prompt, eos, maxNew } = start;
  const temperature = req.temperature ?? 1;
  const nextSeed = seeds(req.seed ?? freshSeed());
  const cfg = configOf(opts);
  const restore = job.redaction?.restorer();

  const out: number[] = [];
  let shown = '';
  const acc: WasmAcceptance = { accepted: 0, rejected: 0 };
  let draftMs: number | undefined;
  let verifyMs: number | undefined;
  let rttMs: number | undefined = job.deps.tracker.networkRttMs();
  let plan: WasmSpeculationPlan | null = null;
  const stats: SpeculationInfo = {
    rounds: 0, draft_tokens: 0, accepted_tokens: 0, acceptance_rate: 0, tokens_per_pass: 0, plan: null, local_tail_tokens: 0,
  };
  let serverOut = 0;

  // The local model proposed nothing (every logit non-finite): the answer stops there.
  let stalled = false;
  const finished = (): FinishReason | undefined => {
    if (stalled || (out.length > 0 && eos.has(out[out.length - 1]!))) return 'stop';
    if (out.length >= maxNew || prompt.length + out.length >= info.maxContext) return 'length';
    return undefined;
  };
  /** The text accepted since the last call: the decoded answer's new end, less a trailing
   * partial character (its bytes are still coming). */
  const fresh = async (last: boolean): Promise<string> => {
    let text = await local.tokens.decode(out);
    if (!last) text = text.replace(/\uFFFD+$/, '');
    if (text.length <= shown.length) return last && restore ? restore('', true) : '';
    // Decoding is prefix-stable for the tokenizers in use; were the shown text ever to change
    // under new tokens, what is new past it is still shown (never silently dropped).
    const delta = text.slice(shown.length);
    shown = text;
    return restore ? restore(delta, last) : delta;
  };
  const end = (decision: WasmDecision): SpecEnd => {
    stats.acceptance_rate = stats.draft_tokens ? stats.accepted_tokens / stats.draft_tokens : 0;
    stats.tokens_per_pass = stats.rounds ? serverOut / stats.rounds : 0;
    stats.plan = plan;
    job.serverTokens = serverOut;
    return { kind: 'done', finish: finished() ?? 'length', decision, info: stats, promptTokens: prompt.length, completionTokens: out.length };
  };
  const room = () => Math.min(maxNew - out.length, info.maxContext - prompt.length - out.length);

  const checkAbort = () => {
    if (job.signal?.aborted) throw abortError(job.signal);
  };
  while (finished() === undefined) {
    checkAbort();
    const costs: WasmCosts = {
      rtt_ms: rttMs ?? 0,
      draft_ms: draftMs ?? 1,
      verify_ms: verifyMs ?? 10,
      stream_ms: verifyMs ?? 10,
    };
    plan = api.planSpeculation(acc, costs, cfg);
    const k = Math.max(1, Math.min(opts?.k ?? plan.k, room()));
    const ids = prompt.concat(out);
    const t0 = performance.now();
    const draft = await local.tokens.draft({ ids, k, temperature, seed: nextSeed() });
    if (draft.ids.length === 0) {
      stalled = true;
      break;
    }
    draftMs = ema(draftMs, (performance.now() - t0) / draft.ids.length);
    job.localTokens += draft.ids.length;
    let verdict;
    const tv = performance.now();
    try {
      verdict = await job.serverVerify({
        prompt_ids: ids,
        draft_ids: draft.ids,
        temperature,
        seed: nextSeed(),
        ...(temperature > 0 && draft.dists ? { draft_dists: draft.dists } : {}),
      });
      if (verdict.correction >= info.vocabSize) {
        throw new ServerError('server', `invalid response: correction ${verdict.correction} is outside the vocabulary (${info.vocabSize})`);
      }
    } catch (e) {
      if (isAbortError(e)) throw e;
      // Before anything is shown, an error status is about verifying (no /verify, a draft the
      // server refuses): the server answers alone. A server without /verify is remembered.
      if (out.length === 0 && verifyRefused(e)) {
        if (NO_VERIFY.has(e.status!)) job.deps.server.noVerify = e.message;
        return { kind: 'server_alone', decision: { ...d, reason: `the server cannot verify this draft (${e.message}): it answered alone` } };
      }
      // The server is gone: the local model finishes from exactly what was accepted.
      const fb = job.fallback(d, e);
      const why = e instanceof Error ? e.message : String(e);
      const decision = {
        ...fb,
        reason: `verify failed after ${out.length} server-verified tokens (${why}): the local model finished the answer`,
      };
      while (finished() === undefined) {
        checkAbort();
        const more = await local.tokens.draft({ ids: prompt.concat(out), k: Math.min(8, room()), temperature, seed: nextSeed() });
        if (more.ids.length === 0) {
          stalled = true;
          break;
        }
        const kept = more.ids.slice(0, room());
        out.push(...kept);
        job.localTokens += kept.length;
        stats.local_tail_tokens += kept.length;
        const t = await fresh(false);
        if (t) yield t;
      }
      const tail = await fresh(true);
      if (tail) yield tail;
      return end(decision);
    }
    const wall = performance.now() - tv;
    const { accepted, correction, serverMs } = verdict;
    if (serverMs !== undefined) {
      verifyMs = ema(verifyMs, Math.max(0.1, serverMs));
      rttMs = ema(rttMs, Math.max(0, wall - serverMs));
    } else {
      verifyMs = ema(verifyMs, Math.max(0.1, wall - (rttMs ?? 0)));
    }
    stats.rounds++;
    stats.draft_tokens += draft.ids.length;
    stats.accepted_tokens += accepted;
    acc.accepted += accepted;
    if (accepted < draft.ids.length) acc.rejected++;
    for (const t of [...draft.ids.slice(0, accepted), correction]) {
      if (finished() !== undefined) break;
      out.push(t);
      serverOut++;
    }
    const t = await fresh(false);
    if (t) yield t;
  }
  const tail = await fresh(true);
  if (tail) yield tail;
  const k = plan ? ` (last k ${plan.k}, acceptance ${stats.draft_tokens ? (stats.accepted_tokens / stats.draft_tokens).toFixed(2) : '0'})` : '';
  return end({ ...d, reason: `${d.reason}; speculative: the local model drafted, the server verified ${stats.rounds} rounds${k}` });
}
