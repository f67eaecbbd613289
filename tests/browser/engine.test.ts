// The npm package in Debian Chromium (playwright-core), pages served from 127.0.0.1:
// (1) WebGPU on SwiftShader and (2) the CPU path with WebGPU off give the native CLI's greedy
// tokens on every committed model; (3) the worker engine streams and `signal` aborts;
// (4) a second load with the network blocked comes from Cache Storage; (5) a wrong sha256 is
// rejected and nothing is cached; (6) a device lost mid-generation finishes on the CPU with the
// same tokens; (7) the wasm Engine's KV cache reuse, rewind, score, prompt features and the
// OpenAI logprobs agree across backends. Fails (never skips) without a WebGPU adapter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { cliIds, launch, manifestUrl, MAX_TOKENS, MODELS, openPage, serve, type Server } from './harness.js';

let srv: Server;
beforeAll(async () => {
  srv = await serve();
});
afterAll(async () => {
  await srv?.close();
});

interface RunResult {
  ids: number[];
  text: string;
  backend: string;
  fallbackReason: string | null;
  fromCache: boolean;
  finish: string;
}

/** Loads `model` with `backend` in the page (worker engine) and runs one greedy chat completion. */
async function greedy(page: Page, model: string, prompt: string, backend: string): Promise<RunResult> {
  return page.evaluate(
    async ({ model, prompt, backend, max }) => {
      const t = (window as any).tandem;
      const e = await t.createEngine({ model, backend });
      try {
        const info = await e.info();
        const c = await e.chat.completions.create({ messages: [{ role: 'user', content: prompt }], max_tokens: max, temperature: 0 });
        return {
          ids: c.tandem.tokens.map((x: { id: number }) => x.id),
          text: c.choices[0].message.content,
          backend: c.tandem.backend,
          fallbackReason: info.fallbackReason,
          fromCache: info.fromCache,
          finish: c.choices[0].finish_reason,
        };
      } finally {
        await e.unload();
      }
    },
    { model, prompt, backend, max: MAX_TOKENS },
  );
}

describe('WebGPU backend (SwiftShader)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await launch({ webgpu: true });
    page = await openPage(ctx, srv);
    const support = await page.evaluate(() => (window as any).tandem.checkSupport());
    if (!support.webgpu) throw new Error(`no WebGPU adapter in Chromium: ${support.webgpuReason}`);
  });
  afterAll(async () => ctx?.close());

  it('checkSupport reports the adapter and a memory estimate before any weights are fetched', async () => {
    const r = await page.evaluate(async (model) => (window as any).tandem.checkSupport({ model, contextTokens: 1024 }), manifestUrl('license-llama'));
    expect(r).toMatchObject({ webgpu: true, wasmSimd: true, cacheStorage: true, recommendedBackend: 'webgpu' });
    expect(r.gpu.isFallbackAdapter).toBe(true); // SwiftShader
    expect(r.gpu.limits.maxStorageBufferBindingSize).toBeGreaterThanOrEqual(1 << 27);
    // license-llama: 3 layers × (K and V) × 2 kv heads × head_dim 24 × 4 bytes per token.
    expect(r.memory.kvBytesPerToken).toBe(3 * 2 * 2 * 24 * 4);
    expect(r.memory.weightBytes).toBe(674032);
    expect(r.memory.totalBytes).toBeGreaterThan(r.memory.weightBytes + r.memory.kvBytesPerToken * 1024);
  });

  it.each(MODELS.map((m) => [m.manifest, m]))('%s: greedy tokens = native CLI --backend gpu', async (_n, m) => {
    const r = await greedy(page, manifestUrl(m.manifest), m.prompt, 'webgpu');
    expect(r.backend).toBe('webgpu');
    expect(r.ids.length).toBeGreaterThan(0);
    expect(r.ids).toEqual(cliIds(m, 'gpu'));
  });

  it('a device lost mid-generation finishes on the CPU with the same tokens', async () => {
    const m = MODELS[0]!;
    const r = await page.evaluate(
      async ({ model, prompt }) => {
        const t = (window as any).tandem;
        const changes: string[] = [];
        const e = await t.createEngine({ model, backend: 'auto', onBackendChange: (b: string) => changes.push(b) });
        const ids: number[] = [];
        let backend = '';
        const s = await e.chat.completions.create({ messages: [{ role: 'user', content: prompt }], max_tokens: 40, temperature: 0, stream: true });
        for await (const c of s) {
          for (const tok of c.tandem?.tokens ?? []) ids.push(tok.id);
          if (ids.length === 8 && changes.length === 0 && !(e as any).lost) {
            (e as any).lost = true;
            await e.simulateDeviceLoss();
          }
          if (c.tandem?.backend) backend = c.tandem.backend;
        }
        await e.unload();
        return { ids, backend, changes };
      },
      { model: manifestUrl(m.manifest), prompt: m.prompt },
    );
    expect(r.changes).toEqual(['cpu']);
    expect(r.backend).toBe('cpu');
    expect(r.ids).toEqual(cliIds(m, 'cpu', 40));
  });
});

