// The SharedWorker's logic with fake ports and Web Locks: tabs share one loaded model, keep their
// own request ids and aborts, a tab that goes away (its lock let go) leaves the others serving,
// another model replaces the loaded one, and a crashed SharedWorker is replaced by one new
// worker that every tab reconnects to, loading the model once.
import { describe, expect, it } from 'vitest';
import { createCompletion } from '../src/completions.js';
import type { ChatCompletion, ChatCompletionChunk } from '../src/types.js';
import { serveSharedEngine } from '../src/shared-worker.js';
import { WorkerCore, type WorkerLike } from '../src/worker-client.js';
import { FakeCore } from './fake-core.js';
import { LockRegistry, type LockContext } from './fakes.js';

interface Instance {
  alive: boolean;
  connect: (ev: MessageEvent) => void;
  ports: MessageChannel[];
  clients: () => number;
}

/** The browser's side of one SharedWorker name: a live instance, or a new one once it closed. */
class SharedWorld {
  registry = new LockRegistry();
  instances: Instance[] = [];
  loads: string[] = [];
  cores: FakeCore[] = [];

  private live(): Instance {
    const last = this.instances.at(-1);
    if (last?.alive) return last;
    const locks = this.registry.context();
    const inst: Instance = { alive: true, connect: () => {}, ports: [], clients: () => 0 };
    const host = serveSharedEngine(
      { addEventListener: (_t, fn) => (inst.connect = fn) },
      {
        loadCore: async (model) => {
          this.loads.push(String(model));
          const core = new FakeCore(`answer of ${String(model)}`, 3);
          this.cores.push(core);
          return core;
        },
        locks,
        // The worker closes: its locks are let go and its ports go dead.
        exit: () => {
          inst.alive = false;
          for (const ch of inst.ports) ch.port1.close();
          locks.die();
        },
      },
    );
    inst.clients = () => host.clients.size;
    this.instances.push(inst);
    return inst;
  }

  /** `new SharedWorker(...)` in a page: a new port to the live instance. */
  spawn = (): WorkerLike => {
    const inst = this.live();
    const ch = new MessageChannel();
    inst.ports.push(ch);
    inst.connect({ ports: [ch.port1] } as unknown as MessageEvent);
    const port = ch.port2;
    return {
      shared: true,
      postMessage: (m) => port.postMessage(m),
      addEventListener: ((t: string, fn: (ev: Event) => void) => {
        if (t !== 'message') return;
        port.addEventListener('message', fn);
        port.start();
      }) as WorkerLike['addEventListener'],
      terminate: () => port.close(),
    };
  };

  /** A tab: its own lock context and an engine core on a port of the SharedWorker. */
  tab(): { core: WorkerCore; locks: LockContext; restarts: string[] } {
    const locks = this.registry.context();
    const restarts: string[] = [];
    const core = new WorkerCore(this.spawn(), { spawn: this.spawn, locks, onRestart: (r) => restarts.push(r) });
    return { core, locks, restarts };
  }
}

const messages = [{ role: 'user', content: 'hi' }];
const settle = () => new Promise((r) => setTimeout(r, 30));

async function ask(core: WorkerCore): Promise<string> {
  return ((await createCompletion(core, () => 'm', { messages, temperature: 0 })) as ChatCompletion).choices[0]!.message.content;
}

async function stream(core: WorkerCore, onChunk?: (n: number) => void, signal?: AbortSignal): Promise<string> {
  let text = '';
  let n = 0;
  const s = (await createCompletion(core, () => 'm', { messages, stream: true, signal })) as AsyncIterable<ChatCompletionChunk>;
  for await (const c of s) {
    text += c.choices[0]?.delta.content ?? '';
    onChunk?.(++n);
  }
  return text;
}

