/**
 * The wasm binding's JS surface (crates/tandem-wasm): the plain-data objects it returns, as
 * declared in crates/tandem-wasm/src/shapes.rs (camelCase) and, for the collaboration policy,
 * tandem-collab's own serde types (snake_case), the parameters it accepts and the error kinds
 * it throws. crates/tandem-wasm/tests/ts_shapes.rs reads this file and checks every interface
 * below against a serialized sample of its Rust struct (InfoJs → WasmInfo, StepJs → WasmStep,
 * Decision → WasmDecision, …; for inputs such as WasmContext also which keys may be left out),
 * the union types against the Rust values, and WasmErrorKind against tandem_wasm::errors::kinds().
 *
 * Keep the format that test parses: `export interface Name {` … `}` and `export type Name =` …
 * `;`, one field or one union member per line, comments on lines of their own.
 */

/** InfoJs.backend. */
export type WasmBackend =
  | 'webgpu'
  | 'cpu'
  | 'lost';

/** tandem_core::FinishReason, as the binding serializes it. */
export type WasmFinishReason =
  | 'length'
  | 'stop_token'
  | 'stop_string'
  | 'context_full'
  | 'cancelled';

/** Every error kind the wasm side throws (tandem_wasm::errors::kinds(), the module function
 * `errorKinds()`), on a JS `Error` named "TandemError". The package adds its own (src/errors.ts). */
export type WasmErrorKind =
  // a model file is corrupt, the config is wrong, a tensor is missing
  | 'invalid_model'
  // a request parameter is out of range, an unknown key, n ≠ 1, a token id outside the vocabulary
  | 'invalid_request'
  // an engine option is unknown or out of range
  | 'invalid_options'
  // the prompt does not fit the model's context
  | 'context_overflow'
  | 'tokenizer'
  | 'chat_template'
  // the model has no chat template (chat completions need one)
  | 'no_chat_template'
  // no WebGPU adapter (backend 'webgpu' only; 'auto' falls back to the CPU)
  | 'no_adapter'
  | 'gpu_unsupported'
  | 'device_lost'
  | 'out_of_memory'
  | 'gpu'
  // a call while a generation (or another async call) is in progress
  | 'busy'
  | 'internal'
  // tandem-collab: a bad argument to a policy function (a NaN, mismatched lengths, an unknown
  // key or signal name)
  | 'invalid_input'
  // a feature vector whose length is not the router's `dim` (features of another model)
  | 'feature_dim'
  // router.json does not parse or is unusable
  | 'invalid_router'
  | 'unsupported_router_version'
  | 'invalid_training_data'
  // tandem-privacy: a policy names an unknown entity type or level
  | 'unknown_type'
  | 'unknown_level';

/** `engine.info()` (InfoJs). */
export interface WasmInfo {
  backend: WasmBackend;
  adapter: string | null;
  fallbackReason: string | null;
  architecture: string;
  vocabSize: number;
  hiddenSize: number;
  numLayers: number;
  maxContext: number;
  hasTokenizer: boolean;
  hasChatTemplate: boolean;
  eosTokenIds: number[];
  gpuWeightBytes: number;
  /** Tokens whose keys/values the engine holds (reused by a prompt that extends them). */
  cachedTokens: number;
}

/** One alternative token at a position, most likely first (TopLogprobJs). */
export interface WasmTopLogprob {
  id: number;
  /** The token decoded on its own (may be a partial character). */
  token: string;
  /** The token's raw UTF-8 bytes. */
  bytes: number[];
  logprob: number;
}

/** `engine.step()`: one generated token (StepJs). */
export interface WasmStep {
  id: number;
  /** Text that became final with this token (held back while it may become a stop string). */
  text: string;
  token: string;
  bytes: number[];
  logprob: number;
  /** Entropy (nats) of the model's distribution at this position. */
  entropy: number;
  /** The `top_logprobs` most likely tokens (empty unless requested). */
  topLogprobs: WasmTopLogprob[];
  /** Set on the last token. */
  finishReason: WasmFinishReason | null;
}

