/**
 * One request through `createTandem`: what it needs (the local engine, the server, the policy),
 * its counters (local and server tokens, server calls, time), and the bookkeeping every server
 * call does (budget, round trip, reachability). Answers are built in answer.ts (JSON) and
 * stream.ts (chunks); the route is chosen in plan.ts.
 */
import { isAbortError } from '../errors.js';
import type { ChatCompletion, ChatCompletionChunk, ChatCompletionRequest, ChatMessage, CompletionUsage, TandemEngine, TandemExtra } from '../types.js';
import type { WasmDecision, WasmDeferRule, WasmRouterApi } from '../wasm-types.js';
import type { ContextTracker } from './context.js';
import type { DistillLog, LogprobToken, ServedAnswer } from './distill-log.js';
import type { Redaction } from './privacy.js';
import type { CollabApi } from './policy.js';
import { ServerError, verifyRefused, type ServerClient, type VerifyAnswer } from './server-client.js';
import type { SpeculativeOptions } from './speculative.js';
import type { FusionOptions } from './token-level.js';
import type { CascadeRule, CollabInfo, Policy, RulesOptions } from './types.js';

/** What every request of one `createTandem` shares. */
export interface Deps {
  api: CollabApi;
  local: TandemEngine;
  server: ServerClient;
  router: WasmRouterApi | undefined;
  cascade: CascadeRule | undefined;
  tracker: ContextTracker;
  rules: RulesOptions;
  speculative: SpeculativeOptions | undefined;
  /** Policy `token-defer`'s rule (options.tokenDefer, else router.json's), when there is one. */
  tokenDefer?: WasmDeferRule;
  /** Policy `fusion`'s options (token-level.ts fills in the defaults). */
  fusion?: FusionOptions;
  /** The distillation log (distill-log.ts), when the app opted in. */
  distill?: DistillLog;
}

/** Request fields that are the package's, not OpenAI's: never sent to the server. */
const NOT_FOR_SERVER = new Set(['signal', 'tandem', 'stream', 'stream_options', 'model']);

/** An error status that is about this request (not the server's health): it does not make the
 * server count as unreachable. */
const REQUEST_SPECIFIC = new Set([400, 413, 422]);

export class Job {
  private readonly t0 = performance.now();
  localTokens = 0;
  serverTokens = 0;
  serverCalls = 0;
  /** The prompt features the router scored (policy `route`), kept for feedback on the answer
   * (personal.ts). */
  features?: Float32Array;
  /** The server's last answer as it sent it (for the distillation log). */
  private served: ServedAnswer | undefined;
  /** Whether logprobs were asked for the log, not by the app (then not passed on to it). */
  private logprobsForLog = false;

  constructor(
    readonly deps: Deps,
    /** The request without its `tandem` options. */
    readonly req: ChatCompletionRequest,
    readonly messages: ChatMessage[],
    readonly policy: Policy,
    readonly privacy: string | undefined,
    readonly conversation: string,
    /** The messages as the server may see them, when the privacy pipeline is on. */
    readonly redaction?: Redaction,
  ) {}

  get signal(): AbortSignal | undefined {
    return this.req.signal;
  }

  /** The request as the local engine takes it. */
  localRequest(stream: boolean): ChatCompletionRequest {
    return stream ? { ...this.req, stream: true, stream_options: { include_usage: true } } : { ...this.req, stream: false };
  }