describe('CPU backend (WebGPU off)', () => {
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await launch({ webgpu: false });
    page = await openPage(ctx, srv);
  });
  afterAll(async () => ctx?.close());

  it.each(MODELS.map((m) => [m.manifest, m]))('%s: auto falls back to the CPU; tokens = native CLI --backend cpu', async (_n, m) => {
    const r = await greedy(page, manifestUrl(m.manifest), m.prompt, 'auto');
    expect(r.backend).toBe('cpu');
    expect(r.fallbackReason).toMatch(/WebGPU|adapter/);
    expect(r.ids).toEqual(cliIds(m, 'cpu'));
  });

  it('checkSupport says there is no WebGPU and recommends the CPU', async () => {
    const r = await page.evaluate(() => (window as any).tandem.checkSupport());
    expect(r).toMatchObject({ webgpu: false, wasmSimd: true, recommendedBackend: 'cpu' });
    expect(r.webgpuReason).toMatch(/WebGPU|adapter/);
  });

  it('backend "webgpu" without an adapter is a typed error', async () => {
    const err = await page.evaluate(async (model) => {
      try {
        await (window as any).tandem.createEngine({ model, backend: 'webgpu' });
        return null;
      } catch (e: any) {
        return { name: e.name, kind: e.kind, message: e.message };
      }
    }, manifestUrl('llama-tiny'));
    expect(err).toMatchObject({ name: 'TandemError', kind: 'no_adapter' });
  });

  it('sampling without a seed differs per request; with one it repeats', async () => {
    const r = await page.evaluate(async (model) => {
      const e = await (window as any).tandem.createEngine({ model, backend: 'cpu' });
      const ask = async (seed?: number) =>
        (await e.chat.completions.create({
          messages: [{ role: 'user', content: 'The Licensor' }], max_tokens: 24, temperature: 1, seed,
        })).choices[0].message.content;
      const unseeded = new Set<string>();
      for (let i = 0; i < 6; i++) unseeded.add(await ask());
      const seeded = [await ask(7), await ask(7)];
      await e.unload();
      return { distinct: unseeded.size, seeded };
    }, manifestUrl('license-llama'));
    expect(r.distinct).toBeGreaterThanOrEqual(2);
    expect(r.seeded[0]).toBe(r.seeded[1]);
  });
});

