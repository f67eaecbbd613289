/**
 * `createEngine` (the engine in its own Web Worker, or with `shared: true` one SharedWorker for
 * every page of the origin, started by the package) and `createWorkerEngine` (in a worker the
 * app made, or one its factory starts) give the same `TandemEngine`; so does
 * `createInPageEngine`, for pages that must not use workers (the page then blocks while a CPU
 * step runs). A worker the package can start again is replaced when it dies (worker-client.ts).
 */
import { createCompletion } from './completions.js';
import { TandemError } from './errors.js';
import { normalizeDraft, normalizeIds, normalizeMessages, normalizeNext, type GenerationCore } from './generation.js';
import { LocalCore } from './local.js';
import type { ModelSource } from './loader.js';
import type { WorkerLoadOptions } from './protocol.js';
import type { ChatCompletionRequest, EngineOptions, TandemEngine } from './types.js';
import { hasSharedWorker, startDedicatedWorker, startSharedWorker } from './spawn.js';
import { WorkerCore, type WorkerLike } from './worker-client.js';

function engineOver(core: GenerationCore, modelId: string): TandemEngine {
  const create = (req: ChatCompletionRequest) => createCompletion(core, () => modelId, req);
  return {
    chat: { completions: { create: create as TandemEngine['chat']['completions']['create'] } },
    info: () => core.info(),
    promptFeatures: async (messages) => core.promptFeatures(normalizeMessages(messages)),
    tokens: {
      promptIds: async (messages) => core.promptIds(normalizeMessages(messages)),
      decode: async (ids) => core.decode(normalizeIds(ids, true)),
      draft: async (req) => core.draft(normalizeDraft(req)),
      next: async (req) => core.next(normalizeNext(req)),
    },
    unload: () => core.unload(),
    simulateDeviceLoss: () => core.simulateDeviceLoss(),
    simulatePanic: (where) => core.simulatePanic(where),
    simulateWorkerCrash: async () => {
      if (!core.simulateWorkerCrash) throw new TandemError('invalid_request', 'this engine runs in the page: there is no worker to crash');
      return core.simulateWorkerCrash();
    },
  };
}

/** A relative URL resolved against the page: the worker would resolve it against its script. */
function absolute<T>(url: T): T | string {
  const base = (globalThis as { location?: { href: string } }).location?.href;
  if (typeof url !== 'string' || !base) return url;
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}

function workerOptions(o: EngineOptions): WorkerLoadOptions {
  return {
    // Defaults filled in: a shared engine compares options, and `{}` must equal `{ backend: 'auto' }`.
    backend: o.backend ?? 'auto',
    useCache: o.useCache ?? true,
    maxContext: o.maxContext,
    prefillChunk: o.prefillChunk,
    wasmUrl: o.wasmUrl === undefined ? undefined : (absolute(String(o.wasmUrl)) as string),
  };
}

function checkOptions(o: EngineOptions): void {
  if (!o || typeof o !== 'object') throw new TandemError('invalid_options', 'options must be an object');
  if (o.model === undefined || o.model === null) throw new TandemError('invalid_options', 'options.model is required');
  if (o.backend !== undefined && !['auto', 'webgpu', 'cpu'].includes(o.backend)) {
    throw new TandemError('invalid_options', `backend ${JSON.stringify(o.backend)}: expected "auto", "webgpu" or "cpu"`);
  }
  // Checked here, not when first called: a callback that is not a function would otherwise
  // throw later, uncaught, in the middle of a load. (Found by tests/browser/hardening.test.ts.)
  for (const key of ['onProgress', 'onBackendChange', 'onWorkerRestart'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'function') throw new TandemError('invalid_options', `${key} must be a function`);
  }
  for (const key of ['useCache', 'shared'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'boolean') throw new TandemError('invalid_options', `${key} must be a boolean`);
  }
  if (o.wasmUrl !== undefined && typeof o.wasmUrl !== 'string' && !((o.wasmUrl as unknown) instanceof URL)) {
    throw new TandemError('invalid_options', 'wasmUrl must be a string or a URL');
  }
}

/** Loads `options.model` in `worker` (which runs `serveEngine`). Given a function that starts
 * one instead, the package owns the worker it returns: `unload` ends it, and a worker that dies
 * is replaced by a new one (the model reloaded from the model store) on the next request. */
export async function createWorkerEngine(
  worker: WorkerLike | (() => WorkerLike),
  options: EngineOptions,
  owned = false,
): Promise<TandemEngine> {
  checkOptions(options);
  const spawn = typeof worker === 'function' ? worker : undefined;
  const first = spawn ? spawn() : (worker as WorkerLike);
  const core = new WorkerCore(first, { owned, spawn, onRestart: options.onWorkerRestart });
  core.onBackendChange = options.onBackendChange;
  try {
    const info = await core.load(absolute(options.model) as ModelSource, workerOptions(options), options.onProgress);
    return engineOver(core, info.model);
  } catch (e) {
    if (owned || spawn) core.close();
    throw e;
  }
}

/** Starts the package's worker (with `shared`, the SharedWorker where the browser has one) and
 * loads `options.model` in it. */
export async function createEngine(options: EngineOptions): Promise<TandemEngine> {
  checkOptions(options);
  const shared = options.shared === true && hasSharedWorker();
  if (!shared && typeof Worker === 'undefined') return createInPageEngine(options);
  return createWorkerEngine(shared ? startSharedWorker : startDedicatedWorker, options);
}

/** The engine in this thread (no worker). */
export async function createInPageEngine(options: EngineOptions): Promise<TandemEngine> {
  checkOptions(options);
  const core = await LocalCore.load(options.model, options);
  return engineOver(core, (await core.info()).model);
}
