/**
 * The request an engine core runs (validated, serializable: it crosses the worker boundary) and
 * the events it streams back. `normalizeRequest` maps OpenAI's parameters onto the engine's.
 */
import { TandemError } from './errors.js';
import type { ChatCompletionRequest, ChatMessage, EngineBackend, EngineInfo } from './types.js';

/** Parameters in the wasm engine's names (crates/tandem-wasm/src/options.rs). */
export interface GenParams {
  max_tokens: number;
  temperature: number;
  top_p?: number;
  top_k?: number;
  repetition_penalty?: number;
  seed?: number;
  stop: string[];
  ignore_eos?: boolean;
}

export interface GenRequest {
  messages: ChatMessage[];
  params: GenParams;
}

/** The wasm engine's finish reasons. */
export type EngineFinish = 'length' | 'stop_token' | 'stop_string' | 'context_full' | 'cancelled';

export type GenEvent =
  | { type: 'token'; id: number; text: string; logprob: number; entropy: number }
  | {
      type: 'done';
      finishReason: EngineFinish;
      promptTokens: number;
      completionTokens: number;
      text: string;
      backend: EngineBackend;
    };

/** What `chat.completions.create` runs on: the engine in this thread or a worker proxy. */
export interface GenerationCore {
  /** Streams a generation's tokens, then one 'done'. Stopping iteration early (or `signal`)
   * cancels it. */
  generate(req: GenRequest, signal?: AbortSignal): AsyncIterable<GenEvent>;
  info(): Promise<EngineInfo>;
  unload(): Promise<void>;
  simulateDeviceLoss(): Promise<void>;
}

export const DEFAULT_MAX_TOKENS = 256;
/** OpenAI allows up to 4 stop sequences. */
export const MAX_STOP = 4;

function invalid(msg: string): TandemError {
  return new TandemError('invalid_request', msg);
}

function num(v: unknown, name: string, lo: number, hi: number, opts: { int?: boolean; openLo?: boolean } = {}) {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(`${name} must be a finite number`);
  if (opts.int && !Number.isInteger(v)) throw invalid(`${name} must be an integer`);
  if (v < lo || v > hi || (opts.openLo && v === lo)) {
    throw invalid(`${name} ${v} is out of range ${opts.openLo ? '(' : '['}${lo}, ${hi}]`);
  }
  return v;
}

export function normalizeRequest(req: ChatCompletionRequest): GenRequest {
  if (!req || typeof req !== 'object') throw invalid('the request must be an object');
  if (!Array.isArray(req.messages) || req.messages.length === 0) {
    throw invalid('messages must be a non-empty array');
  }
  const messages = req.messages.map((m, i) => {
    if (!m || typeof m !== 'object') throw invalid(`messages[${i}] must be an object`);
    if (typeof m.role !== 'string' || m.role === '') throw invalid(`messages[${i}].role must be a string`);
    if (typeof m.content !== 'string') throw invalid(`messages[${i}].content must be a string`);
    return { role: m.role, content: m.content };
  });
  if (req.n !== undefined && req.n !== null && req.n !== 1) throw invalid('only n = 1 is supported');
  const maxRaw = req.max_completion_tokens ?? req.max_tokens;
  const params: GenParams = {
    max_tokens: maxRaw === undefined || maxRaw === null ? DEFAULT_MAX_TOKENS : num(maxRaw, 'max_tokens', 1, 1 << 20, { int: true }),
    temperature: req.temperature === undefined || req.temperature === null ? 1 : num(req.temperature, 'temperature', 0, 2),
    stop: [],
  };
  if (req.top_p !== undefined && req.top_p !== null) params.top_p = num(req.top_p, 'top_p', 0, 1, { openLo: true });
  if (req.top_k !== undefined && req.top_k !== null) params.top_k = num(req.top_k, 'top_k', 0, 1 << 24, { int: true });
  if (req.repetition_penalty !== undefined && req.repetition_penalty !== null) {
    params.repetition_penalty = num(req.repetition_penalty, 'repetition_penalty', 0, 100, { openLo: true });
  }
  if (req.seed !== undefined && req.seed !== null) {
    params.seed = num(req.seed, 'seed', 0, Number.MAX_SAFE_INTEGER, { int: true });
  }
  if (req.stop !== undefined && req.stop !== null) {
    const stop = typeof req.stop === 'string' ? [req.stop] : req.stop;
    if (!Array.isArray(stop) || stop.some((s) => typeof s !== 'string' || s === '')) {
      throw invalid('stop must be a non-empty string or an array of them');
    }
    if (stop.length > MAX_STOP) throw invalid(`at most ${MAX_STOP} stop sequences`);
    params.stop = stop;
  }
  if (req.ignore_eos !== undefined && req.ignore_eos !== null) {
    if (typeof req.ignore_eos !== 'boolean') throw invalid('ignore_eos must be a boolean');
    if (req.ignore_eos) params.ignore_eos = true;
  }
  return { messages, params };
}