describe('worker engine, cache, integrity', () => {
  it('streams chunks from an app-made worker and signal aborts the generation', async () => {
    const ctx = await launch({ webgpu: true });
    try {
      const page = await openPage(ctx, srv);
      const r = await page.evaluate(async (model) => {
        const t = (window as any).tandem;
        const worker = new Worker('/web/packages/tandem/dist/worker.js', { type: 'module' });
        const e = await t.createWorkerEngine(worker, { model, backend: 'cpu' });
        // The page keeps running while the worker generates: the longest gap between timer ticks.
        let last = performance.now();
        let maxGap = 0;
        const timer = setInterval(() => {
          const now = performance.now();
          maxGap = Math.max(maxGap, now - last);
          last = now;
        }, 5);
        const ac = new AbortController();
        const chunks: string[] = [];
        let error = '';
        try {
          const s = await e.chat.completions.create({
            messages: [{ role: 'user', content: 'The Licensor grants You' }],
            max_tokens: 400, temperature: 0.8, seed: 1, stream: true, signal: ac.signal,
          });
          for await (const c of s) {
            chunks.push(c.choices[0]?.delta?.content ?? '');
            if (chunks.length === 6) ac.abort();
          }
        } catch (err: any) {
          error = err.name;
        }
        clearInterval(timer);
        // The worker stopped generating and serves the next request.
        const next = await e.chat.completions.create({ messages: [{ role: 'user', content: 'You may' }], max_tokens: 5, temperature: 0 });
        await e.unload();
        worker.terminate();
        return { chunks: chunks.length, error, next: next.usage.completion_tokens, maxGap };
      }, manifestUrl('license-llama'));
      console.log(`worker streaming: longest main-thread gap ${r.maxGap.toFixed(1)} ms`);
      expect(r.error).toBe('AbortError');
      expect(r.chunks).toBe(6);
      expect(r.next).toBeGreaterThan(0);
    } finally {
      await ctx.close();
    }
  });

  it('a second page load with the network blocked loads the model from Cache Storage', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-chromium-'));
    const m = MODELS[0]!;
    let ctx = await launch({ webgpu: true, userDataDir: dir });
    const first = await greedy(await openPage(ctx, srv), manifestUrl(m.manifest), m.prompt, 'auto');
    await ctx.close();
    expect(first.fromCache).toBe(false);
    srv.blocked.add('/models/');
    try {
      ctx = await launch({ webgpu: true, userDataDir: dir });
      const before = srv.hits.blocked;
      const second = await greedy(await openPage(ctx, srv), manifestUrl(m.manifest), m.prompt, 'auto');
      await ctx.close();
      expect(srv.hits.blocked).toBeGreaterThan(before); // the manifest fetch was tried and refused
      expect(second.fromCache).toBe(true);
      expect(second.ids).toEqual(first.ids);
    } finally {
      srv.blocked.delete('/models/');
    }
  });

  it('a corrupt model file is a typed error and the worker keeps serving', async () => {
    const ctx = await launch({ webgpu: true });
    try {
      const page = await openPage(ctx, srv);
      const r = await page.evaluate(async (url) => {
        const t = (window as any).tandem;
        const abs = new URL(url, location.href).href;
        const m = await (await fetch(abs)).json();
        // Files that pass their checksums but are not what they claim: a tokenizer as weights.
        const bad = { ...m, baseUrl: abs, files: { ...m.files, weights: [m.files.tokenizer] } };
        const worker = new Worker('/web/packages/tandem/dist/worker.js', { type: 'module' });
        let err: any = null;
        try {
          await t.createWorkerEngine(worker, { model: bad });
        } catch (e: any) {
          err = { name: e.name, kind: e.kind, message: e.message };
        }
        // The same worker then loads the real model.
        const e = await t.createWorkerEngine(worker, { model: abs, backend: 'cpu' });
        const c = await e.chat.completions.create({ messages: [{ role: 'user', content: 'hi' }], max_tokens: 3, temperature: 0 });
        await e.unload();
        worker.terminate();
        return { err, ok: c.usage.completion_tokens > 0 };
      }, manifestUrl('llama-tiny'));
      expect(r.err).toMatchObject({ name: 'TandemError', kind: 'invalid_model' });
      expect(r.err.message).toMatch(/safetensors/);
      expect(r.ok).toBe(true);
    } finally {
      await ctx.close();
    }
  });

  it('a wrong sha256 is rejected with a clear error and nothing is cached', async () => {
    const ctx = await launch({ webgpu: true });
    try {
      const page = await openPage(ctx, srv);
      const r = await page.evaluate(async (url) => {
        const t = (window as any).tandem;
        const abs = new URL(url, location.href).href;
        const m = await (await fetch(abs)).json();
        m.files.weights[0].sha256 = '0'.repeat(64);
        m.baseUrl = abs;
        let err: any = null;
        try {
          await t.createEngine({ model: m });
        } catch (e: any) {
          err = { name: e.name, kind: e.kind, message: e.message };
        }
        const keys = (await (await caches.open(t.CACHE_NAME)).keys()).map((k: Request) => k.url);
        return { err, keys, cached: await t.isModelCached(m) };
      }, manifestUrl('llama-tiny'));
      expect(r.err).toMatchObject({ name: 'TandemError', kind: 'integrity' });
      expect(r.err.message).toMatch(/sha256 is [0-9a-f]{64}, the manifest declares 0{64}/);
      expect(r.keys).toEqual([]);
      expect(r.cached).toBe(false);
    } finally {
      await ctx.close();
    }
  });
});

