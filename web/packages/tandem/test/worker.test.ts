// The worker protocol end to end over a real MessageChannel: the page-side WorkerCore talks to
// serveEngine running a fake core.
import { describe, expect, it } from 'vitest';
import { createCompletion } from '../src/completions.js';
import { createWorkerEngine } from '../src/engine.js';
import type { ChatCompletion, ChatCompletionChunk } from '../src/types.js';
import { serveEngine } from '../src/worker.js';
import type { WorkerLike } from '../src/worker-client.js';
import { FakeCore } from './fake-core.js';

function pair(core: FakeCore, failLoad = false): WorkerLike & { terminated: boolean } {
  const ch = new MessageChannel();
  serveEngine(
    { postMessage: (m) => ch.port1.postMessage(m), addEventListener: (_t, fn) => ch.port1.addEventListener('message', fn) },
    async (_model, opts) => {
      opts.onProgress?.({ stage: 'download', loadedBytes: 5, totalBytes: 10, cachedFiles: 0 });
      if (failLoad) throw Object.assign(new Error('bad file'), { kind: 'invalid_model' });
      return core;
    },
  );
  ch.port1.start();
  const w = {
    terminated: false,
    postMessage: (m: unknown) => ch.port2.postMessage(m),
    addEventListener: (t: string, fn: (ev: MessageEvent) => void) => {
      if (t === 'message') ch.port2.addEventListener('message', fn);
    },
    terminate() {
      this.terminated = true;
      ch.port1.close();
      ch.port2.close();
    },
  };
  ch.port2.start();
  return w as WorkerLike & { terminated: boolean };
}

const messages = [{ role: 'user', content: 'hi' }];

