/**
 * The request an engine core runs (serializable: it crosses the worker boundary) and the events
 * it streams back. `normalizeRequest` checks the request's shape (types only) and passes
 * OpenAI's parameter names through: the wasm engine applies OpenAI's defaults and checks ranges
 * (crates/tandem-wasm/src/options.rs), the same validation as tandem-server's.
 */
import { TandemError } from './errors.js';
import type { ChatCompletionRequest, ChatMessage, DraftRequest, EngineBackend, EngineInfo, NextRequest, NextToken, PromptFeatures } from './types.js';
import type { WasmDraft, WasmFinishReason, WasmGenerateParams, WasmStep } from './wasm-types.js';

/** Parameters as the wasm engine's `begin` takes them (OpenAI's names). */
export type GenParams = WasmGenerateParams;

export interface GenRequest {
  messages: ChatMessage[];
  params: GenParams;
}

/** The wasm engine's finish reasons. */
export type EngineFinish = WasmFinishReason;

/** One generated token: what a step returns (wasm-types.ts `WasmStep`), as plain data; the
 * generation's end comes as a `DoneEvent`. */
export type TokenEvent = { type: 'token' } & Omit<WasmStep, 'finishReason'>;

export interface DoneEvent {
  type: 'done';
  finishReason: EngineFinish;
  promptTokens: number;
  /** Prompt tokens whose keys/values came from the KV cache (not recomputed). */
  cachedTokens: number;
  completionTokens: number;
  text: string;
  backend: EngineBackend;
}

export type GenEvent = TokenEvent | DoneEvent;

/** What `chat.completions.create` runs on: the engine in this thread or a worker proxy. */
export interface GenerationCore {
  /** Streams a generation's tokens, then one 'done'. Stopping iteration early (or `signal`)
   * cancels it. */
  generate(req: GenRequest, signal?: AbortSignal): AsyncIterable<GenEvent>;
  info(): Promise<EngineInfo>;
  /** The prefill of `messages`' prompt, and its pooled hidden states (see TandemEngine). */
  promptFeatures(messages: ChatMessage[]): Promise<PromptFeatures>;
  /** See TandemEngine's `tokens`. */
  promptIds(messages: ChatMessage[]): Promise<number[]>;
  decode(ids: number[]): Promise<string>;
  draft(req: DraftRequest): Promise<WasmDraft>;
  next(req: NextRequest): Promise<NextToken>;
  unload(): Promise<void>;
  simulateDeviceLoss(): Promise<void>;
  simulatePanic(where?: 'call' | 'task'): Promise<void>;
  /** A core behind a worker: kills the worker (see TandemEngine). */
  simulateWorkerCrash?(): Promise<void>;
}

function invalid(msg: string): TandemError {
  return new TandemError('invalid_request', msg);
}

const given = (v: unknown) => v !== undefined && v !== null;

function finite(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(`${name} must be a finite number`);
  return v;
}

function integer(v: unknown, name: string): number {
  if (!Number.isInteger(finite(v, name))) throw invalid(`${name} must be an integer`);
  return v as number;
}

/** Parameters copied to the engine, by the JSON type each must have (null = not given). */
const NUMBERS = ['temperature', 'top_p', 'repetition_penalty'] as const;
const INTEGERS = ['max_tokens', 'max_completion_tokens', 'top_k', 'seed', 'top_logprobs', 'n'] as const;
const BOOLEANS = ['ignore_eos', 'logprobs'] as const;

/** `messages` checked (a non-empty array of string `role` and `content`) and copied. */
export function normalizeMessages(messages: unknown): ChatMessage[] {
  if (!Array.isArray(messages) || messages.length === 0) {
    throw invalid('messages must be a non-empty array');
  }
  return messages.map((m: ChatMessage, i) => {
    if (!m || typeof m !== 'object') throw invalid(`messages[${i}] must be an object`);
    if (typeof m.role !== 'string' || m.role === '') throw invalid(`messages[${i}].role must be a string`);
    if (typeof m.content !== 'string') throw invalid(`messages[${i}].content must be a string`);
    return { role: m.role, content: m.content };
  });
}

/** A draft request checked: token ids, k ≥ 1, a finite temperature ≥ 0, a u32 seed. */
export function normalizeDraft(req: DraftRequest): DraftRequest {
  if (!req || typeof req !== 'object') throw invalid('the draft request must be an object');
  const ids = normalizeIds(req.ids);
  const k = integer(req.k, 'k');
  if (k < 1) throw invalid('k must be at least 1');
  const temperature = finite(req.temperature, 'temperature');
  if (temperature < 0) throw invalid('temperature must be >= 0');
  const seed = integer(req.seed, 'seed');
  if (seed < 0 || seed > 0xffffffff) throw invalid('seed must be a u32');
  return { ids, k, temperature, seed };
}

/** A next-token request checked: non-empty token ids, topK in 1..=20 (the engine's most). */
export function normalizeNext(req: NextRequest): NextRequest {
  if (!req || typeof req !== 'object') throw invalid('the next-token request must be an object');
  const ids = normalizeIds(req.ids);
  const topK = integer(req.topK, 'topK');
  if (topK < 1 || topK > 20) throw invalid('topK must be in 1..=20');
  return { ids, topK };
}

/** Token ids: an array (non-empty unless `empty`) of integers in u32 range. */
export function normalizeIds(ids: unknown, empty = false): number[] {
  if (!Array.isArray(ids) || (ids.length === 0 && !empty)) throw invalid('ids must be a non-empty array of token ids');
  return ids.map((id, i) => {
    const v = integer(id, `ids[${i}]`);
    if (v < 0 || v > 0xffffffff) throw invalid(`ids[${i}] is not a token id`);
    return v;
  });
}

export function normalizeRequest(req: ChatCompletionRequest): GenRequest {
  if (!req || typeof req !== 'object') throw invalid('the request must be an object');
  const messages = normalizeMessages(req.messages);
  if (given(req.stream) && typeof req.stream !== 'boolean') throw invalid('stream must be a boolean');
  const params: GenParams = {};
  for (const k of NUMBERS) if (given(req[k])) params[k] = finite(req[k], k);
  for (const k of INTEGERS) if (given(req[k])) params[k] = integer(req[k], k);
  for (const k of BOOLEANS) {
    if (!given(req[k])) continue;
    if (typeof req[k] !== 'boolean') throw invalid(`${k} must be a boolean`);
    params[k] = req[k];
  }
  if (given(req.stop)) {
    const stop = req.stop;
    if (!(typeof stop === 'string' || (Array.isArray(stop) && stop.every((s) => typeof s === 'string')))) {
      throw invalid('stop must be a string or an array of strings');
    }
    params.stop = typeof stop === 'string' ? stop : [...stop];
  }
  if (given(req.stop_token_ids)) {
    if (!Array.isArray(req.stop_token_ids)) throw invalid('stop_token_ids must be an array of integers');
    params.stop_token_ids = req.stop_token_ids.map((id, i) => integer(id, `stop_token_ids[${i}]`));
  }
  return { messages, params };
}