// The wasm Engine's KV cache, scoring and logprobs, on both backends in one WebGPU-enabled
// Chromium: (a) rewind(k) then a prompt that extends the kept tokens continues a greedy run
// token for token, reusing k tokens; (b) score() on WebGPU equals the CPU backend's within 1e-3
// and the generation's own logprobs; (c) chat.completions.create's OpenAI logprobs: greedy's
// token is the first of its top_logprobs, JSON and streamed.
describe('wasm Engine: rewind, score, logprobs', () => {
  const TOL = 1e-3;
  const N = 8;
  const model = MODELS[0]!; // license-llama: a trained model, few near-ties
  const messages = [{ role: 'user', content: model.prompt }];
  let ctx: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    ctx = await launch({ webgpu: true });
    page = await openPage(ctx, srv);
    const support = await page.evaluate(() => (window as any).tandem.checkSupport());
    if (!support.webgpu) throw new Error(`no WebGPU adapter in Chromium: ${support.webgpuReason}`);
    // `rawEngine(model, backend)`: the wasm Engine itself, over the package's loader.
    await page.evaluate(async () => {
      const w = window as any;
      const url = '/web/packages/tandem/wasm/tandem_wasm.js';
      // Through `Function`: vitest rewrites an `import()` written here for its own runner.
      const wasm = await new Function('u', 'return import(u)')(url);
      await wasm.default();
      w.rawEngine = async (model: string, backend: string) => {
        const { files } = await w.tandem.loadModelFiles(model, {});
        return wasm.Engine.load(files, { backend });
      };
      // A greedy run of the generation begun: every step's id, then end().
      w.runToEnd = async (e: any) => {
        const ids: number[] = [];
        for (;;) {
          const s = await e.step();
          ids.push(s.id);
          if (s.finishReason) break;
        }
        return { ids, generation: e.end() };
      };
    });
  });
  afterAll(async () => ctx?.close());

  it.each(['cpu', 'webgpu'])('%s: rewind(k), then prompt + the first ids continues the uninterrupted greedy run', async (backend) => {
    const J = 5; // generated ids in the second prompt
    const KEEP = 3; // generated ids kept by rewind
    const r = await page.evaluate(
      async ({ manifest, messages, backend, n, j, keep }) => {
        const w = window as any;
        const kindOf = (f: () => unknown) => {
          try {
            f();
            return null;
          } catch (err: any) {
            return err.kind ?? String(err);
          }
        };
        const e = await w.rawEngine(manifest, backend);
        try {
          const greedy = { temperature: 0, ignore_eos: true };
          const prompt: number[] = Array.from(e.promptIds(messages) as Uint32Array);
          const reusedFirst = e.begin(Uint32Array.from(prompt), { ...greedy, max_tokens: n });
          const first = await w.runToEnd(e);
          const cachedAfter = e.info().cachedTokens;
          const tooFar = kindOf(() => e.rewind(cachedAfter + 1));
          const k = prompt.length + keep;
          e.rewind(k);
          const cachedRewound = e.info().cachedTokens;
          const second = [...prompt, ...first.ids.slice(0, j)];
          const reused = e.begin(Uint32Array.from(second), { ...greedy, max_tokens: n - j });
          const rest = await w.runToEnd(e);
          // No rewinding under a generation in progress.
          e.begin(Uint32Array.from(second), { ...greedy, max_tokens: 2 });
          const busy = kindOf(() => e.rewind(0));
          e.end('cancelled');
          return { backend: e.info().backend, promptLen: prompt.length, reusedFirst, first, cachedAfter, tooFar, k, cachedRewound, reused, rest, busy };
        } finally {
          e.free();
        }
      },
      { manifest: manifestUrl(model.manifest), messages, backend, n: N, j: J, keep: KEEP },
    );
    expect(r.backend).toBe(backend);
    expect(r.reusedFirst).toBe(0);
    expect(r.first.ids).toHaveLength(N);
    expect(r.first.generation).toMatchObject({ ids: r.first.ids, finishReason: 'length', promptTokens: r.promptLen, cachedTokens: 0 });
    // The cache holds the prompt and the generated ids (the last one perhaps not yet fed).
    expect(r.cachedAfter).toBeGreaterThanOrEqual(r.promptLen + N - 1);
    expect(r.cachedAfter).toBeLessThanOrEqual(r.promptLen + N);
    expect(r.tooFar).toBe('invalid_request');
    expect(r.cachedRewound).toBe(r.k);
    expect(r.reused).toBe(r.k);
    expect(r.rest.generation).toMatchObject({ promptTokens: r.promptLen + J, cachedTokens: r.k });
    expect(r.rest.ids).toEqual(r.first.ids.slice(J));
    expect(r.busy).toBe('busy');
  });

  interface Top {
    id: number;
    logprob: number;
  }
  /** Same top-k lists up to TOL, where ids may differ only between (near-)tied candidates. */
  function expectSameTop(cpu: Top[], gpu: Top[], where: string) {
    expect(gpu.length, where).toBe(cpu.length);
    cpu.forEach((c, rank) => {
      const g = gpu[rank]!;
      expect(Math.abs(c.logprob - g.logprob), `${where} rank ${rank} logprob`).toBeLessThan(TOL);
      if (c.id !== g.id) {
        const same = cpu.find((x) => x.id === g.id);
        const tie = same ? Math.abs(same.logprob - c.logprob) < TOL : rank === cpu.length - 1;
        expect(tie, `${where} rank ${rank}: id ${g.id} on WebGPU, ${c.id} on the CPU, not a tie`).toBe(true);
      }
    });
  }

  it('score(ids, 1, 5): WebGPU = the CPU backend within 1e-3, both = their own generation', async () => {
    const r = await page.evaluate(
      async ({ manifest, messages, n }) => {
        const w = window as any;
        const out: Record<string, any> = {};
        let ids: number[] = [];
        let promptLen = 0;
        for (const backend of ['cpu', 'webgpu']) {
          const e = await w.rawEngine(manifest, backend);
          try {
            const prompt: number[] = Array.from(e.promptIds(messages) as Uint32Array);
            e.begin(Uint32Array.from(prompt), { temperature: 0, ignore_eos: true, max_tokens: n });
            const { generation } = await w.runToEnd(e);
            // Both backends score the same ids: the CPU's prompt and greedy tokens.
            if (backend === 'cpu') {
              promptLen = prompt.length;
              ids = [...prompt, ...generation.ids];
            }
            const score = await e.score(Uint32Array.from(ids), 1, 5);
            // Again, for the last id only: the cache holds all of ids now.
            const tail = await e.score(Uint32Array.from(ids), ids.length - 1, 5);
            out[backend] = { backend: e.info().backend, generation, score, tail };
          } finally {
            e.free();
          }
        }
        return { ids, promptLen, cpu: out.cpu, webgpu: out.webgpu };
      },
      { manifest: manifestUrl(model.manifest), messages, n: N },
    );
    const { ids, promptLen, cpu, webgpu } = r;
    expect(cpu.backend).toBe('cpu');
    expect(webgpu.backend).toBe('webgpu');
    for (const [name, s] of [['cpu', cpu], ['webgpu', webgpu]] as const) {
      expect(s.score.tokens.map((t: { id: number }) => t.id), name).toEqual(ids.slice(1));
      // Logits are needed from position `from - 1`: nothing before it can be reused.
      expect(s.score.cachedTokens, name).toBe(0);
      expect(s.tail.cachedTokens, name).toBeGreaterThan(0);
      expect(s.tail.cachedTokens, name).toBeLessThanOrEqual(ids.length - 2);
      expect(s.tail.tokens).toHaveLength(1);
      expect(Math.abs(s.tail.tokens[0].logprob - s.score.tokens.at(-1).logprob), `${name} tail`).toBeLessThan(TOL);
      expectSameTop(s.score.next.topLogprobs, s.tail.next.topLogprobs, `${name} tail next`);
      for (const t of s.score.tokens) {
        expect(t.topLogprobs, name).toHaveLength(5);
        // Nothing outside the top 5 is likelier than the 5th.
        expect(t.logprob <= t.topLogprobs[0].logprob + TOL, name).toBe(true);
      }
    }
    // CPU-generated greedy ids: each is the CPU's most likely token, with the step's logprob.
    cpu.generation.ids.forEach((id: number, i: number) => {
      const t = cpu.score.tokens[promptLen - 1 + i];
      expect(t.id).toBe(id);
      expect(Math.abs(t.logprob - cpu.generation.logprobs[i]), `cpu step ${i} logprob`).toBeLessThan(TOL);
      expect(Math.abs(t.entropy - cpu.generation.entropies[i]), `cpu step ${i} entropy`).toBeLessThan(TOL);
      expect(Math.abs(t.logprob - t.topLogprobs[0].logprob), `cpu step ${i} is greedy`).toBeLessThan(TOL);
    });
    // WebGPU's own greedy run gives the same ids (the existing tests check it against the CLI).
    expect(webgpu.generation.ids).toEqual(cpu.generation.ids);
    webgpu.generation.logprobs.forEach((lp: number, i: number) => {
      expect(Math.abs(lp - webgpu.score.tokens[promptLen - 1 + i].logprob), `webgpu step ${i} logprob`).toBeLessThan(TOL);
    });
    // WebGPU scores = CPU scores.
    cpu.score.tokens.forEach((c: any, i: number) => {
      const g = webgpu.score.tokens[i];
      expect(Math.abs(c.logprob - g.logprob), `position ${i + 1} logprob`).toBeLessThan(TOL);
      expect(Math.abs(c.entropy - g.entropy), `position ${i + 1} entropy`).toBeLessThan(TOL);
      expectSameTop(c.topLogprobs, g.topLogprobs, `position ${i + 1}`);
    });
    expect(Math.abs(cpu.score.next.entropy - webgpu.score.next.entropy)).toBeLessThan(TOL);
    expectSameTop(cpu.score.next.topLogprobs, webgpu.score.next.topLogprobs, 'next');
  });

  it('promptFeatures: the prompt\'s pooled hidden states, WebGPU = the CPU backend within 1e-3', async () => {
    const r = await page.evaluate(
      async ({ manifest, messages }) => {
        const w = window as any;
        const out: Record<string, any> = {};
        for (const backend of ['cpu', 'webgpu']) {
          const e = await w.rawEngine(manifest, backend);
          try {
            const prompt = e.promptIds(messages) as Uint32Array;
            e.begin(prompt, { temperature: 0, max_tokens: 1 });
            await w.runToEnd(e);
            out[backend] = { features: await e.promptFeatures(), hidden: e.info().hiddenSize, promptLen: prompt.length };
          } finally {
            e.free();
          }
        }
        return out;
      },
      { manifest: manifestUrl(model.manifest), messages },
    );
    for (const b of ['cpu', 'webgpu']) {
      expect(r[b].features.mean, b).toHaveLength(r[b].hidden);
      expect(r[b].features.last, b).toHaveLength(r[b].hidden);
      expect(r[b].features.tokens, b).toBe(r[b].promptLen);
    }
    for (const k of ['mean', 'last'] as const) {
      const diff = Math.max(...r.cpu.features[k].map((x: number, i: number) => Math.abs(x - r.webgpu.features[k][i])));
      expect(diff, k).toBeLessThan(TOL);
    }
  });

  it.each(['cpu', 'webgpu'])('%s: chat.completions.create with logprobs: greedy\'s token is the first of its top_logprobs (JSON and stream)', async (backend) => {
    const r = await page.evaluate(
      async ({ manifest, messages, backend }) => {
        const t = (window as any).tandem;
        const e = await t.createEngine({ model: manifest, backend });
        try {
          const req = { messages, max_tokens: 12, temperature: 0, logprobs: true, top_logprobs: 3 };
          const json = await e.chat.completions.create(req);
          const chunks: any[] = [];
          for await (const c of await e.chat.completions.create({ ...req, stream: true, stream_options: { include_usage: true } })) chunks.push(c);
          const plain = await e.chat.completions.create({ messages, max_tokens: 12, temperature: 0 });
          return { json, chunks, plain };
        } finally {
          await e.unload();
        }
      },
      { manifest: manifestUrl(model.manifest), messages, backend },
    );
    const { json, chunks, plain } = r;
    expect(json.tandem.backend).toBe(backend);
    const content = json.choices[0].logprobs.content;
    expect(json.choices[0].logprobs.refusal).toBeNull();
    expect(content).toHaveLength(json.usage.completion_tokens);
    expect(content.length).toBeGreaterThan(0);
    expect(json.usage.prompt_tokens_details.cached_tokens).toBeGreaterThanOrEqual(0);
    const checkEntries = (entries: any[], where: string) =>
      entries.forEach((x, i) => {
        expect(x.top_logprobs, `${where} ${i}`).toHaveLength(3);
        const [best] = x.top_logprobs;
        // Greedy's pick heads the list (a tie may put an equal candidate first).
        if (best.token !== x.token) {
          expect(x.top_logprobs.some((y: any) => y.token === x.token), `${where} ${i}`).toBe(true);
        } else {
          expect(best.bytes, `${where} ${i}`).toEqual(x.bytes);
        }
        expect(Math.abs(best.logprob - x.logprob), `${where} ${i} logprob`).toBeLessThan(1e-5);
        const lps = x.top_logprobs.map((y: any) => y.logprob);
        expect(lps, `${where} ${i} sorted`).toEqual([...lps].sort((a, b) => b - a));
        expect(x.bytes.length > 0 || x.token === '', `${where} ${i} bytes`).toBe(true);
      });
    checkEntries(content, 'json');
    // The tandem extension has the same logprobs.
    expect(content.map((x: any) => x.logprob)).toEqual(json.tandem.tokens.map((x: any) => x.logprob));

    // Streamed: each token chunk carries its one entry; the rest carry none.
    const streamed: any[] = [];
    for (const c of chunks) {
      if (c.choices.length === 0) continue; // usage
      const n = c.tandem?.tokens?.length ?? 0;
      const lp = c.choices[0].logprobs;
      if (n === 0) expect(lp).toBeNull();
      else {
        expect(lp.content).toHaveLength(1);
        expect(lp.content[0].logprob).toBe(c.tandem.tokens[0].logprob);
        streamed.push(lp.content[0]);
      }
    }
    checkEntries(streamed, 'stream');
    expect(streamed.map((x) => x.token)).toEqual(content.map((x: any) => x.token));
    streamed.forEach((x, i) => expect(Math.abs(x.logprob - content[i].logprob), `stream ${i}`).toBeLessThan(TOL));
    const usage = chunks.at(-1).usage;
    expect(usage.completion_tokens).toBe(streamed.length);
    expect(typeof usage.prompt_tokens_details.cached_tokens).toBe('number');

    // Without `logprobs`, OpenAI's field is null; the text is the same.
    expect(plain.choices[0].logprobs).toBeNull();
    expect(plain.choices[0].message.content).toBe(json.choices[0].message.content);
  });
});
