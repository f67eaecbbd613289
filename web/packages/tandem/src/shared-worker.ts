/**
 * The engine's SharedWorker: one model in memory for every page (tab) of the origin.
 * `createEngine({ shared: true })` starts this file; each page's port is served by the same
 * protocol as a dedicated worker (`serveEngine`), all of them over one EngineHost. A page that
 * goes away (closed, navigated, crashed) is noticed by the Web Lock it held (liveness.ts) or
 * its port's 'close' event where the browser has one; its generations stop and its hold on the
 * model is let go, and the other pages go on.
 */
import { EngineHost, type CoreLoader } from './engine-host.js';
import type { LockManagerLike } from './liveness.js';
import { LocalCore } from './local.js';
import { serveEngine } from './worker.js';

/** A SharedWorker's global scope (what is used of it). */
export interface SharedScope {
  addEventListener(type: 'connect', fn: (ev: MessageEvent) => void): void;
}

export interface SharedServeOptions {
  loadCore?: CoreLoader;
  locks?: LockManagerLike | null;
  exit?: () => void;
}

/** Serves every port that connects to `scope`; returns the host they share. */
export function serveSharedEngine(scope: SharedScope, opts: SharedServeOptions = {}): EngineHost {
  const loadCore = opts.loadCore ?? LocalCore.load;
  const host = new EngineHost(loadCore, { shared: true, locks: opts.locks, exit: opts.exit });
  scope.addEventListener('connect', (ev: MessageEvent) => {
    const port = ev.ports[0];
    if (!port) return;
    const close = serveEngine(port, loadCore, host);
    // Chromium fires 'close' on a port whose other end is gone; elsewhere the lock tells.
    port.addEventListener('close', close);
    port.start();
  });
  return host;
}

declare const SharedWorkerGlobalScope: unknown;
if (typeof SharedWorkerGlobalScope !== 'undefined' && typeof self !== 'undefined' && self instanceof (SharedWorkerGlobalScope as never)) {
  serveSharedEngine(self as unknown as SharedScope);
}
