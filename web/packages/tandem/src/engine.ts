/**
 * `createEngine` (the engine in its own Web Worker, started by the package) and
 * `createWorkerEngine` (in a worker the app made) give the same `TandemEngine`; so does
 * `createInPageEngine`, for pages that must not use workers (the page then blocks while a CPU
 * step runs).
 */
import { createCompletion } from './completions.js';
import { TandemError } from './errors.js';
import { normalizeDraft, normalizeIds, normalizeMessages, normalizeNext, type GenerationCore } from './generation.js';
import { LocalCore } from './local.js';
import type { WorkerLoadOptions } from './protocol.js';
import type { ChatCompletionRequest, EngineOptions, TandemEngine } from './types.js';
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
  };
}

function workerOptions(o: EngineOptions): WorkerLoadOptions {
  return {
    backend: o.backend,
    useCache: o.useCache,
    maxContext: o.maxContext,
    prefillChunk: o.prefillChunk,
    wasmUrl: o.wasmUrl,
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
  for (const key of ['onProgress', 'onBackendChange'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'function') throw new TandemError('invalid_options', `${key} must be a function`);
  }
  if (o.useCache !== undefined && typeof o.useCache !== 'boolean') throw new TandemError('invalid_options', 'useCache must be a boolean');
  if (o.wasmUrl !== undefined && typeof o.wasmUrl !== 'string' && !((o.wasmUrl as unknown) instanceof URL)) {
    throw new TandemError('invalid_options', 'wasmUrl must be a string or a URL');
  }
}

/** Loads `options.model` in `worker` (which runs `serveEngine`). */
export async function createWorkerEngine(worker: WorkerLike, options: EngineOptions, owned = false): Promise<TandemEngine> {
  checkOptions(options);
  const core = new WorkerCore(worker, owned);
  core.onBackendChange = options.onBackendChange;
  try {
    const info = await core.load(options.model, workerOptions(options), options.onProgress);
    return engineOver(core, info.model);
  } catch (e) {
    if (owned) worker.terminate?.();
    throw e;
  }
}

/** Starts the package's worker and loads `options.model` in it. */
export async function createEngine(options: EngineOptions): Promise<TandemEngine> {
  checkOptions(options);
  if (typeof Worker === 'undefined') return createInPageEngine(options);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'tandem-engine' });
  } catch (e) {
    throw new TandemError('worker', `cannot start the engine worker: ${String(e)}`, { cause: e });
  }
  return createWorkerEngine(worker as unknown as WorkerLike, options, true);
}

/** The engine in this thread (no worker). */
export async function createInPageEngine(options: EngineOptions): Promise<TandemEngine> {
  checkOptions(options);
  const core = await LocalCore.load(options.model, options);
  return engineOver(core, (await core.info()).model);
}