/** `engine.end()`: the whole generation (GenerationJs). */
export interface WasmGeneration {
  ids: number[];
  text: string;
  logprobs: number[];
  entropies: number[];
  finishReason: WasmFinishReason;
  promptTokens: number;
  /** Prompt tokens whose keys/values were reused from the previous call. */
  cachedTokens: number;
}

/** One scored position of `engine.score()` (ScoredTokenJs). */
export interface WasmScoredToken {
  id: number;
  token: string;
  bytes: number[];
  /** log p(id | the ids before it). */
  logprob: number;
  entropy: number;
  topLogprobs: WasmTopLogprob[];
}

/** The next-token distribution after the last scored id (NextJs). */
export interface WasmNext {
  entropy: number;
  topLogprobs: WasmTopLogprob[];
}

/** `engine.score(ids, from, topK)` (ScoreJs). */
export interface WasmScore {
  /** One per id of `ids[from..]`. */
  tokens: WasmScoredToken[];
  next: WasmNext;
  /** Leading ids whose keys/values were reused (not recomputed). */
  cachedTokens: number;
}

/** `engine.draft(ids, k, temperature, seed)` (DraftJs). */
export interface WasmDraft {
  ids: number[];
  /** With a temperature: per token, the `[id, probability]` pairs it was drawn from (what
   * `/v1/verify` takes as `draft_dists`); greedy: null. */
  dists: number[][][] | null;
}

/** `engine.promptFeatures()`: the prompt's final-norm hidden states, pooled (FeaturesJs). */
export interface WasmFeatures {
  mean: number[];
  last: number[];
  /** Positions pooled. */
  tokens: number;
}

/** A chat message as `renderChat` / `promptIds` take it. */
export interface WasmMessage {
  role: string;
  content: string;
}

/** `engine.begin(prompt, params)`: OpenAI's names; the binding refuses any other key and checks
 * ranges with OpenAI's defaults (temperature 1, max_tokens 256). */
export interface WasmGenerateParams {
  max_tokens?: number;
  max_completion_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  repetition_penalty?: number;
  seed?: number;
  stop?: string | string[];
  stop_token_ids?: number[];
  ignore_eos?: boolean;
  logprobs?: boolean;
  top_logprobs?: number;
  n?: number;
}

/** `Engine.load(files, options)`'s options. */
export interface WasmLoadOptions {
  backend?: 'auto' | 'webgpu' | 'cpu';
  maxContext?: number;
  prefillChunk?: number;
  allowSubgroups?: boolean;
  allowF16?: boolean;
}

/** A loaded engine (the wasm `Engine` class's instance side). */
export interface WasmEngineApi {
  info(): WasmInfo;
  renderChat(messages: WasmMessage[]): string;
  /** The chat template rendered (generation prompt added) and tokenized in one call. */
  promptIds(messages: WasmMessage[]): Uint32Array;
  encode(text: string, addSpecial: boolean): Uint32Array;
  decode(ids: Uint32Array | number[], skipSpecial: boolean): string;
  /** Starts a generation; returns the prompt tokens reused from the KV cache. */
  begin(prompt: Uint32Array | number[], params: WasmGenerateParams): number;
  step(): Promise<WasmStep>;
  end(reason?: string | null): WasmGeneration;
  /** Keeps the first `n` cached tokens. */
  rewind(n: number): void;
  /** Logprobs of `ids[from..]` given the ids before each (`from` ≥ 1); the cache then holds `ids`. */
  score(ids: Uint32Array | number[], from: number, topK: number): Promise<WasmScore>;
  /** Up to `k` tokens proposed after `ids` (the cached prefix reused, the rest rewound),
   * stopping after an end-of-sequence token; greedy at temperature 0. `seed` is a u32. */
  draft(ids: Uint32Array | number[], k: number, temperature: number, seed: number): Promise<WasmDraft>;
  /** The last prompt's pooled final-norm hidden states (a learned router's input). */
  promptFeatures(): Promise<WasmFeatures>;
  useCpu(files: unknown): void;
  loseDevice(): void;
  /** Test hook: panics inside the engine (the package turns it into a `panic` error). */
  simulatePanic(): void;
  free(): void;
  readonly backend: string;
}

