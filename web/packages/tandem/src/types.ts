/** OpenAI-shaped request and response types of `engine.chat.completions.create`. */
import type { StoreKind } from './cache.js';
import type { LoadProgress, ModelSource } from './loader.js';
import type { WasmBackend, WasmDraft, WasmFeatures, WasmInfo } from './wasm-types.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | (string & {});
  content: string;
}

export interface ChatCompletionRequest {
  messages: ChatMessage[];
  /** Ignored (the engine runs the model it loaded); accepted for OpenAI compatibility. */
  model?: string;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean } | null;
  /** Default 256. */
  max_tokens?: number | null;
  /** OpenAI's newer name for max_tokens. */
  max_completion_tokens?: number | null;
  /** Default 1 (as OpenAI); 0 = greedy. */
  temperature?: number | null;
  top_p?: number | null;
  /** Tandem extension: keep the k most likely tokens. */
  top_k?: number | null;
  /** Tandem extension: transformers' repetition penalty. */
  repetition_penalty?: number | null;
  /** Up to 4 sequences. */
  stop?: string | string[] | null;
  /** Tandem extension (as vLLM): token ids that end the generation. */
  stop_token_ids?: number[] | null;
  /** Tandem extension: do not stop at the model's end-of-sequence token. */
  ignore_eos?: boolean | null;
  seed?: number | null;
  /** Return each output token's logprob (`choices[].logprobs`). */
  logprobs?: boolean | null;
  /** 0–20 most likely tokens at each position (needs `logprobs: true`). */
  top_logprobs?: number | null;
  /** Only 1. */
  n?: number | null;
  signal?: AbortSignal;
}

/** Per-token uncertainty, what a router reads (natural log; entropy in nats). */
export interface TokenInfo {
  id: number;
  logprob: number;
  entropy: number;
}

export type FinishReason = 'stop' | 'length';

export interface TandemExtra {
  backend: EngineBackend;
  tokens: TokenInfo[];
  /** The engine's own reason: stop_token, stop_string, length, context_full. */
  finish_detail?: string;
}

/** One alternative at a position (OpenAI's `top_logprobs` entry). */
export interface TopLogprob {
  token: string;
  logprob: number;
  /** The token's UTF-8 bytes (a token may hold part of a character). */
  bytes: number[];
}

/** One output token's logprob (OpenAI's `ChatCompletionTokenLogprob`). */
export interface TokenLogprob extends TopLogprob {
  /** The most likely tokens at this position, most likely first (`top_logprobs` of them). */
  top_logprobs: TopLogprob[];
}

/** `choices[].logprobs` when the request set `logprobs: true` (null otherwise). */
export interface ChoiceLogprobs {
  content: TokenLogprob[] | null;
  refusal: TokenLogprob[] | null;
}

export interface CompletionUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** `cached_tokens`: prompt tokens whose keys/values were reused from the previous request. */
  prompt_tokens_details: { cached_tokens: number };
}

export interface ChatCompletion {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: {
    index: number;
    message: { role: 'assistant'; content: string };
    finish_reason: FinishReason;
    logprobs: ChoiceLogprobs | null;
  }[];
  usage: CompletionUsage;
  tandem: TandemExtra;
}

export interface ChatCompletionChunk {
  id: string;
  object: 'chat.completion.chunk';
  created: number;
  model: string;
  choices: {
    index: number;
    delta: { role?: 'assistant'; content?: string };
    finish_reason: FinishReason | null;
    /** The chunk's token, when the request set `logprobs: true`. */
    logprobs: ChoiceLogprobs | null;
  }[];
  usage?: CompletionUsage | null;
  tandem?: Partial<TandemExtra>;
}

export type EngineBackend = WasmBackend;

/** A prompt's final-norm hidden states pooled over its positions (`mean`) and at its last one
 * (`last`), each `hiddenSize` long: a learned router's input (concatenated, mean first). */
export type PromptFeatures = WasmFeatures;

/** What the engine reports (the wasm engine's `info()`, declared once in wasm-types.ts) and
 * what the package adds. */
export interface EngineInfo extends WasmInfo {
  model: string;
  /** True when every model file came from the model store (OPFS or Cache Storage). */
  fromCache: boolean;
  /** Milliseconds from createEngine to ready. */
  loadMs: number;
  /** Where model files are kept: the origin private file system, Cache Storage, or nowhere
   * (`useCache: false`, or neither in this context). */
  store: StoreKind;
  /** Why the downloaded files could not be kept (e.g. the storage quota): the model runs all
   * the same, from the downloaded bytes, and the next load downloads them again. */
  storageError: StorageErrorInfo | null;
  /** The engine is a SharedWorker serving every page of the origin (`shared: true` where the
   * browser has SharedWorker). */
  shared: boolean;
  /** Pages connected to this engine (1 unless shared). */
  clients: number;
  /** Times the package replaced its dead worker and reloaded the model. */
  restarts: number;
}

