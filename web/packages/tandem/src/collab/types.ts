/** The public types of `createTandem`: its options, the per-request `tandem` options and the
 * `tandem` field every answer carries. */
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  ChatMessage,
  EngineOptions,
  TandemEngine,
  TandemExtra,
} from '../types.js';
import type {
  WasmCascadeRule,
  WasmContext,
  WasmRoute,
  WasmRouterJson,
  WasmRule,
  WasmSignal,
} from '../wasm-types.js';
import type { Feedback, FeedbackResult, Personalisation } from './personal.js';
import type { Distillation, DistillOptions } from './distill-log.js';
import type { PrivacyOptions, PrivacyReceipt } from './privacy.js';
import type { SpeculationInfo, SpeculativeOptions } from './speculative.js';
import type { FusionOptions, TokenDeferOptions, TokenLevelInfo } from './token-level.js';

export type Route = WasmRoute;
export type Rule = WasmRule;
export type Signal = WasmSignal;
export type RouterJson = WasmRouterJson;
export type CascadeRule = WasmCascadeRule;
export type RoutingContext = WasmContext;

/**
 * - `local`: always the local engine; `server`: always the server (rules still apply: a private,
 *   offline or over-budget request stays local).
 * - `route`: decided before generating, from the router's score of the prompt's features and
 *   the rules.
 * - `cascade`: the local engine answers; if its tokens were uncertain (the cascade rule), the
 *   server answers again.
 * - `speculative`: the local engine drafts, the server (tandem-server's `/v1/verify`) accepts a
 *   prefix and corrects; the answer is the server model's own (speculative.ts).
 * - `token-defer`: the local engine writes; a token its uncertainty rule (router.json's
 *   `token_defer`) flags is supplied by the server (token-level.ts).
 * - `fusion`: the local engine drafts; each token is the argmax of both models' fused
 *   distribution (the server's top-k from `/v1/verify`; token-level.ts).
 */
export type Policy = 'local' | 'server' | 'route' | 'cascade' | 'speculative' | 'token-defer' | 'fusion';

/** An OpenAI-compatible server (`POST {baseURL}/chat/completions`). */
export interface ServerOptions {
  /** E.g. `https://api.example.com/v1`. */
  baseURL: string;
  apiKey?: string;
  /** The `model` every request to the server names. */
  model: string;
  /** Milliseconds to the response's headers, and to the whole body of a JSON answer (default 30 000). */
  timeoutMs?: number;
  /** Longest gap between two streamed chunks, in ms (default 30 000). */
  idleTimeoutMs?: number;
  /** After a failed call the server counts as unreachable for this long, in ms, unless its
   * `Retry-After` says otherwise (default 30 000). */
  retryAfterMs?: number;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

export interface BudgetOptions {
  maxCallsPerDay?: number;
  /** Server tokens (prompt + completion, as its `usage` reports) per day. */
  maxTokensPerDay?: number;
}

export interface RulesOptions {
  /** A privacy class for a request's messages ('health', 'email', …), or undefined: a request
   * with a class never reaches the server. The request's own `tandem.privacy` comes first. */
  classify?: (messages: ChatMessage[]) => string | undefined | null;
  /** The cascade's signal and threshold (default: router.json's `cascade`). */
  cascade?: CascadeRule;
  budget?: BudgetOptions;
  /** Requests stay local while the measured round trip to the server is above this (ms). */
  latencyTargetMs?: number;
  /** Keep a conversation on the route the router chose for it (default true). */
  sticky?: boolean;
  /** Obey the network's metered state (default true) and a low battery (default true). */
  metered?: boolean;
  battery?: boolean;
}

/** Where the environment's signals come from (defaults: `navigator`); tests and apps with
 * their own knowledge override any of them. `undefined` means unknown. */
export interface Environment {
  online?(): boolean | undefined;
  metered?(): boolean | undefined;
  batteryLow?(): Promise<boolean | undefined> | boolean | undefined;
  /** Milliseconds since the epoch (budgets' day, cool-downs). */
  now?(): number;
}

/** Where the daily budget is kept between page loads (e.g. `localStorage`). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface TandemOptions {
  /** The local engine, or the options to create one (`createEngine`). */
  local: TandemEngine | EngineOptions;
  server: ServerOptions;
  /** router.json (an object, or its URL), validated by the Rust router. */
  router?: RouterJson | string | URL;
  policy: Policy;
  rules?: RulesOptions;
  /** Personal data in the messages is replaced with placeholders before a request leaves the
   * device and restored in the reply: a level for every class ('redact', 'local-only',
   * 'off'), or `{ default, levels: { email: 'local-only', … } }`. Default: off. */
  privacy?: PrivacyOptions;
  /** Policy `speculative`'s objective and draft length. */
  speculative?: SpeculativeOptions;
  /** Policy `token-defer`'s rule (default: router.json's `token_defer`; one of the two is
   * needed for the policy). */
  tokenDefer?: TokenDeferOptions;
  /** Policy `fusion`'s server weight (default 0.7), tokens per server call (4) and top-k (20). */
  fusion?: FusionOptions;
  environment?: Environment;
  /** Persists the daily budget and the personalised router (default: kept in memory). */
  storage?: KeyValueStorage;
  /** The fetch used for the server and the router's URL (default: globalThis.fetch). */
  fetch?: typeof fetch;
  /** URL of tandem_wasm_bg.wasm for the policy in this thread (default: beside the glue). */
  wasmUrl?: string;
  /** The distillation log (distill-log.ts): `{ log: true }` keeps the server's answers to
   * escalated requests on the device, with its top-k logprobs, for `models/distill.py`.
   * Default: off. */
  distill?: DistillOptions;
}