/** The wasm `Engine` class's static side. */
export interface WasmEngineClass {
  load(files: unknown, options: WasmLoadOptions): Promise<WasmEngineApi>;
}

// ---- the collaboration policy (tandem-collab, crates/tandem-wasm/src/collab_bindings.rs) ----

/** tandem_collab::Route: where a request runs. */
export type WasmRoute =
  | 'local'
  | 'server';

/** tandem_collab::Rule: which rule decided (precedence: crates/tandem-collab/src/rules.rs). */
export type WasmRule =
  | 'privacy'
  | 'offline'
  | 'server_unreachable'
  | 'call_budget'
  | 'token_budget'
  | 'policy'
  | 'local_context'
  | 'latency'
  | 'metered'
  | 'battery_low'
  | 'sticky'
  | 'score'
  | 'no_score'
  | 'cascade';

/** tandem_collab::Signal: which statistic of WasmTokenStats measures uncertainty. */
export type WasmSignal =
  | 'mean_logprob'
  | 'min_logprob'
  | 'q05'
  | 'q10'
  | 'q25'
  | 'mean_entropy'
  | 'max_entropy';

/** tandem_collab::RouterLabel: what a router was trained to predict. */
export type WasmRouterLabel =
  | 'disagreement'
  | 'local_wrong';

/** tandem_collab::Budget: today's server usage and its caps (an absent cap does not apply). */
export interface WasmBudget {
  calls_today?: number;
  max_calls_per_day?: number | null;
  tokens_today?: number;
  max_tokens_per_day?: number | null;
}

/** tandem_collab::Context, `decide`'s input: an absent (or null) optional field is unknown and
 * its rule does not apply; an unknown key is an `invalid_input` error. */
export interface WasmContext {
  /** A detected privacy class ("health", "email", …): the request never leaves the device. */
  privacy?: string | null;
  online: boolean;
  server_available: boolean;
  budget?: WasmBudget | null;
  /** Measured round trip to the server. */
  rtt_ms?: number | null;
  latency_target_ms?: number | null;
  metered?: boolean | null;
  battery_low?: boolean | null;
  /** The route this conversation took before. */
  sticky?: WasmRoute | null;
  /** The policy's forced route. */
  forced?: WasmRoute | null;
  /** False when the prompt does not fit the local model's context (rule `local_context`). */
  local_fits?: boolean | null;
}

/** tandem_collab::Score: a named score and its threshold (`value > threshold` → server). */
export interface WasmRouteScore {
  name: string;
  value: number;
  threshold: number;
}

/** tandem_collab::Decision: where, which rule, why, and every score known (`<name>` and
 * `<name>_threshold`). */
export interface WasmDecision {
  route: WasmRoute;
  rule: WasmRule;
  reason: string;
  scores: Record<string, number>;
}

/** tandem_collab::TokenStats: a generation's per-token uncertainty (all 0 for no tokens). */
export interface WasmTokenStats {
  tokens: number;
  mean_logprob: number;
  min_logprob: number;
  q05: number;
  q10: number;
  q25: number;
  q50: number;
  mean_entropy: number;
  max_entropy: number;
}

/** tandem_collab::Escalation: the cascade's verdict. */
export interface WasmEscalation {
  escalate: boolean;
  reason: string;
  score: number;
}

/** tandem_collab::CascadeRule: escalate when the signal's score is above the threshold. */
export interface WasmCascadeRule {
  signal: WasmSignal;
  threshold: number;
}

/** tandem_collab::TokenSignal: a generated token's uncertainty (higher score = less sure). */
export type WasmTokenSignal = 'entropy' | 'logprob' | 'margin';

/** tandem_collab::DeferRule: policy `token-defer`'s rule (router.json's `token_defer`): the
 * server supplies a token whose signal's score is above the threshold. */
export interface WasmDeferRule {
  signal: WasmTokenSignal;
  threshold: number;
  /** The share of the local model's tokens it was calibrated to defer (absent when set by hand). */
  target_share?: number | null;
}

