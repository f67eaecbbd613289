/**
 * @tandem-llm/tandem — a small language model in the browser: WebGPU when there is an adapter,
 * the CPU (wasm) otherwise, in a Web Worker (or one SharedWorker for every tab), with OpenAI's
 * chat-completions shape and models kept in the origin private file system (or Cache Storage)
 * for offline use.
 *
 * ```ts
 * import { checkSupport, createEngine } from '@tandem-llm/tandem';
 * const engine = await createEngine({ model: '/models/manifests/license-llama.json' });
 * for await (const c of await engine.chat.completions.create({ messages, stream: true })) …
 * ```
 *
 * `createTandem` puts the local engine and a server LLM behind the same `create`, routing each
 * request by a policy and tandem-collab's rules (the `tandem` field of every answer says where
 * and why); `loadCollab` gives those pure policy functions on their own.
 */
export { checkSupport, estimateMemory, gpuShapeProblem, hasWasmSimd } from './support.js';
export type { SupportReport, GpuSupport, MemoryEstimate, CheckSupportOptions } from './support.js';
export { createEngine, createWorkerEngine, createInPageEngine } from './engine.js';
export { serveEngine } from './worker.js';
export { deleteCachedModel, getModelCacheState, isModelCached, loadModelFiles } from './loader.js';
export type { LoadProgress, LoadStage, ModelFiles, ModelSource } from './loader.js';
export { parseManifest, fetchManifest } from './manifest.js';
export type { ModelManifest, ManifestFile, ModelFormat } from './manifest.js';
export { ModelCache, CACHE_NAME } from './cache.js';
export type { ModelCacheOptions, ModelCacheState, StoreKind } from './cache.js';
export { TandemError } from './errors.js';
export type { TandemErrorKind } from './errors.js';
export type * from './types.js';
export { createTandem } from './collab/tandem.js';
export { loadCollab } from './collab/policy.js';
export type { CollabApi } from './collab/policy.js';
export { ServerError } from './collab/server-client.js';
export type * from './collab/types.js';
export type { PiiType, PrivacyLevel, PrivacyOptions, PrivacyPolicy, PrivacyReceipt } from './collab/privacy.js';
export type { Feedback, FeedbackResult, Personalisation } from './collab/personal.js';
export type { FusionOptions, TokenDeferOptions, TokenLevelInfo } from './collab/token-level.js';
export { DISTILL_FORMAT, IndexedDbDistillStore, MemoryDistillStore } from './collab/distill-log.js';
export type { Distillation, DistillOptions, DistillRecord, DistillStore, LogprobToken } from './collab/distill-log.js';
export type {
  WasmBudget as Budget,
  WasmDecision as Decision,
  WasmDeferRule as DeferRule,
  WasmDeferral as Deferral,
  WasmFused as Fused,
  WasmFusionConfig as FusionConfig,
  WasmEscalation as Escalation,
  WasmRouteScore as RouteScore,
  WasmRouterApi as Router,
  WasmTokenStats as TokenStats,
} from './wasm-types.js';
