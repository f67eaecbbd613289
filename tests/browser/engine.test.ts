// The npm package in Debian Chromium (playwright-core), pages served from 127.0.0.1:
// (1) WebGPU on SwiftShader and (2) the CPU path with WebGPU off give the native CLI's greedy
// tokens on every committed model; (3) the worker engine streams and `signal` aborts;
// (4) a second load with the network blocked comes from Cache Storage; (5) a wrong sha256 is
// rejected and nothing is cached; (6) a device lost mid-generation finishes on the CPU with the
// same tokens. Fails (never skips) without a WebGPU adapter.
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