/** A storage failure as plain data (it crosses the worker boundary): a `storage` TandemError's
 * kind and message. */
export interface StorageErrorInfo {
  kind: 'storage';
  message: string;
}

export interface EngineOptions {
  /** A manifest, or its URL. */
  model: ModelSource;
  /** 'auto' (default): WebGPU when an adapter exists, the CPU otherwise (and after device loss). */
  backend?: 'auto' | 'webgpu' | 'cpu';
  onProgress?: (p: LoadProgress) => void;
  /** Keep model files in the origin private file system, or Cache Storage where OPFS cannot be
   * written (default true). */
  useCache?: boolean;
  /** GPU KV cache capacity in tokens (default 4096, capped by the model). */
  maxContext?: number;
  /** Tokens per GPU prefill submit (default 128). */
  prefillChunk?: number;
  /** URL of tandem_wasm_bg.wasm when it is not beside the package's wasm glue. */
  wasmUrl?: string;
  /** Called when the engine moves to the CPU after the GPU device was lost. */
  onBackendChange?: (backend: EngineBackend, reason: string) => void;
  /** `createEngine`: one engine for every page (tab) of the origin, in a SharedWorker, where the
   * browser has one (else a Worker per page, as without it; `info().shared` says which). */
  shared?: boolean;
  /** Called when the package replaced its dead worker (crashed or killed) and reloaded the
   * model, before the request that found it dead runs; `reason` is how it died. */
  onWorkerRestart?: (reason: string) => void;
}

/** The one interface of an engine, in the page or behind a worker. */
/** What the local model drafts (`tokens.draft`). */
export interface DraftRequest {
  /** The whole sequence so far (prompt and answer); the KV cache's shared prefix is reused
   * and the rest of it rewound, never recomputed. */
  ids: number[];
  /** Tokens to propose (fewer after an end-of-sequence token). */
  k: number;
  /** 0: greedy; else drawn from the model's top 20 at this temperature. */
  temperature: number;
  /** The draw's seed (a u32). */
  seed: number;
}

/** What the local model is asked for its next token (`tokens.next`). */
export interface NextRequest {
  /** The whole sequence so far; the KV cache's shared prefix is reused (one new position per
   * call while a generation grows), the rest of it rewound. */
  ids: number[];
  /** Alternatives to list, 1..=20. */
  topK: number;
}

/** The local model's next-token distribution after `ids`. */
export interface NextToken {
  /** `[id, logprob]`, likeliest first (empty only when the model's numbers broke). */
  top: [number, number][];
  /** The whole distribution's entropy (nats). */
  entropy: number;
}

/** Tokens in and out of the local model, for collaboration across the token boundary. */
export interface EngineTokens {
  /** The chat template rendered (generation prompt added) and tokenized. */
  promptIds(messages: ChatMessage[]): Promise<number[]>;
  decode(ids: number[]): Promise<string>;
  /** Proposed tokens and, with a temperature, the distribution each was drawn from. */
  draft(req: DraftRequest): Promise<WasmDraft>;
  /** The next-token distribution after `req.ids` (one forward pass over what is not cached):
   * token-level collaboration's local side (policies `token-defer`, `fusion`). */
  next(req: NextRequest): Promise<NextToken>;
}

export interface TandemEngine {
  readonly chat: {
    readonly completions: {
      create(req: ChatCompletionRequest & { stream: true }): Promise<AsyncIterable<ChatCompletionChunk>>;
      create(req: ChatCompletionRequest & { stream?: false | null }): Promise<ChatCompletion>;
      create(req: ChatCompletionRequest): Promise<ChatCompletion | AsyncIterable<ChatCompletionChunk>>;
    };
  };
  info(): Promise<EngineInfo>;
  /**
   * Runs the prompt of `messages` (the prefill) and returns its pooled hidden states. The KV
   * cache keeps the prompt, so a completion of the same messages right after feeds only its last
   * token again.
   */
  promptFeatures(messages: ChatMessage[]): Promise<PromptFeatures>;
  /** Token-level access for collaboration (speculative decoding). */
  readonly tokens: EngineTokens;
  /** Frees the model (and ends the worker when the engine started it). Later calls fail with kind 'unloaded'. */
  unload(): Promise<void>;
  /** Test hook: destroys the GPU device as a driver reset would; generation continues on the CPU. */
  simulateDeviceLoss(): Promise<void>;
  /** Test hook: panics inside the wasm engine, in a synchronous call or (default) in one of its
   * tasks, as an async step or load would. That call fails with a `panic` TandemError; the
   * module is reset and the next request reloads the model (from the cache) and is served. */
  simulatePanic(where?: 'call' | 'task'): Promise<void>;
  /** Test hook (engines the package made): kills the worker without telling it — a dedicated
   * worker is terminated from the page, a shared one closes itself. Requests in flight fail with
   * kind `worker`; the next request starts a new worker and reloads the model (from the model
   * store) when the package started the worker, and fails with kind `worker` otherwise. */
  simulateWorkerCrash?(): Promise<void>;
}
