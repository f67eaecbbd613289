/**
 * The engine's Web Worker. `createEngine` starts this file as a module worker; an app with its
 * own worker calls `serveEngine(self)` in it (or imports '@tandem-llm/tandem/worker') and passes
 * the worker to `createWorkerEngine`.
 */
import { serializeError } from './errors.js';
import type { GenerationCore } from './generation.js';
import type { ModelSource } from './loader.js';
import { LocalCore, type LocalLoadOptions } from './local.js';
import type { FromWorker, ToWorker } from './protocol.js';

/** How the worker builds its engine (tests pass a fake). */
export type CoreLoader = (model: ModelSource, opts: LocalLoadOptions) => Promise<GenerationCore>;

interface Scope {
  postMessage(m: FromWorker): void;
  addEventListener(type: 'message', fn: (ev: MessageEvent) => void): void;
}

export function serveEngine(scope: Scope, loadCore: CoreLoader = LocalCore.load): void {
  let core: GenerationCore | undefined;
  const running = new Map<number, AbortController>();
  const post = (m: FromWorker) => scope.postMessage(m);
  const fail = (id: number, e: unknown) => post({ t: 'err', id, error: serializeError(e) });
  const need = (): GenerationCore => {
    if (!core) throw Object.assign(new Error('no model loaded'), { kind: 'unloaded' });
    return core;
  };

  scope.addEventListener('message', async (ev: MessageEvent) => {
    const m = ev.data as ToWorker;
    try {
      switch (m.t) {
        case 'load': {
          await core?.unload();
          core = undefined;
          core = await loadCore(m.model, {
            ...m.options,
            onProgress: (progress) => post({ t: 'progress', id: m.id, progress }),
            onBackendChange: (backend, reason) => post({ t: 'backend', backend, reason }),
          });
          post({ t: 'ok', id: m.id, value: await core.info() });
          break;
        }
        case 'generate': {
          const ac = new AbortController();
          running.set(m.id, ac);
          try {
            for await (const event of need().generate(m.request, ac.signal)) post({ t: 'event', id: m.id, event });
            post({ t: 'ok', id: m.id });
          } finally {
            running.delete(m.id);
          }
          break;
        }
        case 'abort':
          running.get(m.id)?.abort();
          break;
        case 'info':
          post({ t: 'ok', id: m.id, value: await need().info() });
          break;
        case 'features':
          post({ t: 'ok', id: m.id, value: await need().promptFeatures(m.messages) });
          break;
        case 'promptIds':
          post({ t: 'ok', id: m.id, value: await need().promptIds(m.messages) });
          break;
        case 'decode':
          post({ t: 'ok', id: m.id, value: await need().decode(m.ids) });
          break;
        case 'draft':
          post({ t: 'ok', id: m.id, value: await need().draft(m.request) });
          break;
        case 'next':
          post({ t: 'ok', id: m.id, value: await need().next(m.request) });
          break;
        case 'unload':
          for (const ac of running.values()) ac.abort();
          await core?.unload();
          core = undefined;
          post({ t: 'ok', id: m.id });
          break;
        case 'loseDevice':
          await need().simulateDeviceLoss();
          post({ t: 'ok', id: m.id });
          break;
        case 'panic':
          await need().simulatePanic(m.where);
          post({ t: 'ok', id: m.id });
          break;
      }
    } catch (e) {
      fail(m.id, e);
    }
  });
}

declare const WorkerGlobalScope: unknown;
// Started as a worker: serve at once.
if (typeof WorkerGlobalScope !== 'undefined' && typeof self !== 'undefined' && self instanceof (WorkerGlobalScope as never)) {
  serveEngine(self as unknown as Scope);
}