describe('shared engine (SharedWorker logic)', () => {
  it('a second tab loading the same model attaches to it: one load, two clients, both answer', async () => {
    const w = new SharedWorld();
    const a = w.tab();
    const b = w.tab();
    const ia = await a.core.load('/a.json', { backend: 'cpu' });
    const ib = await b.core.load('/a.json', { backend: 'cpu' });
    expect(w.loads).toEqual(['/a.json']);
    expect(ia).toMatchObject({ shared: true, clients: 2, restarts: 0 });
    expect(ib).toMatchObject({ shared: true, clients: 2 });
    const [ta, tb] = await Promise.all([stream(a.core), stream(b.core)]);
    expect([ta, tb]).toEqual(['answer of /a.json', 'answer of /a.json']);
    // Other options are another engine: that load replaces it.
    await b.core.load('/a.json', { backend: 'webgpu' });
    expect(w.loads).toEqual(['/a.json', '/a.json']);
  });

  it("request ids are per tab: one tab's abort stops only its own generation", async () => {
    const w = new SharedWorld();
    const a = w.tab();
    const b = w.tab();
    await a.core.load('/a.json', {});
    await b.core.load('/a.json', {});
    const ac = new AbortController();
    const [ra, rb] = await Promise.allSettled([stream(a.core, (n) => n === 3 && ac.abort(), ac.signal), stream(b.core)]);
    expect(ra).toMatchObject({ status: 'rejected', reason: { name: 'AbortError' } });
    expect(rb).toEqual({ status: 'fulfilled', value: 'answer of /a.json' });
    await settle();
    expect(w.cores[0]!.cancelled).toBe(1);
  });

  it('a tab that goes away: its generation stops, the model stays for the others, the last unload frees it', async () => {
    const w = new SharedWorld();
    const a = w.tab();
    const b = w.tab();
    await a.core.load('/a.json', {});
    await b.core.load('/a.json', {});
    const gone = stream(a.core, (n) => n === 2 && a.locks.die()).catch((e) => e);
    await settle();
    await settle();
    expect(w.cores[0]!.cancelled).toBe(1);
    expect(w.instances[0]!.clients()).toBe(1);
    void gone;
    expect(await ask(b.core)).toBe('answer of /a.json');
    expect((await b.core.info()).clients).toBe(1);
    expect(w.cores[0]!.unloads).toBe(0);
    const c = w.tab();
    await c.core.load('/a.json', {});
    await c.core.unload(); // b still holds it
    expect(w.cores[0]!.unloads).toBe(0);
    await b.core.unload();
    expect(w.cores[0]!.unloads).toBe(1);
    expect(w.loads).toEqual(['/a.json']);
  });

  it("another model replaces the loaded one: the other tab's requests fail with kind unloaded", async () => {
    const w = new SharedWorld();
    const a = w.tab();
    const b = w.tab();
    await a.core.load('/a.json', {});
    await b.core.load('/b.json', {});
    expect(w.loads).toEqual(['/a.json', '/b.json']);
    expect(w.cores[0]!.unloads).toBe(1);
    await expect(ask(a.core)).rejects.toMatchObject({ kind: 'unloaded', message: expect.stringMatching(/another page/) });
    expect(await ask(b.core)).toBe('answer of /b.json');
  });

  it('a crashed SharedWorker: requests in flight fail with kind worker in every tab; their next requests share one new worker and one load', async () => {
    const w = new SharedWorld();
    const a = w.tab();
    const b = w.tab();
    await a.core.load('/a.json', {});
    await b.core.load('/a.json', {});
    const inFlight = stream(b.core).catch((e) => e);
    await settle();
    await a.core.simulateWorkerCrash();
    expect(await inFlight).toMatchObject({ name: 'TandemError', kind: 'worker', message: 'the shared engine worker stopped' });
    const [ra, rb] = await Promise.all([ask(a.core), ask(b.core)]);
    expect([ra, rb]).toEqual(['answer of /a.json', 'answer of /a.json']);
    expect(w.instances).toHaveLength(2);
    expect(w.loads).toEqual(['/a.json', '/a.json']);
    expect(await a.core.info()).toMatchObject({ restarts: 1, clients: 2 });
    expect([a.restarts, b.restarts]).toEqual([['the shared engine worker stopped'], ['the shared engine worker stopped']]);
  });
});
