/**
 * The engine in the current thread (a worker, normally): model files from the loader, the wasm
 * engine, and the generation loop — one token per step, yielding to the event loop between
 * tokens, requests served one at a time. When the GPU device is lost mid-generation the engine
 * reloads the weights (from the model store) on the CPU and the generation carries on. When the
 * wasm engine panics, that request fails with a `panic` error, the module is reset, and the next
 * request first reloads the model (from the model store) into the fresh instance.
 */
import { abortError, TandemError } from './errors.js';
import type { GenerationCore, GenEvent, GenRequest } from './generation.js';
import type { StoreKind } from './cache.js';
import { loadModelFiles, type LoadProgress, type ModelSource } from './loader.js';
import { Mutex, yieldToEventLoop } from './scheduling.js';
import type { ChatMessage, DraftRequest, EngineBackend, EngineInfo, NextRequest, NextToken, PromptFeatures, StorageErrorInfo } from './types.js';
import { awaitWasm, ensureWasm, simulatePanicInTask, WasmEngine, wasmEpoch, wasmError, wasmPoisoned } from './wasm.js';
import type { WasmDraft, WasmStep } from './wasm-types.js';

export interface LocalLoadOptions {
  backend?: 'auto' | 'webgpu' | 'cpu';
  useCache?: boolean;
  maxContext?: number;
  prefillChunk?: number;
  wasmUrl?: string;
  onProgress?: (p: LoadProgress) => void;
  onBackendChange?: (backend: EngineBackend, reason: string) => void;
}

export class LocalCore implements GenerationCore {
  private wasm: WasmEngine | undefined;
  private readonly mutex = new Mutex();
  private generating = false;
  private lossRequested = false;

  private constructor(
    wasm: WasmEngine,
    /** The wasm instance `wasm` belongs to (see wasmEpoch). */
    private epoch: number,
    private readonly source: ModelSource,
    private readonly modelId: string,
    private readonly opts: LocalLoadOptions,
    private readonly fromCache: boolean,
    private readonly loadMs: number,
    private readonly storage: { store: StoreKind; storageError: StorageErrorInfo | null },
  ) {
    this.wasm = wasm;
  }

  static async load(source: ModelSource, opts: LocalLoadOptions = {}): Promise<LocalCore> {
    const t0 = performance.now();
    const wasmReady = ensureWasm(opts.wasmUrl);
    const { manifest, files, fromCache, store, storageError } = await loadModelFiles(source, {
      onProgress: opts.onProgress,
      useCache: opts.useCache,
    });
    await wasmReady;
    const { wasm, epoch } = await LocalCore.instantiate(files, opts);
    const total = files.weights.reduce((n, w) => n + w.bytes.byteLength, 0);
    opts.onProgress?.({ stage: 'ready', loadedBytes: total, totalBytes: total, cachedFiles: 0 });
    const storage = { store, storageError: storageError ? { kind: 'storage' as const, message: storageError.message } : null };
    return new LocalCore(wasm, epoch, source, manifest.id, opts, fromCache, performance.now() - t0, storage);
  }

  /** The wasm engine over `files`, and the instance it belongs to (read before the await: a
   * reset during the load leaves the engine in the old instance, where it must not be used). */
  private static async instantiate(files: unknown, opts: LocalLoadOptions): Promise<{ wasm: WasmEngine; epoch: number }> {
    for (;;) {
      const epoch = wasmEpoch();
      const wasm = await awaitWasm(
        WasmEngine.load(files, {
          backend: opts.backend ?? 'auto',
          maxContext: opts.maxContext,
          prefillChunk: opts.prefillChunk,
        }),
      );
      if (epoch === wasmEpoch()) return { wasm, epoch };
      await ensureWasm(opts.wasmUrl);
    }
  }

  /** A panic reset (or is about to reset) the module since `wasm` was made. */
  private stale(): boolean {
    return wasmPoisoned() || this.epoch !== wasmEpoch();
  }

  private engine(): WasmEngine {
    if (!this.wasm) throw new TandemError('unloaded', 'the engine was unloaded');
    if (this.stale()) {
      throw new TandemError('panic', 'the wasm engine panicked; the next request reloads it');
    }
    return this.wasm;
  }

  /** The engine, reloaded first if a panic reset the module since it was made: the same
   * files (from the model store) and options, in the fresh instance. Call with the mutex held. */
  private async live(): Promise<WasmEngine> {
    if (!this.wasm) throw new TandemError('unloaded', 'the engine was unloaded');
    if (this.stale()) {
      // The old object belongs to the discarded instance and is never called again (free
      // included); if this reload fails, the next request tries again.
      await ensureWasm(this.opts.wasmUrl);
      const { files } = await loadModelFiles(this.source, { useCache: this.opts.useCache });
      ({ wasm: this.wasm, epoch: this.epoch } = await LocalCore.instantiate(files, this.opts));
    }
    return this.wasm;
  }

  async info(): Promise<EngineInfo> {
    // Without the lock (a generation holds it); after a panic, the reload takes it.
    if (this.stale()) await this.exclusive(() => undefined);
    let i: ReturnType<WasmEngine['info']>;
    try {
      i = this.engine().info();
    } catch (e) {
      throw wasmError(e);
    }
    // One engine in this thread: the worker that serves it (worker.ts) says whether it is shared,
    // and the page side (worker-client.ts) counts restarts.
    return { model: this.modelId, ...i, fromCache: this.fromCache, loadMs: this.loadMs, ...this.storage, shared: false, clients: 1, restarts: 0 };
  }