/** Per-request options, under the request's `tandem` key. */
export interface TandemRequestOptions {
  /** The request's privacy class: it never leaves the device. */
  privacy?: string;
  /** The conversation it belongs to (stickiness); default: its system and first user message. */
  conversation?: string;
  /** This request's policy instead of the default. */
  policy?: Policy;
}

export type TandemRequest = ChatCompletionRequest & { tandem?: TandemRequestOptions };

/** What every answer reports: where it was produced and why. */
export interface CollabInfo extends Partial<TandemExtra> {
  /** Who produced the answer. */
  route: Route;
  /** The rule that decided; `server_unreachable` when the server failed and the local engine
   * answered instead. */
  rule: Rule;
  reason: string;
  /** Every score known: `router`, `cascade` and their `<name>_threshold`. */
  scores: Record<string, number>;
  policy: Policy;
  /** Tokens the local engine generated (a superseded cascade answer included). */
  local_tokens: number;
  /** Completion tokens of the server's answer. */
  server_tokens: number;
  /** HTTP requests made to the server. */
  server_calls: number;
  /** From `create` to the answer (the last chunk when streaming). */
  latency_ms: number;
  /** With `privacy` set: exactly what was sent to the server (the receipt). */
  privacy?: PrivacyReceipt;
  /** Policy `speculative`: rounds, acceptance, the last plan. */
  speculative?: SpeculationInfo;
  /** Policies `token-defer` and `fusion`: tokens deferred or fused, those the server changed,
   * verify rounds. */
  token_level?: TokenLevelInfo;
}

/** A stream's `tandem` field: a token chunk's tokens; on a chunk that supersedes what was
 * streamed before it, `superseded: true` with the route, rule and reason of what follows; the
 * whole CollabInfo on the final chunk. */
export interface CollabChunkInfo extends Partial<CollabInfo> {
  superseded?: boolean;
}

export type TandemCompletion = Omit<ChatCompletion, 'tandem'> & { tandem: CollabInfo };
export type TandemChunk = Omit<ChatCompletionChunk, 'tandem'> & { tandem?: CollabChunkInfo };

export interface TandemUsage {
  /** The local date (YYYY-MM-DD) the counts are for. */
  day: string;
  calls: number;
  tokens: number;
}

/** What `createTandem` returns: the engine's `chat.completions.create`, routed. */
export interface Tandem {
  readonly chat: {
    readonly completions: {
      create(req: TandemRequest & { stream: true }): Promise<AsyncIterable<TandemChunk>>;
      create(req: TandemRequest & { stream?: false | null }): Promise<TandemCompletion>;
      create(req: TandemRequest): Promise<TandemCompletion | AsyncIterable<TandemChunk>>;
    };
  };
  readonly local: TandemEngine;
  /** The default policy of requests (settable). */
  policy: Policy;
  /** What the rules would see for `messages` now (a UI can show it). */
  context(req?: { messages?: ChatMessage[]; tandem?: TandemRequestOptions }): Promise<RoutingContext>;
  /** Today's server calls and tokens. */
  usage(): TandemUsage;
  /** The user's feedback on answer `id` (a completion's or a stream's id, policy `route`):
   * the router learns from it on the device (personal.ts); nothing is uploaded. Kind
   * `invalid_request` for an unknown or forgotten id or without a router. */
  feedback(id: string, feedback: Feedback): Promise<FeedbackResult>;
  /** The personalised router: its events, `reset()` and `export()` (router.json's text). */
  readonly personalisation: Personalisation;
  /** The distillation log: `count()`, `export()` (JSON lines), `exportBlob()`, `clear()`. */
  readonly distillation: Distillation;
  /** Unloads the local engine when `createTandem` created it. */
  unload(): Promise<void>;
}
