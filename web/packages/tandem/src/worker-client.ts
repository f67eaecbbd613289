/** The page side of the worker: a GenerationCore that forwards to the worker by messages. */
import { Channel } from './channel.js';
import { abortError, deserializeError, TandemError } from './errors.js';
import type { GenerationCore, GenEvent, GenRequest } from './generation.js';
import type { LoadProgress, ModelSource } from './loader.js';
import type { FromWorker, ToWorker, WorkerLoadOptions } from './protocol.js';
import type { ChatMessage, DraftRequest, EngineBackend, EngineInfo, NextRequest, NextToken, PromptFeatures } from './types.js';
import type { WasmDraft } from './wasm-types.js';

export interface WorkerLike {
  postMessage(m: ToWorker): void;
  addEventListener(type: 'message', fn: (ev: MessageEvent) => void): void;
  addEventListener(type: 'error', fn: (ev: ErrorEvent | Event) => void): void;
  terminate?(): void;
}

type Reply = EngineInfo | PromptFeatures | number[] | string | WasmDraft | NextToken | undefined;

interface Pending {
  resolve: (v: Reply) => void;
  reject: (e: unknown) => void;
  onProgress?: (p: LoadProgress) => void;
  events?: Channel<GenEvent>;
}

export class WorkerCore implements GenerationCore {
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private dead: TandemError | undefined;
  onBackendChange?: (backend: EngineBackend, reason: string) => void;

  constructor(
    private readonly worker: WorkerLike,
    private readonly owned: boolean,
  ) {
    worker.addEventListener('message', (ev: MessageEvent) => this.receive(ev.data as FromWorker));
    worker.addEventListener('error', (ev: ErrorEvent | Event) => {
      const msg = (ev as ErrorEvent).message || 'the engine worker failed';
      this.dead = new TandemError('worker', msg);
      for (const p of this.pending.values()) {
        p.reject(this.dead);
        p.events?.fail(this.dead);
      }
      this.pending.clear();
    });
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
        p.events?.fail(e);
        p.reject(e);
        break;
      }
    }
  }

  private send(make: (id: number) => ToWorker, extra: Partial<Pending> = {}): Promise<Reply> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...extra });
      this.worker.postMessage(make(id));
    });
  }

  async load(model: ModelSource, options: WorkerLoadOptions, onProgress?: (p: LoadProgress) => void): Promise<EngineInfo> {
    const info = await this.send((id) => ({ t: 'load', id, model, options }), { onProgress });
    if (!info) throw new TandemError('internal', 'the worker sent no engine info');
    return info as EngineInfo;
  }

  async info(): Promise<EngineInfo> {
    const info = await this.send((id) => ({ t: 'info', id }));
    if (!info) throw new TandemError('internal', 'the worker sent no engine info');
    return info as EngineInfo;
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
    if (this.dead) return;
    await this.send((id) => ({ t: 'unload', id }));
    if (this.owned) {
      this.worker.terminate?.();
      this.dead = new TandemError('unloaded', 'the engine was unloaded');
    }
  }

  async simulateDeviceLoss(): Promise<void> {
    await this.send((id) => ({ t: 'loseDevice', id }));
  }

  async simulatePanic(where?: 'call' | 'task'): Promise<void> {
    await this.send((id) => ({ t: 'panic', id, where }));
  }

  async *generate(req: GenRequest, signal?: AbortSignal): AsyncGenerator<GenEvent> {
    if (this.dead) throw this.dead;
    if (signal?.aborted) throw abortError(signal);
    const events = new Channel<GenEvent>();
    const id = this.nextId++;
    let finished = false;
    const done = new Promise<Reply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, events });
    });
    done.catch(() => {}); // errors reach the caller through `events`
    const abort = () => {
      this.worker.postMessage({ t: 'abort', id });
      events.fail(abortError(signal));
    };
    signal?.addEventListener('abort', abort, { once: true });
    this.worker.postMessage({ t: 'generate', id, request: req });
    try {
      for await (const ev of events) {
        if (ev.type === 'done') finished = true;
        yield ev;
      }
    } finally {
      signal?.removeEventListener('abort', abort);
      // The consumer stopped early (break, or an error): stop the worker's generation too.
      if (!finished) {
        this.worker.postMessage({ t: 'abort', id });
      }
    }
  }
}