  /** The request as the server takes it: OpenAI's fields as given (the server's `model` is
   * set by the client); a stream asks for usage (the budget counts tokens). */
  private serverBody(stream: boolean): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(this.req)) if (!NOT_FOR_SERVER.has(k) && v !== undefined) body[k] = v;
    body.messages = this.redaction?.messages ?? this.messages;
    if (stream) body.stream_options = { include_usage: true };
    // The distillation log wants the server's top-k logprobs (token-level KD); a request that
    // asks for logprobs itself keeps its own parameters and gets them.
    const log = this.deps.distill;
    const k = log?.enabled && log.logprobsRefused === undefined ? log.topLogprobs : 0;
    this.logprobsForLog = k > 0 && !body.logprobs;
    if (this.logprobsForLog) {
      body.logprobs = true;
      body.top_logprobs = k;
    }
    return body;
  }

  /** After `e`: when it may be the server refusing the logprobs the log asked for (400/422),
   * the call once more without them (`again`, one more server call). Only when that one is
   * answered were the logprobs the reason: the log then stops asking (sequence-level KD needs
   * none). Anything else, or a second failure, is thrown (the log keeps asking). */
  private async withoutLogprobs<T>(e: unknown, again: () => Promise<T>): Promise<T> {
    const log = this.deps.distill;
    if (!log || !this.logprobsForLog || !(e instanceof ServerError) || (e.status !== 400 && e.status !== 422)) throw e;
    log.logprobsRefused = e.message; // serverBody() leaves them out now
    this.serverCalls++;
    try {
      return await again();
    } catch (second) {
      log.logprobsRefused = undefined;
      throw second;
    }
  }

  private failed(e: unknown): void {
    if (isAbortError(e)) return;
    const status = e instanceof ServerError ? e.status : undefined;
    if (status !== undefined && REQUEST_SPECIFIC.has(status)) return;
    this.deps.tracker.serverFailed(e instanceof ServerError ? e.retryAfterMs : undefined);
  }

  private answered(usage: CompletionUsage | null | undefined, contentChunks: number): void {
    const t = this.deps.tracker;
    this.serverTokens = usage?.completion_tokens ?? contentChunks;
    t.countTokens(usage?.total_tokens ?? this.serverTokens);
    t.serverOk();
  }

  /** The server's JSON completion (throws what the server client throws). */
  async serverJson(): Promise<ChatCompletion> {
    const t = this.deps.tracker;
    this.serverCalls++;
    t.countCall();
    try {
      const { value, rttMs } = await this.deps.server
        .complete(this.serverBody(false), this.signal)
        .catch((e) => this.withoutLogprobs(e, () => this.deps.server.complete(this.serverBody(false), this.signal)));
      t.serverAnswered(rttMs);
      this.answered(value.usage, 0);
      const c0 = value.choices[0];
      this.served = {
        model: typeof value.model === 'string' && value.model ? value.model : this.deps.server.model,
        answer: c0?.message?.content ?? '',
        logprobs: (c0?.logprobs?.content as LogprobToken[] | null | undefined) ?? null,
      };
      if (this.logprobsForLog) for (const c of value.choices) c.logprobs = null;
      const r = this.redaction;
      if (r) for (const c of value.choices) if (typeof c.message?.content === 'string') c.message.content = r.restore(c.message.content);
      return value;
    } catch (e) {
      this.failed(e);
      throw e;
    }
  }

  /** The server's verdict on a draft (`/verify`); its round trip, less its own time, is the
   * network's. Throws what the server client throws. */
  async serverVerify(body: { draft_ids: number[] } & Record<string, unknown>): Promise<VerifyAnswer> {
    const t = this.deps.tracker;
    // The daily call budget counts answers: one speculative answer is one call, however many
    // rounds it takes (server_calls still counts every HTTP request).
    if (this.serverCalls === 0) t.countCall();
    this.serverCalls++;
    t.countTokens(body.draft_ids.length + 1);
    try {
      const { value, rttMs } = await this.deps.server.verify(body, this.signal);
      t.verifyAnswered(Math.max(0, rttMs - (value.serverMs ?? 0)));
      t.serverOk();
      return value;
    } catch (e) {
      if (!verifyRefused(e)) this.failed(e);
      throw e;
    }
  }

  /** The server's chunks; a failure, at the start or mid-stream, is thrown to the caller (the
   * tokens streamed until then still count). */
  async serverStream(): Promise<AsyncIterable<ChatCompletionChunk>> {
    const t = this.deps.tracker;
    this.serverCalls++;
    t.countCall();
    let opened: Awaited<ReturnType<ServerClient['stream']>>;
    try {
      opened = await this.deps.server
        .stream(this.serverBody(true), this.signal)
        .catch((e) => this.withoutLogprobs(e, () => this.deps.server.stream(this.serverBody(true), this.signal)));
    } catch (e) {
      this.failed(e);
      throw e;
    }
    t.serverAnswered(opened.rttMs);
    const chunks = opened.value;
    const job = this;
    // Placeholders come back as values; one split across chunks is held until it is whole.
    const restore = this.redaction?.restorer();
    const forLog = job.deps.distill?.enabled ? { text: '', logprobs: [] as LogprobToken[], model: '' } : undefined;
    const hideLogprobs = this.logprobsForLog;
    return (async function* () {
      let usage: CompletionUsage | null | undefined;
      let n = 0;
      let held = false;
      let lastChunk: ChatCompletionChunk | undefined;
      try {
        for await (const c of chunks) {
          if (c.usage) usage = c.usage;
          const choice = c.choices[0];
          if (choice?.delta?.content) n++;
          if (forLog && choice) {
            // Before the placeholders are restored: the log keeps what the server sent.
            forLog.text += choice.delta?.content ?? '';
            const lp = choice.logprobs?.content;
            if (Array.isArray(lp)) forLog.logprobs.push(...(lp as LogprobToken[]));
            if (typeof c.model === 'string' && c.model) forLog.model = c.model;
          }
          if (hideLogprobs && choice) choice.logprobs = null;
          const last = choice?.finish_reason !== null && choice?.finish_reason !== undefined;
          if (restore && choice && (choice.delta?.content !== undefined || last)) {
            choice.delta = { ...choice.delta, content: restore(choice.delta?.content ?? '', last) };
            held = !last;
          }
          lastChunk = c;
          yield c;
        }
        const tail = held && restore ? restore('', true) : '';
        if (tail && lastChunk) {
          yield { ...lastChunk, choices: [{ index: 0, delta: { content: tail }, finish_reason: null, logprobs: null }], usage: null };
        }
      } catch (e) {
        job.serverTokens = n;
        t.countTokens(n);
        job.failed(e);
        throw e;
      }
      job.answered(usage, n);
      if (forLog) {
        job.served = {
          model: forLog.model || job.deps.server.model,
          answer: forLog.text,
          logprobs: forLog.logprobs.length ? forLog.logprobs : null,
        };
      }
    })();
  }

  /** Logs the server's answer for distillation (when the app opted in): called once the
   * answer of decision `d` came from the server. Never throws; the write happens after. */
  logServed(d: WasmDecision): void {
    const log = this.deps.distill;
    if (!log?.enabled || !this.served) return;
    log.record(this.served, this.policy, d.reason, this.redaction?.messages ?? this.messages);
    this.served = undefined;
  }

  /** What a server failure turns a decision into: the local engine answers, saying why. */
  fallback(d: WasmDecision, e: unknown): WasmDecision {
    const why = e instanceof Error ? e.message : String(e);
    return { route: 'local', rule: 'server_unreachable', reason: `server unreachable: ${why}`, scores: d.scores };
  }

  /** Remembers the route the router (or the cascade) chose for this conversation. */
  stick(d: WasmDecision): void {
    if (d.rule === 'score' || d.rule === 'cascade') this.deps.tracker.stick(this.conversation, d.route);
  }

  /** The `tandem` field of the answer; `engine` is the local engine's own (backend, tokens)
   * when it answered. */
  info(d: WasmDecision, engine?: Partial<TandemExtra>): CollabInfo {
    return {
      ...(d.route === 'local' ? engine : undefined),
      route: d.route,
      rule: d.rule,
      reason: d.reason,
      scores: d.scores,
      policy: this.policy,
      local_tokens: this.localTokens,
      server_tokens: this.serverTokens,
      server_calls: this.serverCalls,
      latency_ms: performance.now() - this.t0,
      ...(this.redaction ? { privacy: this.redaction.receipt(this.serverCalls > 0) } : undefined),
    };
  }
}
