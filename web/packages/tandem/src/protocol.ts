/** Messages between a page and the engine's Web Worker. Every request has an id; replies and
 * streamed events carry it back. All of it is plain data (structured-cloneable): a token event's
 * `bytes` and `topLogprobs` are arrays of numbers and of plain objects, as the wasm engine
 * returns them. */
import type { SerializedError } from './errors.js';
import type { LoadProgress, ModelSource } from './loader.js';
import type { ChatMessage, DraftRequest, EngineInfo, NextRequest, NextToken, PromptFeatures } from './types.js';
import type { WasmDraft } from './wasm-types.js';
import type { GenEvent, GenRequest } from './generation.js';

export interface WorkerLoadOptions {
  backend?: 'auto' | 'webgpu' | 'cpu';
  useCache?: boolean;
  maxContext?: number;
  prefillChunk?: number;
  wasmUrl?: string;
}

/** A SharedWorker's client and the worker tell each other the Web Lock each holds for as long
 * as it lives (liveness.ts); null where there are no Web Locks. */
export interface Hello {
  lock: string | null;
}

export type ToWorker =
  | { t: 'hello'; id: number; lock: string | null }
  | { t: 'load'; id: number; model: ModelSource; options: WorkerLoadOptions }
  | { t: 'generate'; id: number; request: GenRequest }
  | { t: 'abort'; id: number }
  | { t: 'info'; id: number }
  | { t: 'features'; id: number; messages: ChatMessage[] }
  | { t: 'promptIds'; id: number; messages: ChatMessage[] }
  | { t: 'decode'; id: number; ids: number[] }
  | { t: 'draft'; id: number; request: DraftRequest }
  | { t: 'next'; id: number; request: NextRequest }
  | { t: 'unload'; id: number }
  | { t: 'loseDevice'; id: number }
  | { t: 'panic'; id: number; where?: 'call' | 'task' }
  // Test hook: the worker closes itself at once (no reply).
  | { t: 'crash'; id: number };

export type FromWorker =
  | { t: 'ok'; id: number; value?: EngineInfo | PromptFeatures | number[] | string | WasmDraft | NextToken | Hello }
  | { t: 'err'; id: number; error: SerializedError }
  | { t: 'progress'; id: number; progress: LoadProgress }
  | { t: 'event'; id: number; event: GenEvent }
  | { t: 'backend'; backend: string; reason: string };