describe('worker engine', () => {
  it('loads with progress, completes and streams', async () => {
    const progress: number[] = [];
    const core = new FakeCore('stream me');
    const e = await createWorkerEngine(pair(core), { model: '/m.json', onProgress: (p) => progress.push(p.loadedBytes) });
    expect(progress).toEqual([5]);
    expect((await e.info()).model).toBe('fake');
    const c = (await e.chat.completions.create({ messages, temperature: 0 })) as ChatCompletion;
    expect(c.choices[0]!.message.content).toBe('stream me');
    expect(core.lastRequest!.params.temperature).toBe(0);
    let text = '';
    for await (const ch of (await e.chat.completions.create({ messages, stream: true })) as AsyncIterable<ChatCompletionChunk>) {
      text += ch.choices[0]?.delta.content ?? '';
    }
    expect(text).toBe('stream me');
  });

  it('carries logprobs, top_logprobs and cached tokens across the worker (structured clone)', async () => {
    const e = await createWorkerEngine(pair(new FakeCore('hé')), { model: '/m.json' });
    const req = { messages, temperature: 0, logprobs: true, top_logprobs: 2 };
    const c = (await e.chat.completions.create(req)) as ChatCompletion;
    const direct = (await createCompletion(new FakeCore('hé'), () => 'fake', req)) as ChatCompletion;
    expect(c.choices).toEqual(direct.choices);
    expect(c.choices[0]!.logprobs!.content![1]).toEqual({
      token: 'é', logprob: -0.5, bytes: [0xc3, 0xa9],
      top_logprobs: [{ token: 'é', logprob: -0.5, bytes: [0xc3, 0xa9] }, { token: 'ê', logprob: -1.5, bytes: [0xc3, 0xaa] }],
    });
    const entries = [];
    let usage;
    for await (const ch of (await e.chat.completions.create({ ...req, stream: true, stream_options: { include_usage: true } })) as AsyncIterable<ChatCompletionChunk>) {
      entries.push(...(ch.choices[0]?.logprobs?.content ?? []));
      usage ??= ch.usage;
    }
    expect(entries).toEqual(c.choices[0]!.logprobs!.content);
    expect(usage!.prompt_tokens_details).toEqual({ cached_tokens: 3 });
  });

  it('runs the prompt and returns its features across the worker', async () => {
    const core = new FakeCore('x');
    const e = await createWorkerEngine(pair(core), { model: '/m.json' });
    const f = await e.promptFeatures([{ role: 'user', content: 'a hard one' }]);
    expect(f).toEqual({ mean: Array(8).fill(1), last: Array(8).fill(1), tokens: 3 });
    expect(core.prefills).toBe(1);
    await expect(e.promptFeatures([])).rejects.toMatchObject({ kind: 'invalid_request' });
  });

  it('tokens: prompt ids, decode and drafts across the worker; bad draft requests are typed errors', async () => {
    const core = new FakeCore('ok!');
    const e = await createWorkerEngine(pair(core), { model: '/m.json' });
    const ids = await e.tokens.promptIds([{ role: 'user', content: 'hi' }]);
    expect(ids).toEqual([1, 104, 105, 2]);
    const d = await e.tokens.draft({ ids, k: 2, temperature: 0, seed: 1 });
    expect(d).toEqual({ ids: [111, 107], dists: null });
    expect(await e.tokens.decode(d.ids)).toBe('ok');
    expect(await e.tokens.decode([])).toBe('');
    const sampled = await e.tokens.draft({ ids, k: 9, temperature: 0.7, seed: 4294967295 });
    expect(sampled.ids).toEqual([111, 107, 33, 0]);
    expect(sampled.dists).toHaveLength(4);
    for (const bad of [
      { ids: [], k: 2, temperature: 0, seed: 1 },
      { ids, k: 0, temperature: 0, seed: 1 },
      { ids, k: 2, temperature: Number.NaN, seed: 1 },
      { ids, k: 2, temperature: -1, seed: 1 },
      { ids, k: 2, temperature: 0, seed: 2 ** 32 },
      { ids: [1.5], k: 2, temperature: 0, seed: 1 },
      { ids: [-1], k: 2, temperature: 0, seed: 1 },
    ]) {
      await expect(e.tokens.draft(bad)).rejects.toMatchObject({ kind: 'invalid_request' });
    }
    await expect(e.tokens.decode('abc' as never)).rejects.toMatchObject({ kind: 'invalid_request' });
  });

  it('tokens.next: the next-token distribution across the worker; bad requests are typed errors', async () => {
    const core = new FakeCore('ok!');
    const e = await createWorkerEngine(pair(core), { model: '/m.json' });
    const ids = await e.tokens.promptIds([{ role: 'user', content: 'hi' }]);
    const n = await e.tokens.next({ ids, topK: 2 });
    expect(n).toEqual({ top: [[111, -0.5], [112, -1.5]], entropy: 1.25 });
    expect(core.nexts).toEqual([{ ids, topK: 2 }]);
    for (const bad of [{ ids: [], topK: 2 }, { ids, topK: 0 }, { ids, topK: 21 }, { ids, topK: 1.5 }, { ids: [-1], topK: 2 }, null]) {
      await expect(e.tokens.next(bad as never)).rejects.toMatchObject({ kind: 'invalid_request' });
    }
  });

  it('aborts a streamed generation in the worker', async () => {
    const core = new FakeCore('x'.repeat(200), 2);
    const e = await createWorkerEngine(pair(core), { model: '/m.json' });
    const ac = new AbortController();
    let n = 0;
    const err = await (async () => {
      for await (const _ of (await e.chat.completions.create({ messages, stream: true, signal: ac.signal })) as AsyncIterable<ChatCompletionChunk>) {
        if (++n === 5) ac.abort();
      }
    })().catch((x) => x);
    expect(err.name).toBe('AbortError');
    await new Promise((r) => setTimeout(r, 50));
    expect(core.cancelled).toBe(1);
    expect(core.steps).toBeLessThan(20);
    // The engine serves the next request.
    const c = (await e.chat.completions.create({ messages, max_tokens: 3 })) as ChatCompletion;
    expect(c.choices[0]!.message.content).toBe('xxx');
  });

  it('reports load errors with their kind, and unload ends the engine', async () => {
    const err = await createWorkerEngine(pair(new FakeCore(), true), { model: '/m.json' }).catch((x) => x);
    expect(err.name).toBe('TandemError');
    expect(err.kind).toBe('invalid_model');
    const w = pair(new FakeCore());
    const e = await createWorkerEngine(w, { model: '/m.json' });
    await e.unload();
    await expect(e.info()).rejects.toMatchObject({ kind: 'unloaded' });
  });

  it('validates options before starting', async () => {
    await expect(createWorkerEngine(pair(new FakeCore()), { model: '/m', backend: 'tpu' as never })).rejects.toMatchObject({ kind: 'invalid_options' });
  });
});