  async unload(): Promise<void> {
    const release = await this.mutex.lock();
    try {
      if (!this.stale()) this.wasm?.free();
      this.wasm = undefined;
    } finally {
      release();
    }
  }

  async simulateDeviceLoss(): Promise<void> {
    // Mid-generation the engine is inside a step: lose the device before the next one.
    if (this.generating) this.lossRequested = true;
    else {
      try {
        this.engine().loseDevice();
      } catch (e) {
        throw wasmError(e);
      }
    }
  }

  async simulatePanic(where: 'call' | 'task' = 'task'): Promise<void> {
    await this.exclusive((e) => (where === 'call' ? e.simulatePanic() : simulatePanicInTask()));
  }

  /** After a lost device: the same weights, from the model store, on the CPU. */
  private async moveToCpu(reason: string): Promise<void> {
    const { files } = await loadModelFiles(this.source, { useCache: this.opts.useCache });
    try {
      this.engine().useCpu(files);
    } catch (e) {
      throw wasmError(e);
    }
    this.opts.onBackendChange?.('cpu', reason);
  }

  /** `work` on the engine, one request at a time; a device lost on the way moves the engine
   * to the CPU and runs it again. */
  private async exclusive<T>(work: (e: WasmEngine) => Promise<T> | T): Promise<T> {
    const release = await this.mutex.lock();
    try {
      const e = await this.live();
      let moved = false;
      for (;;) {
        try {
          return await awaitWasm(Promise.resolve().then(() => work(e)));
        } catch (err) {
          const t = wasmError(err);
          if (t.kind === 'device_lost' && !moved) {
            moved = true;
            await this.moveToCpu(t.message);
            continue;
          }
          throw t;
        }
      }
    } finally {
      release();
    }
  }

  /** Scores the prompt (one forward pass; the KV cache then holds it) and pools its hidden
   * states. */
  async promptFeatures(messages: ChatMessage[]): Promise<PromptFeatures> {
    return this.exclusive(async (e) => {
      const ids = e.promptIds(messages);
      await e.score(ids, ids.length, 0);
      return e.promptFeatures();
    });
  }

  async promptIds(messages: ChatMessage[]): Promise<number[]> {
    return this.exclusive((e) => Array.from(e.promptIds(messages)));
  }

  async decode(ids: number[]): Promise<string> {
    return this.exclusive((e) => e.decode(ids, true));
  }

  async draft(req: DraftRequest): Promise<WasmDraft> {
    return this.exclusive((e) => e.draft(req.ids, req.k, req.temperature, req.seed));
  }

  /** One scoring pass that reads no position of `ids` (from = its length): only the
   * distribution after it. The cache keeps `ids`, so the next call feeds one new token. */
  async next(req: NextRequest): Promise<NextToken> {
    return this.exclusive(async (e) => {
      const s = await e.score(req.ids, req.ids.length, req.topK);
      return { top: s.next.topLogprobs.map((t): [number, number] => [t.id, t.logprob]), entropy: s.next.entropy };
    });
  }

  async *generate(req: GenRequest, signal?: AbortSignal): AsyncGenerator<GenEvent> {
    const release = await this.mutex.lock();
    let begun = false;
    let ended = false;
    try {
      if (signal?.aborted) throw abortError(signal);
      const e = await this.live();
      try {
        e.begin(e.promptIds(req.messages), req.params);
      } catch (err) {
        throw wasmError(err);
      }
      begun = true;
      this.generating = true;
      let moved = false;
      for (;;) {
        if (signal?.aborted) throw abortError(signal);
        if (this.lossRequested) {
          this.lossRequested = false;
          try {
            e.loseDevice();
          } catch (err) {
            throw wasmError(err);
          }
        }
        let s: WasmStep;
        try {
          s = await awaitWasm(e.step());
        } catch (err) {
          const t = wasmError(err);
          if (t.kind === 'device_lost' && !moved) {
            moved = true;
            await this.moveToCpu(t.message);
            continue;
          }
          throw t;
        }
        yield {
          type: 'token',
          id: s.id,
          text: s.text,
          token: s.token,
          bytes: s.bytes,
          logprob: s.logprob,
          entropy: s.entropy,
          topLogprobs: s.topLogprobs,
        };
        if (s.finishReason) {
          let g: ReturnType<WasmEngine['end']>;
          let backend: EngineBackend;
          try {
            g = e.end();
            ended = true;
            backend = e.info().backend;
          } catch (err) {
            throw wasmError(err);
          }
          yield {
            type: 'done',
            finishReason: g.finishReason,
            promptTokens: g.promptTokens,
            cachedTokens: g.cachedTokens,
            completionTokens: g.ids.length,
            text: g.text,
            backend,
          };
          return;
        }
        await yieldToEventLoop();
      }
    } finally {
      this.generating = false;
      if (begun && !ended && this.wasm && !wasmPoisoned()) {
        try {
          this.wasm.end('cancelled');
        } catch (err) {
          // Nothing in progress; a trap poisons the module (the next request resets it).
          wasmError(err);
        }
      }
      release();
    }
  }
}
