// A worker that dies: requests in flight fail with kind `worker`; with a worker the package can
// start again (a factory), the next request starts a new one, reloads the same model with the
// same options, and runs; an app's own worker stays dead.
import { describe, expect, it } from 'vitest';
import { createWorkerEngine } from '../src/engine.js';
import type { LocalLoadOptions } from '../src/local.js';
import type { ModelSource } from '../src/loader.js';
import type { ChatCompletion, ChatCompletionChunk, TandemEngine } from '../src/types.js';
import { serveEngine } from '../src/worker.js';
import type { WorkerLike } from '../src/worker-client.js';
import { FakeCore } from './fake-core.js';

interface FakeWorker extends WorkerLike {
  terminated: boolean;
  /** Fires the worker's 'error' event (an uncaught error in it). */
  crash(message: string): void;
}

/** Workers served by serveEngine over MessageChannels; every load is recorded. */
class Workers {
  started: FakeWorker[] = [];
  loads: { model: ModelSource; opts: LocalLoadOptions }[] = [];
  /** Makes the load with this index (0-based) fail with kind `network`. */
  failLoadAt = -1;
  constructor(private readonly reply = 'again', private readonly delayMs = 0) {}

  spawn = (): FakeWorker => {
    const ch = new MessageChannel();
    serveEngine(
      { postMessage: (m) => ch.port1.postMessage(m), addEventListener: (_t, fn) => ch.port1.addEventListener('message', fn) },
      async (model, opts) => {
        const n = this.loads.push({ model, opts }) - 1;
        if (n === this.failLoadAt) throw Object.assign(new Error('cannot fetch the manifest'), { kind: 'network' });
        return new FakeCore(this.reply, this.delayMs);
      },
    );
    ch.port1.start();
    const errors: ((ev: Event) => void)[] = [];
    const w: FakeWorker = {
      terminated: false,
      postMessage: (m) => ch.port2.postMessage(m),
      addEventListener: ((t: string, fn: (ev: Event) => void) => {
        if (t === 'message') ch.port2.addEventListener('message', fn);
        else errors.push(fn);
      }) as WorkerLike['addEventListener'],
      terminate() {
        w.terminated = true;
        ch.port1.close();
        ch.port2.close();
      },
      crash(message) {
        for (const fn of errors) fn(Object.assign(new Event('error'), { message }));
      },
    };
    ch.port2.start();
    this.started.push(w);
    return w;
  };
}

const messages = [{ role: 'user', content: 'hi' }];
const ask = async (e: TandemEngine) => ((await e.chat.completions.create({ messages, temperature: 0 })) as ChatCompletion).choices[0]!.message.content;

/** Starts a stream and reads `n` chunks of it; the rest comes from `rest()`. */
async function streamStarted(e: TandemEngine, n: number) {
  const s = (await e.chat.completions.create({ messages, stream: true })) as AsyncIterable<ChatCompletionChunk>;
  const it = s[Symbol.asyncIterator]();
  for (let i = 0; i < n; i++) await it.next();
  return async () => {
    for (;;) if ((await it.next()).done) return;
  };
}

