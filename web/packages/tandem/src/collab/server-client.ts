/**
 * The server LLM over HTTP: `POST {baseURL}/chat/completions` of an OpenAI-compatible server,
 * as JSON or as a stream of server-sent events, and `POST {baseURL}/verify` of tandem-server
 * (speculative decoding: it judges the local model's draft). Every failure is a `ServerError` — kind
 * `network` (no connection, a timeout, a stream cut short) or `server` (an error status, an
 * answer that is not a completion) — except the caller's own abort, which is an AbortError.
 */
import { abortError, TandemError } from '../errors.js';
import type { ChatCompletion, ChatCompletionChunk } from '../types.js';
import { parseSse } from './sse.js';
import type { ServerOptions } from './types.js';

export const DEFAULT_TIMEOUT_MS = 30_000;

export class ServerError extends TandemError {
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** How long the server asked not to be called again (its Retry-After), in ms. */
  readonly retryAfterMs?: number;

  constructor(kind: 'network' | 'server', message: string, extra: { status?: number; retryAfterMs?: number; cause?: unknown } = {}) {
    super(kind, message, { cause: extra.cause });
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
  }
}

/** A server answer and the round trip to its headers. */
export interface Timed<T> {
  value: T;
  rttMs: number;
}

/** An abort controller that follows `parent` and can be fired by a timer with a reason. */
class Deadline {
  readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Why the request was stopped, when it was not the caller. */
  expired: string | undefined;
  private readonly onParent = () => this.controller.abort();

  constructor(private readonly parent?: AbortSignal) {
    parent?.addEventListener('abort', this.onParent, { once: true });
  }

  arm(ms: number, why: string): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.expired = why;
      this.controller.abort();
    }, ms);
  }

  disarm(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  close(): void {
    this.disarm();
    this.parent?.removeEventListener('abort', this.onParent);
  }

  /** `e` (thrown while this deadline ran) as the error the caller should see. */
  error(e: unknown): Error {
    if (this.parent?.aborted) return abortError(this.parent);
    if (this.expired) return new ServerError('network', this.expired, { cause: e });
    if (e instanceof ServerError) return e;
    const msg = e instanceof Error ? e.message : String(e);
    return new ServerError('network', `network error: ${msg}`, { cause: e });
  }
}

function retryAfter(h: Headers): number | undefined {
  const v = h.get('retry-after');
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s) && s >= 0) return s * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** An error status as a ServerError, with the server's own message when it sent OpenAI's shape. */
async function statusError(res: Response): Promise<ServerError> {
  let detail = res.statusText;
  try {
    const text = (await res.text()).slice(0, 2000);
    let msg: unknown;
    try {
      msg = (JSON.parse(text) as { error?: { message?: unknown } })?.error?.message;
    } catch {
      msg = text;
    }
    if (typeof msg === 'string' && msg.trim()) detail = msg.trim();
  } catch {
    // The body is not readable: the status says enough.
  }
  return new ServerError('server', `HTTP ${res.status}${detail ? `: ${detail}` : ''}`, {
    status: res.status,
    retryAfterMs: retryAfter(res.headers),
  });
}

function invalid(why: string): ServerError {
  return new ServerError('server', `invalid response: ${why}`);
}

function checkCompletion(v: unknown): ChatCompletion {
  const c = v as ChatCompletion;
  if (!c || typeof c !== 'object' || !Array.isArray(c.choices) || c.choices.length === 0) {
    throw invalid('no choices');
  }
  const m = c.choices[0]?.message as { content?: unknown } | undefined;
  if (!m || typeof m !== 'object') throw invalid('choices[0].message is missing');
  if (m.content === null || m.content === undefined) m.content = '';
  if (typeof m.content !== 'string') throw invalid('choices[0].message.content is not a string');
  return c;
}

/** tandem-server's `/v1/verify` answer (the fields the client reads). */
export interface VerifyAnswer {
  /** Draft tokens accepted (a prefix). */
  accepted: number;
  /** The server model's token after them. */
  correction: number;
  /** The server's own time for it (queue and forward pass), when it says. */
  serverMs?: number;
  /** With `top_logprobs` asked: per draft position, then one row after the whole draft, the
   * server's likeliest `[id, logprob]` (token-level collaboration, fusion). */
  top?: [number, number][][];
}

/** Log-probabilities may come back a hair above 0 from rounding (as tandem-collab allows). */
const LOGPROB_SLACK = 1e-3;

