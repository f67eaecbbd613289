/**
 * The model a worker holds, for the clients it serves: one client (the page of a dedicated
 * worker) or every page of the origin connected to the SharedWorker. Loads and unloads happen
 * one at a time. Shared, a load of the model already loaded (same manifest and options) attaches
 * to it without loading anything; another model replaces it (its clients' requests then fail
 * with kind `unloaded`); it is unloaded when its last client unloads or goes away. Requests of
 * different clients need no more than the core's own serialization (LocalCore runs one at a
 * time, in arrival order, yielding between tokens).
 */
import type { GenerationCore } from './generation.js';
import { defaultLocks, holdLock, type HeldLock, type LockManagerLike } from './liveness.js';
import type { ModelSource } from './loader.js';
import type { LocalLoadOptions } from './local.js';
import type { FromWorker, WorkerLoadOptions } from './protocol.js';
import { Mutex } from './scheduling.js';
import type { LoadProgress } from './loader.js';

/** How the worker builds its engine (tests pass a fake). */
export type CoreLoader = (model: ModelSource, opts: LocalLoadOptions) => Promise<GenerationCore>;

/** One client: a page, behind its port. */
export interface Client {
  post(m: FromWorker): void;
}

export interface HostOptions {
  /** Serving every page of the origin (a SharedWorker). */
  shared: boolean;
  /** Web Locks (default `navigator.locks`); null: none. */
  locks?: LockManagerLike | null;
  /** Ends the worker (test hook `crash`; default `close()`). */
  exit?: () => void;
}

interface Loaded {
  key: string;
  core: GenerationCore;
  holders: Set<Client>;
}

export class EngineHost {
  readonly shared: boolean;
  readonly locks: LockManagerLike | undefined;
  /** Every connected client (`info().clients`). */
  readonly clients = new Set<Client>();
  private current: Loaded | undefined;
  private readonly mutex = new Mutex();
  private lock?: Promise<HeldLock>;
  private readonly exitFn: () => void;

  constructor(
    private readonly loadCore: CoreLoader,
    opts: HostOptions,
  ) {
    this.shared = opts.shared;
    this.locks = opts.locks === null ? undefined : (opts.locks ?? defaultLocks());
    this.exitFn = opts.exit ?? (() => (globalThis as { close?: () => void }).close?.());
  }

  /** The core of `model` for `client`: shared, the loaded one when it is the same model and
   * options; otherwise a fresh load, which first unloads the one there (memory for one model). */
  async load(client: Client, model: ModelSource, options: WorkerLoadOptions, onProgress: (p: LoadProgress) => void): Promise<GenerationCore> {
    const key = JSON.stringify([model, options]);
    const release = await this.mutex.lock();
    try {
      if (this.shared && this.current?.key === key) {
        this.current.holders.add(client);
        return this.current.core;
      }
      await this.drop();
      const holders = new Set([client]);
      const core = await this.loadCore(model, {
        ...options,
        onProgress,
        onBackendChange: (backend, reason) => {
          for (const c of holders) c.post({ t: 'backend', backend, reason });
        },
      });
      this.current = { key, core, holders };
      return core;
    } finally {
      release();
    }
  }

  /** Whether `core` is still the loaded model (another client may have replaced it). */
  isCurrent(core: GenerationCore): boolean {
    return this.current?.core === core;
  }

  /** `client` is done with the model; the last one out unloads it. */
  async release(client: Client): Promise<void> {
    const release = await this.mutex.lock();
    try {
      if (!this.current?.holders.delete(client)) return;
      if (this.current.holders.size === 0) await this.drop();
    } finally {
      release();
    }
  }

  /** Call with the mutex held. */
  private async drop(): Promise<void> {
    const old = this.current;
    this.current = undefined;
    await old?.core.unload();
  }

  /** The name of the lock this worker holds while it lives (taken on first ask), or null. */
  async workerLock(): Promise<string | null> {
    if (!this.locks) return null;
    this.lock ??= holdLock(this.locks, 'worker');
    try {
      return (await this.lock).name;
    } catch {
      return null; // no lock to offer: the page then cannot watch this worker (see hasSharedWorker)
    }
  }

  exit(): void {
    this.exitFn();
  }
}
