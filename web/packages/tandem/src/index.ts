/**
 * @tandem-llm/tandem — a small language model in the browser: WebGPU when there is an adapter,
 * the CPU (wasm) otherwise, in a Web Worker, with OpenAI's chat-completions shape and models
 * kept in Cache Storage for offline use.
 *
 * ```ts
 * import { checkSupport, createEngine } from '@tandem-llm/tandem';
 * const engine = await createEngine({ model: '/models/manifests/license-llama.json' });
 * for await (const c of await engine.chat.completions.create({ messages, stream: true })) …
 * ```
 */
export { checkSupport, estimateMemory, hasWasmSimd } from './support.js';
export type { SupportReport, GpuSupport, MemoryEstimate, CheckSupportOptions } from './support.js';
export { createEngine, createWorkerEngine, createInPageEngine } from './engine.js';
export { serveEngine } from './worker.js';
export { deleteCachedModel, isModelCached, loadModelFiles } from './loader.js';
export type { LoadProgress, LoadStage, ModelFiles, ModelSource } from './loader.js';
export { parseManifest, fetchManifest } from './manifest.js';
export type { ModelManifest, ManifestFile, ModelFormat } from './manifest.js';
export { ModelCache, CACHE_NAME } from './cache.js';
export { TandemError } from './errors.js';
export type { TandemErrorKind } from './errors.js';
export type * from './types.js';