/** `top_logprobs` checked: `rows` rows (the draft's positions and the one after), each a
 * non-empty list of at most `k` `[id, logprob]` pairs, ids u32, logprobs finite and ≤ 0. */
function checkTop(v: unknown, rows: number, k: number): [number, number][][] {
  if (!Array.isArray(v)) throw invalid(`top_logprobs was asked for and is ${v === undefined ? 'missing' : 'not a list'}`);
  if (v.length !== rows) throw invalid(`top_logprobs has ${v.length} rows, not ${rows} (the draft and the position after it)`);
  return v.map((row: unknown, i) => {
    if (!Array.isArray(row) || row.length === 0 || row.length > k) {
      throw invalid(`top_logprobs[${i}] is not a list of 1 to ${k} [id, logprob] pairs`);
    }
    return row.map((pair: unknown, j): [number, number] => {
      const [id, lp] = Array.isArray(pair) && pair.length === 2 ? (pair as unknown[]) : [];
      if (!Number.isInteger(id) || (id as number) < 0 || (id as number) > 0xffffffff) {
        throw invalid(`top_logprobs[${i}][${j}]: ${JSON.stringify(pair)} has no token id`);
      }
      if (typeof lp !== 'number' || !Number.isFinite(lp) || lp > LOGPROB_SLACK) {
        throw invalid(`top_logprobs[${i}][${j}]: ${JSON.stringify(pair)} has no log-probability (finite, at most 0)`);
      }
      return [id as number, Math.min(lp, 0)];
    });
  });
}

function checkVerify(v: unknown, drafted: number, topK: number): VerifyAnswer {
  const a = v as VerifyAnswer;
  if (!a || typeof a !== 'object') throw invalid('the verify answer is not an object');
  const { accepted, correction } = a;
  if (!Number.isInteger(accepted) || accepted < 0 || accepted > drafted) {
    throw invalid(`the verify answer accepted ${JSON.stringify(accepted)} of ${drafted} draft tokens`);
  }
  if (!Number.isInteger(correction) || correction < 0 || correction > 0xffffffff) {
    throw invalid(`the verify answer's correction ${JSON.stringify(correction)} is not a token id`);
  }
  const ms = (v as { server_ms?: unknown }).server_ms;
  const top = topK > 0 ? checkTop((v as { top_logprobs?: unknown }).top_logprobs, drafted + 1, topK) : undefined;
  return {
    accepted,
    correction,
    ...(typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? { serverMs: ms } : {}),
    ...(top ? { top } : {}),
  };
}

/** A `/verify` call the server refused (an error status below 500, or 501 "not implemented"):
 * about verifying this draft, or verifying at all, not a server that is down. */
export function verifyRefused(e: unknown): e is ServerError {
  return e instanceof ServerError && e.status !== undefined && (e.status < 500 || e.status === 501);
}

export class ServerClient {
  private readonly url: string;
  private readonly verifyUrl: string;
  private readonly timeoutMs: number;
  private readonly idleMs: number;