/** tandem_collab::Deferral: `deferCheck`'s verdict on one token (score NaN when the signal
 * could not be read: then it defers). */
export interface WasmDeferral {
  defer: boolean;
  score: number;
  reason: string;
}

/** tandem_collab::FusionConfig: the server's weight w in [0, 1] in p ∝ p_local^(1−w) ·
 * p_server^w, and the fused distribution's temperature (> 0). */
export interface WasmFusionConfig {
  weight: number;
  temperature: number;
}

/** tandem_collab::Fused: every token either side listed as `[id, logprob]`, likeliest first
 * (the greedy choice is the first), and the value shared by the `rest_count` tokens neither
 * listed (-Infinity when there are none). */
export interface WasmFused {
  tokens: number[][];
  rest_logprob: number;
  rest_count: number;
}

/** tandem_collab::Router: router.json (`tandem-router/1`). */
export interface WasmRouterJson {
  version: string;
  kind: 'logistic';
  dim: number;
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  threshold: number;
  target_share: number;
  label: WasmRouterLabel;
  cascade?: WasmCascadeRule | null;
  token_defer?: WasmDeferRule | null;
  trained_on: number;
  notes?: string;
  /** Present once the router learned from a user's feedback on the device. */
  personal?: WasmPersonal | null;
}

/** tandem_collab::Personal: what a personalised router.json records. */
export interface WasmPersonal {
  /** Feedback events learned since the base router. */
  events: number;
  /** The base router's weights and bias (the L2 pull's anchor; what a reset returns to). */
  base_weights: number[];
  base_bias: number;
}

/** tandem_collab::Learned: one feedback event's effect on its prompt's score. */
export interface WasmLearned {
  before: number;
  after: number;
  events: number;
}

/** A router read by `Router.fromJson` (the wasm `Router` class's instance side). */
export interface WasmRouterApi {
  /** The score in [0, 1] that the features (prompt features: mean, then last) need the server. */
  score(features: Float32Array | number[]): number;
  /** The score as `decide` takes it (named "router", with this router's threshold). */
  routeScore(features: Float32Array | number[]): WasmRouteScore;
  /** Learns one feedback event on the device: the features wanted the server or not (`rate`
   * in (0, 4], `l2` in [0, 1); defaults 2 and 0.02). The router is unchanged on an error. */
  learn(features: Float32Array | number[], wantsServer: boolean, rate?: number, l2?: number): WasmLearned;
  toJson(): string;
  free(): void;
  readonly threshold: number;
  readonly dim: number;
  readonly targetShare: number;
  readonly cascade: WasmCascadeRule | null;
  /** Feedback events learned (0 for a router as fitted). */
  readonly events: number;
}

/** The wasm `Router` class's static side. */
export interface WasmRouterClass {
  fromJson(text: string): WasmRouterApi;
}

/** tandem_collab::Acceptance: draft tokens accepted, and rounds that ended in a rejection. */
export interface WasmAcceptance {
  accepted: number;
  rejected: number;
}

/** tandem_collab::Costs: a speculative round's measured costs, in ms. */
export interface WasmCosts {
  /** One round trip to the server. */
  rtt_ms: number;
  /** Drafting one token locally. */
  draft_ms: number;
  /** The server's verify pass, without the round trip. */
  verify_ms: number;
  /** The server streaming alone, per token. */
  stream_ms: number;
}

/** tandem_collab::SpeculativeConfig (every field optional: its default). */
export interface WasmSpeculativeConfig {
  /** What the plan optimises: time per output token, or server forward passes per token. */
  objective?: 'latency' | 'server_cost';
  k_min?: number;
  k_max?: number;
  /** The acceptance rate assumed before any round, and its weight in pseudo-tokens. */
  prior_alpha?: number;
  prior_weight?: number;
}

/** tandem_collab::Plan: the next round (draft `k` tokens, or `stream`: plain server streaming
 * wins the objective), with the estimates behind it. */
export interface WasmSpeculationPlan {
  mode: 'speculate' | 'stream';
  k: number;
  alpha: number;
  tokens_per_round: number;
  speculative_ms_per_token: number;
  stream_ms_per_token: number;
  speculative_passes_per_token: number;
  reason: string;
}

