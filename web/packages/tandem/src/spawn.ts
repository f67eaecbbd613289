/**
 * Starting the package's own workers: the dedicated one (worker.js) or the SharedWorker
 * (shared-worker.js), each by `new URL('./….js', import.meta.url)` written out in full, the form
 * bundlers (Vite, webpack) recognise and emit as a worker entry.
 */
import { TandemError } from './errors.js';
import { PACKAGE_VERSION } from './version.js';
import type { WorkerLike } from './worker-client.js';
import { defaultLocks } from './liveness.js';

function cannotStart(e: unknown): TandemError {
  return new TandemError('worker', `cannot start the engine worker: ${String(e)}`, { cause: e });
}

export function startDedicatedWorker(): WorkerLike {
  try {
    return new Worker(new URL('./worker.js', import.meta.url), { type: 'module', name: 'tandem-engine' }) as unknown as WorkerLike;
  } catch (e) {
    throw cannotStart(e);
  }
}

/** Whether this context can start a SharedWorker (not every mobile browser; not a worker). */
/** A SharedWorker the package can use: one, and Web Locks, without which neither side would
 * learn that the other died (a MessagePort says nothing; `navigator.locks` needs a secure
 * context, SharedWorker does not), so a crashed engine would leave requests pending forever. */
export function hasSharedWorker(): boolean {
  return typeof SharedWorker !== 'undefined' && defaultLocks() !== undefined;
}

export function startSharedWorker(): WorkerLike {
  let sw: SharedWorker;
  try {
    // The name (with the package's version) picks the instance: pages of one version share it.
    sw = new SharedWorker(new URL('./shared-worker.js', import.meta.url), { type: 'module', name: `tandem-engine@${PACKAGE_VERSION}` });
  } catch (e) {
    throw cannotStart(e);
  }
  return overPort(sw);
}

/** A SharedWorker as a WorkerLike: messages go through this page's port; terminating only
 * disconnects this page ('error' fires on the SharedWorker when its script cannot load). */
function overPort(sw: SharedWorker): WorkerLike {
  const port = sw.port;
  const addEventListener = (type: 'message' | 'error', fn: (ev: Event) => void) => {
    if (type === 'error') return sw.addEventListener('error', fn);
    port.addEventListener('message', fn);
    port.start();
  };
  return {
    shared: true,
    postMessage: (m) => port.postMessage(m),
    addEventListener: addEventListener as WorkerLike['addEventListener'],
    terminate: () => port.close(),
  };
}