  constructor(
    private readonly opts: ServerOptions,
    private readonly fetchFn: typeof fetch,
  ) {
    if (typeof opts?.baseURL !== 'string' || !opts.baseURL) {
      throw new TandemError('invalid_options', 'server.baseURL is required');
    }
    if (typeof opts.model !== 'string' || !opts.model) {
      throw new TandemError('invalid_options', 'server.model is required');
    }
    const base = opts.baseURL.replace(/\/+$/, '');
    this.url = `${base}/chat/completions`;
    this.verifyUrl = `${base}/verify`;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.idleMs = opts.idleTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  get model(): string {
    return this.opts.model;
  }

  /** Set once the server answered `/verify` with 404, 405 or 501: why speculation is off. */
  noVerify: string | undefined;
  /** Set once `/verify` refused `top_logprobs` (501 through an upstream proxy): why policy
   * `fusion` is off (greedy verification still works there). */
  noVerifyTop: string | undefined;

  private async post(body: object, stream: boolean, d: Deadline, url = this.url): Promise<Timed<Response>> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: stream ? 'text/event-stream' : 'application/json',
      ...this.opts.headers,
    };
    if (this.opts.apiKey) headers.authorization = `Bearer ${this.opts.apiKey}`;
    const t0 = performance.now();
    d.arm(this.timeoutMs, `timed out after ${this.timeoutMs} ms`);
    // `/verify` refuses keys it does not know: it gets no `stream`.
    const payload = url === this.url ? { ...body, model: this.opts.model, stream } : { ...body, model: this.opts.model };
    const res = await this.fetchFn(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(payload),
      signal: d.controller.signal,
    });
    const rttMs = performance.now() - t0;
    if (!res.ok) throw await statusError(res);
    return { value: res, rttMs };
  }

  /** One completion as JSON. */
  async complete(body: object, signal?: AbortSignal): Promise<Timed<ChatCompletion>> {
    if (signal?.aborted) throw abortError(signal);
    const d = new Deadline(signal);
    try {
      const { value: res, rttMs } = await this.post(body, false, d);
      let json: unknown;
      try {
        json = await res.json();
      } catch (e) {
        if (d.controller.signal.aborted) throw e;
        throw invalid('not JSON');
      }
      return { value: checkCompletion(json), rttMs };
    } catch (e) {
      throw d.error(e);
    } finally {
      d.close();
    }
  }

  /** tandem-server's verdict on a draft (`body`: prompt_ids, draft_ids, temperature, seed,
   * draft_dists, top_logprobs); the whole answer within the timeout. With `top_logprobs` k > 0
   * the answer must list them (checkTop), or it is a ServerError. */
  async verify(body: { draft_ids: number[] } & Record<string, unknown>, signal?: AbortSignal): Promise<Timed<VerifyAnswer>> {
    if (signal?.aborted) throw abortError(signal);
    const d = new Deadline(signal);
    try {
      const { value: res, rttMs } = await this.post(body, false, d, this.verifyUrl);
      let json: unknown;
      try {
        json = await res.json();
      } catch (e) {
        if (d.controller.signal.aborted) throw e;
        throw invalid('not JSON');
      }
      const k = typeof body.top_logprobs === 'number' ? body.top_logprobs : 0;
      return { value: checkVerify(json, body.draft_ids.length, k), rttMs };
    } catch (e) {
      throw d.error(e);
    } finally {
      d.close();
    }
  }

  /**
   * A streamed completion: resolves once the headers are in (an error status rejects), then
   * yields the chunks. `[DONE]` ends it; an error event, a chunk that does not parse, a gap
   * longer than the idle timeout or an end before `[DONE]` throw a ServerError. Leaving the
   * iteration early aborts the request.
   */
  async stream(body: object, signal?: AbortSignal): Promise<Timed<AsyncIterable<ChatCompletionChunk>>> {
    if (signal?.aborted) throw abortError(signal);
    const d = new Deadline(signal);
    let res: Response;
    let rttMs: number;
    try {
      ({ value: res, rttMs } = await this.post(body, true, d));
      if (!res.body) throw invalid('no body');
    } catch (e) {
      d.close();
      throw d.error(e);
    }
    const idleMs = this.idleMs;
    const reader = res.body.getReader();
    async function* bytes(): AsyncGenerator<Uint8Array> {
      for (;;) {
        d.arm(idleMs, `no data for ${idleMs} ms`);
        const { value, done } = await reader.read();
        if (done) return;
        yield value;
      }
    }
    async function* chunks(): AsyncGenerator<ChatCompletionChunk> {
      let done = false;
      try {
        for await (const ev of parseSse(bytes())) {
          if (ev.data === '[DONE]') {
            done = true;
            return;
          }
          let v: unknown;
          try {
            v = JSON.parse(ev.data);
          } catch {
            throw invalid(`an event that is not JSON: ${ev.data.slice(0, 80)}`);
          }
          const err = (v as { error?: { message?: unknown } })?.error;
          if (ev.event === 'error' || err) {
            const msg = typeof err?.message === 'string' ? err.message : ev.data.slice(0, 200);
            throw new ServerError('server', `error event: ${msg}`);
          }
          const c = v as ChatCompletionChunk;
          if (!c || typeof c !== 'object' || !Array.isArray(c.choices)) throw invalid('a chunk without choices');
          yield c;
        }
        throw new ServerError('network', 'the stream ended before [DONE]');
      } catch (e) {
        // parseSse's bound on one event: the server misbehaves, the network is fine.
        throw d.error(e instanceof RangeError ? new ServerError('server', `the stream: ${e.message}`, { cause: e }) : e);
      } finally {
        d.close();
        if (!done) {
          d.controller.abort();
          reader.cancel().catch(() => {});
        }
      }
    }
    return { value: chunks(), rttMs };
  }
}
