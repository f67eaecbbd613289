/**
 * The engine's Web Worker. `createEngine` starts this file as a module worker; an app with its
 * own worker calls `serveEngine(self)` in it (or imports '@tandem-llm/tandem/worker') and passes
 * the worker to `createWorkerEngine`. The SharedWorker (shared-worker.ts) serves each connecting
 * port with the same `serveEngine`, over one EngineHost.
 */
import { EngineHost, type Client, type CoreLoader } from './engine-host.js';
import { serializeError, TandemError } from './errors.js';
import type { GenerationCore } from './generation.js';
import { whenReleased } from './liveness.js';
import { LocalCore } from './local.js';
import type { FromWorker, ToWorker } from './protocol.js';
import type { EngineInfo } from './types.js';

export type { CoreLoader } from './engine-host.js';

/** A worker's global scope, or a SharedWorker's port. */
interface Scope {
  postMessage(m: FromWorker): void;
  addEventListener(type: 'message', fn: (ev: MessageEvent) => void): void;
}

const SERVED = Symbol.for('tandem.serveEngine');

/**
 * Answers the requests arriving on `scope` (one client). Request ids, running generations and
 * aborts are the client's own; the model is `host`'s (the worker's own by default; the
 * SharedWorker passes the one all its ports share). Returns the function that ends this client
 * (its generations aborted, its hold on the model let go): for a port whose page went away.
 */
export function serveEngine(scope: Scope, loadCore: CoreLoader = LocalCore.load, host?: EngineHost): () => void {
  // Importing the package's index in an app's worker also runs this file: serve a scope once.
  const marked = scope as Scope & { [SERVED]?: () => void };
  if (marked[SERVED]) return marked[SERVED];
  const engineHost = host ?? new EngineHost(loadCore, { shared: false });
  let core: GenerationCore | undefined;
  let closed = false;
  const running = new Map<number, AbortController>();
  const post = (m: FromWorker) => {
    if (!closed) scope.postMessage(m);
  };
  const client: Client = { post };
  engineHost.clients.add(client);
  const fail = (id: number, e: unknown) => post({ t: 'err', id, error: serializeError(e) });
  const need = (): GenerationCore => {
    if (!core) throw new TandemError('unloaded', 'no model loaded');
    if (!engineHost.isCurrent(core)) {
      throw new TandemError('unloaded', 'another page loaded a different model into the shared engine; create the engine again');
    }
    return core;
  };
  const info = async (): Promise<EngineInfo> => ({
    ...(await need().info()),
    shared: engineHost.shared,
    clients: engineHost.clients.size,
  });
  /** This client is done with the model: its generations stop, its hold is let go. */
  const letGo = () => {
    for (const ac of running.values()) ac.abort();
    core = undefined;
    return engineHost.release(client);
  };
  const close = () => {
    if (closed) return;
    closed = true;
    engineHost.clients.delete(client);
    void letGo().catch(() => {});
  };
  marked[SERVED] = close;

  scope.addEventListener('message', async (ev: MessageEvent) => {
    const m = ev.data as ToWorker;
    if (closed) return;
    try {
      switch (m.t) {
        case 'hello': {
          if (m.lock && engineHost.locks) whenReleased(engineHost.locks, m.lock, close);
          post({ t: 'ok', id: m.id, value: { lock: await engineHost.workerLock() } });
          break;
        }
        case 'load': {
          core = undefined;
          core = await engineHost.load(client, m.model, m.options, (progress) => post({ t: 'progress', id: m.id, progress }));
          post({ t: 'ok', id: m.id, value: await info() });
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
          post({ t: 'ok', id: m.id, value: await info() });
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
          await letGo();
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
        case 'crash':
          engineHost.exit();
          break;
      }
    } catch (e) {
      fail(m.id, e);
    }
  });
  return close;
}

declare const DedicatedWorkerGlobalScope: unknown;
// Started as a (dedicated) worker: serve at once. Not in a SharedWorker, which imports this file
// and serves its ports, nor in a service worker.
if (typeof DedicatedWorkerGlobalScope !== 'undefined' && typeof self !== 'undefined' && self instanceof (DedicatedWorkerGlobalScope as never)) {
  serveEngine(self as unknown as Scope);
}