describe('worker restart', () => {
  it('a killed worker: the stream in flight fails with kind worker, the next request restarts it and reloads the model', async () => {
    const ws = new Workers('again', 5);
    const restarts: string[] = [];
    const e = await createWorkerEngine(ws.spawn, { model: '/m.json', backend: 'cpu', maxContext: 99, onWorkerRestart: (r) => restarts.push(r) });
    expect((await e.info()).restarts).toBe(0);
    const rest = await streamStarted(e, 2);
    await e.simulateWorkerCrash!();
    expect(ws.started[0]!.terminated).toBe(true);
    await expect(rest()).rejects.toMatchObject({ name: 'TandemError', kind: 'worker' });
    expect(await ask(e)).toBe('again');
    expect(ws.started).toHaveLength(2);
    expect(ws.loads.map((l) => [l.model, l.opts.backend, l.opts.maxContext])).toEqual([
      ['/m.json', 'cpu', 99],
      ['/m.json', 'cpu', 99],
    ]);
    expect(restarts).toEqual([expect.stringMatching(/simulateWorkerCrash/)]);
    expect((await e.info()).restarts).toBe(1);
    // Requests at once after a death share one restart.
    await e.simulateWorkerCrash!();
    const [a, b, info] = await Promise.all([ask(e), ask(e), e.info()]);
    expect([a, b, info.restarts]).toEqual(['again', 'again', 2]);
    expect(ws.started).toHaveLength(3);
  });

  it("a worker's error event is a death too; a reload that fails is that request's error, and the next one tries again", async () => {
    const ws = new Workers();
    const e = await createWorkerEngine(ws.spawn, { model: '/m.json' });
    const pending = e.promptFeatures(messages);
    ws.started[0]!.crash('out of memory');
    await expect(pending).rejects.toMatchObject({ kind: 'worker', message: 'out of memory' });
    ws.failLoadAt = 1;
    await expect(ask(e)).rejects.toMatchObject({ kind: 'network' });
    expect(await ask(e)).toBe('again');
    expect(ws.started).toHaveLength(3);
    expect(ws.started[1]!.terminated).toBe(true); // the worker that could not reload was ended
    expect((await e.info()).restarts).toBe(1);
  });

  it("an app's own worker is not restarted: requests keep failing with kind worker", async () => {
    const ws = new Workers();
    const e = await createWorkerEngine(ws.spawn(), { model: '/m.json' });
    ws.started[0]!.crash('boom');
    await expect(ask(e)).rejects.toMatchObject({ kind: 'worker', message: 'boom' });
    await expect(e.info()).rejects.toMatchObject({ kind: 'worker' });
    expect(ws.started).toHaveLength(1);
    expect(ws.loads).toHaveLength(1);
  });

  it('unload after a death ends the engine for good', async () => {
    const ws = new Workers();
    const e = await createWorkerEngine(ws.spawn, { model: '/m.json' });
    await e.simulateWorkerCrash!();
    await e.unload();
    await expect(ask(e)).rejects.toMatchObject({ kind: 'unloaded' });
    expect(ws.started).toHaveLength(1);
  });

  it('a cancel during a restart is not held up by the reload; a throwing onWorkerRestart fails nothing', async () => {
    const ws = new Workers('again', 5);
    const e = await createWorkerEngine(ws.spawn, {
      model: '/m.json',
      onWorkerRestart: () => {
        throw new Error("the app's bug");
      },
    });
    await e.simulateWorkerCrash!();
    const ac = new AbortController();
    const cancelled = e.chat.completions.create({ messages, stream: true, signal: ac.signal }).then(async (s) => {
      for await (const _ of s as AsyncIterable<ChatCompletionChunk>);
    });
    ac.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(await ask(e)).toBe('again'); // the restart went on, its callback's throw contained
    expect((await e.info()).restarts).toBe(1);
  });

  it("a model another page replaced (kind unloaded) is not brought back by a restart", async () => {
    const ws = new Workers();
    const e = await createWorkerEngine(ws.spawn, { model: '/m.json' });
    // What a shared worker answers once another page loaded a different model.
    (ws.started[0] as unknown as { postMessage: (m: unknown) => void }).postMessage({ t: 'unload', id: 9_999 });
    await new Promise((r) => setTimeout(r, 10));
    await expect(ask(e)).rejects.toMatchObject({ kind: 'unloaded' });
    await e.simulateWorkerCrash!();
    await expect(ask(e)).rejects.toMatchObject({ kind: 'worker' });
    expect(ws.loads).toHaveLength(1); // never reloaded
  });

  it('a failed first load ends the worker the factory started', async () => {
    const ws = new Workers();
    ws.failLoadAt = 0;
    await expect(createWorkerEngine(ws.spawn, { model: '/m.json' })).rejects.toMatchObject({ kind: 'network' });
    expect(ws.started[0]!.terminated).toBe(true);
  });
});