/** The policy's module functions (pure, synchronous). */
export interface WasmCollabApi {
  planSpeculation(acceptance: WasmAcceptance, costs: WasmCosts, config?: WasmSpeculativeConfig | null): WasmSpeculationPlan;
  decide(context: WasmContext, score?: WasmRouteScore | null): WasmDecision;
  decideAfterLocal(context: WasmContext, escalation: WasmEscalation, threshold: number): WasmDecision;
  tokenStats(logprobs: Float32Array | number[], entropies: Float32Array | number[]): WasmTokenStats;
  uncertaintyScore(stats: WasmTokenStats, signal: WasmSignal): number;
  shouldEscalate(stats: WasmTokenStats, signal: WasmSignal, threshold: number): WasmEscalation;
  normalizeAnswer(text: string): string;
  isCorrect(completion: string, answer: string): boolean;
  answersAgree(a: string, b: string): boolean;
  /** The training label of feedback on an answer of `route`: true = wanted the server, false
   * = the local answer was fine, undefined = no label. */
  feedbackLabel(feedback: 'up' | 'down' | 'ask_server', route: WasmRoute): boolean | undefined;
  /** Policy `token-defer`: whether the server supplies this token (its logprob, the
   * distribution's entropy, the top logprobs likeliest first). */
  deferCheck(rule: WasmDeferRule, logprob: number, entropy: number, top: Float32Array | number[]): WasmDeferral;
  /** Policy `fusion`: the fused next-token distribution of two `[id, logprob]` top-k lists. */
  fuse(local: number[][], server: number[][], vocab: number, config?: WasmFusionConfig | null): WasmFused;
}

/** tandem-privacy's entity types (EntityType). */
export type WasmPiiType =
  | 'email'
  | 'phone'
  | 'credit_card'
  | 'iban'
  | 'ip_address'
  | 'url'
  | 'person'
  | 'street_address';

/** What to do with a class: leave it, replace it with a placeholder, or keep the request on
 * the device. */
export type WasmPrivacyLevel =
  | 'off'
  | 'redact'
  | 'local-only';

/** tandem-privacy's Policy: a level per class (keys: WasmPiiType; an unknown one is an error),
 * and one for the classes not named (default 'redact'). */
export interface WasmPrivacyPolicy {
  default?: WasmPrivacyLevel;
  levels?: Record<string, WasmPrivacyLevel>;
}

/** A detected entity (Entity); `start`/`end` are byte offsets into the UTF-8 text. */
export interface WasmPiiEntity {
  type: WasmPiiType;
  value: string;
  start: number;
  end: number;
}

/** A detected entity and its placeholder (Redacted). */
export interface WasmRedacted {
  type: WasmPiiType;
  value: string;
  placeholder: string;
  start: number;
  end: number;
}

/** A placeholder and what it stands for (Slot); `key` is the value as compared (formatting
 * removed). Slots stay on the device. */
export interface WasmSlot {
  type: WasmPiiType;
  value: string;
  placeholder: string;
  key: string;
}

/** `redactConversation`'s result (ConversationRedaction). */
export interface WasmConversationRedaction {
  /** The texts, in order, with placeholders. */
  redacted: string[];
  /** Per text, what was replaced. */
  entities: WasmRedacted[][];
  /** The local-only classes found: the request must stay on the device. */
  local_only: WasmPiiType[];
  slots: WasmSlot[];
}

/** `restoreChunk`'s result (RestoredChunkJs). */
export interface WasmRestoredChunk {
  ready: string;
  pending: string;
}

/** tandem-privacy's functions (pure, synchronous, stateless). */
export interface WasmPrivacyApi {
  detectPii(text: string): WasmPiiEntity[];
  redactConversation(texts: string[], policy?: WasmPrivacyPolicy | null): WasmConversationRedaction;
  restorePlaceholders(text: string, slots: WasmSlot[]): string;
  restoreChunk(pending: string, chunk: string, slots: WasmSlot[], last: boolean): WasmRestoredChunk;
}
