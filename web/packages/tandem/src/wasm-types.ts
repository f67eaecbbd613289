/**
 * The wasm binding's JS surface (crates/tandem-wasm): the plain-data objects it returns, as
 * declared in crates/tandem-wasm/src/shapes.rs, the parameters it accepts and the error kinds
 * it throws. crates/tandem-wasm/tests/ts_shapes.rs reads this file and checks every interface
 * below against a serialized sample of its Rust struct (InfoJs → WasmInfo, StepJs → WasmStep, …),
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
  | 'internal';

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
  /** The last prompt's pooled final-norm hidden states (a learned router's input). */
  promptFeatures(): Promise<WasmFeatures>;
  useCpu(files: unknown): void;
  loseDevice(): void;
  free(): void;
  readonly backend: string;
}

/** The wasm `Engine` class's static side. */
export interface WasmEngineClass {
  load(files: unknown, options: WasmLoadOptions): Promise<WasmEngineApi>;
}
