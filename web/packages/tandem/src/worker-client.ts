/**
 * The page side of the worker: a GenerationCore that forwards to the worker by messages.
 *
 * A worker that dies (its 'error' event; for a SharedWorker, the Web Lock it held coming free:
 * liveness.ts) fails the requests in flight with kind `worker`. When the package started the
 * worker (`spawn`), the next request starts a new one and loads the same model with the same
 * options there first (from the model store: no network needed), then runs; an app's own
 * worker cannot be restarted by the package, and its requests keep failing with kind `worker`.
 */
import { Channel } from './channel.js';
import { abortError, deserializeError, TandemError } from './errors.js';
import type { GenerationCore, GenEvent, GenRequest } from './generation.js';
import { defaultLocks, holdLock, whenReleased, type HeldLock, type LockManagerLike } from './liveness.js';
import type { LoadProgress, ModelSource } from './loader.js';
import type { FromWorker, Hello, ToWorker, WorkerLoadOptions } from './protocol.js';
import type { ChatMessage, DraftRequest, EngineBackend, EngineInfo, NextRequest, NextToken, PromptFeatures } from './types.js';
import type { WasmDraft } from './wasm-types.js';

export interface WorkerLike {
  postMessage(m: ToWorker): void;
  addEventListener(type: 'message', fn: (ev: MessageEvent) => void): void;
  addEventListener(type: 'error', fn: (ev: ErrorEvent | Event) => void): void;
  terminate?(): void;
  /** A SharedWorker's port: `terminate` only disconnects this page, and the worker's life is
   * watched through Web Locks. */
  readonly shared?: boolean;
}

export interface WorkerCoreOptions {
  /** The package started the worker: `unload` ends it. */
  owned?: boolean;
  /** Starts a worker like the first: a dead one is replaced on the next request (owned). */
  spawn?: () => WorkerLike;
  /** Called after a restart reloaded the model, with how the old worker died. */
  onRestart?: (reason: string) => void;
  /** Web Locks (default `navigator.locks`); null: none. */
  locks?: LockManagerLike | null;
}

/** How long a SharedWorker may take to answer a page's first message (it answers between
 * tasks, so only a worker that is gone or wedged takes this long). */
const HELLO_TIMEOUT_MS = 30_000;

type Reply = EngineInfo | PromptFeatures | number[] | string | WasmDraft | NextToken | Hello | undefined;

interface Pending {
  resolve: (v: Reply) => void;
  reject: (e: unknown) => void;
  onProgress?: (p: LoadProgress) => void;
  events?: Channel<GenEvent>;
}

/** `p`, or the abort error as soon as `signal` aborts (`p` goes on; its result is dropped). */
function abortable<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return p;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class WorkerCore implements GenerationCore {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private worker: WorkerLike;
  /** Bumped per worker: what an earlier worker says, or its death, no longer counts. */
  private epoch = 0;
  /** Kind `worker` (died: replaced on the next request when `spawn`) or `unloaded` (for good). */
  private dead: TandemError | undefined;
  /** What the worker loaded, to load again in a new one. */
  private loaded: { model: ModelSource; options: WorkerLoadOptions } | undefined;
  private restarting: Promise<void> | undefined;
  private restarts = 0;
  /** The lock this page holds while connected to a SharedWorker. */
  private held: HeldLock | undefined;
  /** The SharedWorker's own lock is watched: its death will be noticed. */
  private watched = false;
  private deathWaiters: (() => void)[] = [];
  private readonly owned: boolean;
  private readonly spawn: (() => WorkerLike) | undefined;
  private readonly onRestart: ((reason: string) => void) | undefined;
  private readonly locks: LockManagerLike | undefined;
  onBackendChange?: (backend: EngineBackend, reason: string) => void;

  constructor(worker: WorkerLike, owned: boolean | WorkerCoreOptions = false) {
    const o = typeof owned === 'boolean' ? { owned } : owned;
    this.spawn = o.spawn;
    this.owned = o.owned === true || o.spawn !== undefined;
    this.onRestart = o.onRestart;
    this.locks = o.locks === null ? undefined : (o.locks ?? defaultLocks());
    this.worker = worker;
    this.attach(worker);
  }

  private attach(worker: WorkerLike): void {
    const epoch = ++this.epoch;
    this.watched = false;
    worker.addEventListener('message', (ev: MessageEvent) => {
      if (epoch === this.epoch) this.receive(ev.data as FromWorker);
    });
    worker.addEventListener('error', (ev: ErrorEvent | Event) => {
      if (epoch === this.epoch) this.die((ev as ErrorEvent).message || 'the engine worker failed');
    });
    if (worker.shared) this.greet(epoch);
  }

  /** Trades Web Locks with a SharedWorker: it learns when this page is gone, this page when
   * the worker is (nothing else tells either side). */
  private greet(epoch: number): void {
    const locks = this.locks;
    if (!locks) return;
    void holdLock(locks, 'page')
      .then(async (held) => {
        if (epoch !== this.epoch || this.dead) return held.release();
        this.held = held;
        // Until the answer comes nothing watches the worker: one that died before answering
        // would leave the load pending for ever, so a silent worker counts as dead.
        const silent = setTimeout(() => epoch === this.epoch && this.die('the shared engine worker did not answer'), HELLO_TIMEOUT_MS);
        const hello = (await this.request((id) => ({ t: 'hello', id, lock: held.name })).finally(() => clearTimeout(silent))) as Hello;
        if (hello.lock && epoch === this.epoch) {
          this.watched = true;
          whenReleased(locks, hello.lock, () => {
            if (epoch === this.epoch) this.die('the shared engine worker stopped');
          });
        }
      })
      .catch(() => {}); // a worker that died first: its requests failed already
  }

  private die(message: string): void {
    if (this.dead) return;
    this.dead = new TandemError('worker', message);
    this.held?.release();
    this.held = undefined;
    this.failAll(this.dead);
  }

  /** Every request in flight fails with `e`, and whoever waits for a death hears of it. */
  private failAll(e: TandemError): void {
    for (const p of this.pending.values()) {
      p.reject(e);
      p.events?.fail(e);
    }
    this.pending.clear();
    for (const w of this.deathWaiters.splice(0)) w();
  }

  /** A live worker with the model loaded: after a death, a new worker (when the package can
   * start one) with the model reloaded; otherwise the death's error. */
  private async ready(): Promise<void> {
    if (this.restarting) return this.restarting;
    if (!this.dead) return;
    if (this.dead.kind !== 'worker' || !this.spawn || !this.loaded) throw this.dead;
    this.restarting = this.restart(this.dead.message).finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  private async restart(reason: string): Promise<void> {
    const { model, options } = this.loaded!;
    this.worker.terminate?.(); // whatever is left of it
    this.worker = this.spawn!();
    this.attach(this.worker);
    this.dead = undefined;
    try {
      await this.request((id) => ({ t: 'load', id, model, options }));
    } catch (e) {
      // A worker without the model is no use: the next request starts over.
      this.die(reason);
      this.worker.terminate?.();
      throw e;
    }
    this.restarts++;
    try {
      this.onRestart?.(reason);
    } catch (e) {
      console.error('tandem: onWorkerRestart threw', e); // the app's bug: the engine is fine
    }
  }

  private receive(m: FromWorker): void {
    if (m.t === 'backend') {
      this.onBackendChange?.(m.backend as EngineBackend, m.reason);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    switch (m.t) {
      case 'progress':
        p.onProgress?.(m.progress);
        break;
      case 'event':
        p.events?.push(m.event);
        break;
      case 'ok':
        this.pending.delete(m.id);
        p.events?.close();
        p.resolve(m.value);
        break;
      case 'err': {
        this.pending.delete(m.id);
        const e = deserializeError(m.error);
        // Another page of a shared engine loaded a different model: this page's model is gone,
        // and a restart must not bring it back (shutting that page out in turn).
        if ((e as TandemError).kind === 'unloaded') this.loaded = undefined;
        p.events?.fail(e);
        p.reject(e);
        break;
      }
    }
  }

  /** One request to the current worker, as it is. */
  private request(make: (id: number) => ToWorker, extra: Partial<Pending> = {}): Promise<Reply> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...extra });
      this.worker.postMessage(make(id));
    });
  }

  /** One request, to a worker restarted first if it died. */
  private async send(make: (id: number) => ToWorker, extra: Partial<Pending> = {}): Promise<Reply> {
    await this.ready();
    return this.request(make, extra);
  }

  private withRestarts(info: Reply, what: string): EngineInfo {
    if (!info) throw new TandemError('internal', `the worker sent no ${what}`);
    return { ...(info as EngineInfo), restarts: this.restarts };
  }

  async load(model: ModelSource, options: WorkerLoadOptions, onProgress?: (p: LoadProgress) => void): Promise<EngineInfo> {
    const info = this.withRestarts(await this.send((id) => ({ t: 'load', id, model, options }), { onProgress }), 'engine info');
    this.loaded = { model, options };
    return info;
  }

  async info(): Promise<EngineInfo> {
    return this.withRestarts(await this.send((id) => ({ t: 'info', id })), 'engine info');
  }

  async promptFeatures(messages: ChatMessage[]): Promise<PromptFeatures> {
    const f = await this.send((id) => ({ t: 'features', id, messages }));
    if (!f) throw new TandemError('internal', 'the worker sent no prompt features');
    return f as PromptFeatures;
  }

  async promptIds(messages: ChatMessage[]): Promise<number[]> {
    return (await this.send((id) => ({ t: 'promptIds', id, messages }))) as number[];
  }

  async decode(ids: number[]): Promise<string> {
    return (await this.send((id) => ({ t: 'decode', id, ids }))) as string;
  }

  async draft(request: DraftRequest): Promise<WasmDraft> {
    return (await this.send((id) => ({ t: 'draft', id, request }))) as WasmDraft;
  }

  async next(request: NextRequest): Promise<NextToken> {
    return (await this.send((id) => ({ t: 'next', id, request }))) as NextToken;
  }

  async unload(): Promise<void> {
    if (this.dead?.kind === 'unloaded') return;
    if (!this.dead) await this.request((id) => ({ t: 'unload', id }));
    if (this.owned) this.close();
  }

  /** Ends the package's worker (a SharedWorker: this page's connection) without a word to it;
   * later requests fail with kind `unloaded`. */
  close(): void {
    this.held?.release();
    this.held = undefined;
    this.worker.terminate?.();
    this.loaded = undefined;
    this.dead = new TandemError('unloaded', 'the engine was unloaded');
    this.failAll(this.dead);
  }

  async simulateDeviceLoss(): Promise<void> {
    await this.send((id) => ({ t: 'loseDevice', id }));
  }

  async simulatePanic(where?: 'call' | 'task'): Promise<void> {
    await this.send((id) => ({ t: 'panic', id, where }));
  }

  /** Test hook: the worker dies without being told. A dedicated worker is terminated here; a
   * SharedWorker (which no page can terminate) is asked to close itself, and this resolves
   * once its death was noticed, as every other page notices it. */
  async simulateWorkerCrash(): Promise<void> {
    if (this.dead) return;
    if (this.worker.shared && this.watched) {
      const died = new Promise<void>((resolve) => this.deathWaiters.push(resolve));
      this.worker.postMessage({ t: 'crash', id: this.nextId++ });
      return died;
    }
    if (this.worker.terminate) this.worker.terminate();
    else this.worker.postMessage({ t: 'crash', id: this.nextId++ });
    this.die('the engine worker was killed (simulateWorkerCrash)');
  }

  async *generate(req: GenRequest, signal?: AbortSignal): AsyncGenerator<GenEvent> {
    if (signal?.aborted) throw abortError(signal);
    // A cancel must not wait for a restart's whole reload (possibly a download).
    await abortable(this.ready(), signal);
    if (this.dead) throw this.dead;
    if (signal?.aborted) throw abortError(signal);
    // The worker this generation runs in (a restart may replace `this.worker` meanwhile).
    const worker = this.worker;
    const events = new Channel<GenEvent>();
    const id = this.nextId++;
    let finished = false;
    const done = new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, events });
    });
    done.catch(() => {}); // errors reach the caller through `events`
    const abort = () => {
      worker.postMessage({ t: 'abort', id });
      events.fail(abortError(signal));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.postMessage({ t: 'generate', id, request: req });
    try {
      for await (const ev of events) {
        if (ev.type === 'done') finished = true;
        yield ev;
      }
    } finally {
      signal?.removeEventListener('abort', abort);
      // The consumer stopped early (break, or an error): stop the worker's generation too.
      if (!finished) {
        worker.postMessage({ t: 'abort', id });
      }
    }
  }
}
