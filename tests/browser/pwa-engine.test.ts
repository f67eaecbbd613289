// What a PWA needs from the package, in Debian Chromium (playwright-core) on the real wasm engine,
// CPU backend (the GPU is not the point here): (a) two tabs with `shared: true` share one engine
// in the package's SharedWorker (the second load fetches nothing and answers at once; the same
// greedy tokens as the native CLI), and a tab that closes leaves the other serving; (b) model
// files land in OPFS, and a second load with /models blocked comes from there; (c) a storage
// quota too small for the model: the model still loads and answers, the failure is a `storage`
// error in info(), nothing is half-kept; (d) a worker killed mid-stream fails that stream with
// kind `worker`, and the next request restarts it and reloads from OPFS with /models blocked —
// for a dedicated worker and for the SharedWorker seen from two tabs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cliIds, launch, manifestUrl, MODELS, openPage, serve, type Server } from './harness.js';

const M = MODELS[0]!; // license-llama: small, trained
const MODEL = manifestUrl(M.manifest);
const N = 12;

let srv: Server;
let expected: number[];
beforeAll(async () => {
  srv = await serve();
  expected = cliIds(M, 'cpu', N);
});
afterAll(async () => {
  await srv?.close();
});

interface Opts {
  model: string;
  prompt: string;
  n: number;
  shared?: boolean;
}

/** In the page: `window.engine` = createEngine(…) unless there already is one; then one greedy
 * completion. Returns its ids, the engine's info and the load's time. */
async function greedy(page: Page, o: Opts) {
  return page.evaluate(async ({ model, prompt, n, shared }) => {
    const w = window as any;
    const t0 = performance.now();
    w.restarts ??= [];
    w.engine ??= await w.tandem.createEngine({ model, backend: 'cpu', shared, onWorkerRestart: (r: string) => w.restarts.push(r) });
    const loadMs = performance.now() - t0;
    const c = await w.engine.chat.completions.create({ messages: [{ role: 'user', content: prompt }], max_tokens: n, temperature: 0 });
    return { ids: c.tandem.tokens.map((x: { id: number }) => x.id) as number[], info: await w.engine.info(), loadMs, restarts: w.restarts as string[] };
  }, o);
}

/** Requests to /models since `from` (an index into srv.hits.served). */
const modelHits = (from: number) => srv.hits.served.slice(from).filter((p) => p.startsWith('/models/'));

async function withBlockedModels<T>(f: () => Promise<T>): Promise<T> {
  srv.blocked.add('/models/');
  try {
    return await f();
  } finally {
    srv.blocked.delete('/models/');
  }
}

/** Starts a long stream in `page` and, at its third chunk, has `crasher` (default: the same
 * page) kill the worker — from inside the loop, through a BroadcastChannel for another tab, so
 * the tiny model cannot finish first. Returns how the stream ended. */
async function crashMidStream(page: Page, crasher: Page = page) {
  await crasher.evaluate(() => {
    const w = window as any;
    w.crashed = false;
    new BroadcastChannel('tandem-test-crash').onmessage = async () => {
      await w.engine.simulateWorkerCrash();
      w.crashed = true;
    };
  });
  const r = await page.evaluate(async ({ prompt, here }) => {
    const w = window as any;
    const s = await w.engine.chat.completions.create({ messages: [{ role: 'user', content: prompt }], max_tokens: 400, temperature: 0.8, seed: 1, ignore_eos: true, stream: true });
    let n = 0;
    try {
      for await (const _ of s) {
        if (++n !== 3) continue;
        if (here) void w.engine.simulateWorkerCrash().then(() => (w.crashed = true));
        else new BroadcastChannel('tandem-test-crash').postMessage('crash');
      }
      return { chunks: n, error: null };
    } catch (e: any) {
      return { chunks: n, error: { name: e.name, kind: e.kind, message: e.message } };
    }
  }, { prompt: M.prompt, here: crasher === page });
  await crasher.waitForFunction(() => (window as any).crashed === true);
  return r;
}

describe('PWA engine', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch({ webgpu: false });
  });
  afterAll(async () => ctx?.close());

  it('(a) two tabs share one engine in the SharedWorker; a closed tab leaves the other serving', async () => {
    const one = await openPage(ctx, srv);
    const two = await openPage(ctx, srv);
    const first = await greedy(one, { model: MODEL, prompt: M.prompt, n: N, shared: true });
    expect(first.info).toMatchObject({ shared: true, clients: 1, backend: 'cpu' });
    expect(first.ids).toEqual(expected);
    const mark = srv.hits.served.length;
    const second = await greedy(two, { model: MODEL, prompt: M.prompt, n: N, shared: true });
    expect(modelHits(mark)).toEqual([]); // not even the manifest: the loaded model was reused
    expect(second.info).toMatchObject({ shared: true, clients: 2, loadMs: first.info.loadMs });
    expect(second.ids).toEqual(expected);
    console.log(`shared engine: first load ${first.loadMs.toFixed(0)} ms, second tab ${second.loadMs.toFixed(0)} ms`);
    // Both tabs at once: served one after the other on the one core, each its own tokens.
    const both = await Promise.all([greedy(one, { model: MODEL, prompt: M.prompt, n: N }), greedy(two, { model: MODEL, prompt: M.prompt, n: N })]);
    expect(both.map((r) => r.ids)).toEqual([expected, expected]);
    await one.close();
    await two.waitForFunction(async () => (await (window as any).engine.info()).clients === 1, undefined, { timeout: 10_000, polling: 100 });
    expect((await greedy(two, { model: MODEL, prompt: M.prompt, n: N })).ids).toEqual(expected);
    await two.evaluate(() => (window as any).engine.unload());
    await two.close();
  });

  it('(b) model files land in OPFS; a second load with /models blocked comes from there', async () => {
    const page = await openPage(ctx, srv);
    await page.evaluate(async (model) => (window as any).tandem.deleteCachedModel(model), MODEL);
    const first = await greedy(page, { model: MODEL, prompt: M.prompt, n: N });
    expect(first.info).toMatchObject({ store: 'opfs', fromCache: false, storageError: null, shared: false });
    const kept = await page.evaluate(async (model) => {
      const t = (window as any).tandem;
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle(t.CACHE_NAME);
      let folders = 0;
      for await (const _ of (dir as any).keys()) folders++;
      const inCacheStorage = (await (await caches.open(t.CACHE_NAME)).keys()).length;
      await (window as any).engine.unload();
      (window as any).engine = undefined;
      return { folders, inCacheStorage, state: await t.getModelCacheState(model) };
    }, MODEL);
    expect(kept.state).toMatchObject({ cached: true, store: 'opfs' });
    expect(kept.folders).toBe(kept.state.files + 1); // every file and the manifest
    expect(kept.inCacheStorage).toBe(0);
    const second = await withBlockedModels(async () => {
      const before = srv.hits.blocked;
      const r = await greedy(page, { model: MODEL, prompt: M.prompt, n: N });
      expect(srv.hits.blocked).toBeGreaterThan(before); // the manifest fetch was tried and refused
      return r;
    });
    expect(second.info).toMatchObject({ store: 'opfs', fromCache: true });
    expect(second.ids).toEqual(expected);
    await page.evaluate(() => (window as any).engine.unload());
    await page.close();
  });

  it('(d) a killed worker fails its stream with kind worker; the next request restarts it from OPFS with /models blocked', async () => {
    const page = await openPage(ctx, srv);
    await greedy(page, { model: MODEL, prompt: M.prompt, n: N }); // loaded and kept (OPFS)
    const s = await crashMidStream(page);
    expect(s.error).toMatchObject({ name: 'TandemError', kind: 'worker' });
    const after = await withBlockedModels(() => greedy(page, { model: MODEL, prompt: M.prompt, n: N }));
    expect(after.ids).toEqual(expected);
    expect(after.info).toMatchObject({ restarts: 1, fromCache: true, store: 'opfs' });
    expect(after.restarts).toEqual([expect.stringMatching(/simulateWorkerCrash/)]);
    await page.evaluate(() => (window as any).engine.unload());
    await page.close();
  });

  it('(d, shared) a crashed SharedWorker: both tabs notice, and their next requests share one new worker loaded from OPFS', async () => {
    const one = await openPage(ctx, srv);
    const two = await openPage(ctx, srv);
    await greedy(one, { model: MODEL, prompt: M.prompt, n: N, shared: true });
    await greedy(two, { model: MODEL, prompt: M.prompt, n: N, shared: true });
    const s = await crashMidStream(two, one); // tab one crashes it while tab two streams
    expect(s.error).toMatchObject({ name: 'TandemError', kind: 'worker', message: 'the shared engine worker stopped' });
    const [a, b] = await withBlockedModels(() =>
      Promise.all([greedy(one, { model: MODEL, prompt: M.prompt, n: N }), greedy(two, { model: MODEL, prompt: M.prompt, n: N })]),
    );
    expect([a.ids, b.ids]).toEqual([expected, expected]);
    expect(a.info).toMatchObject({ restarts: 1, shared: true, clients: 2, fromCache: true });
    expect(b.info).toMatchObject({ restarts: 1, shared: true, clients: 2 });
    for (const p of [one, two]) await p.evaluate(() => (window as any).engine.unload());
    await one.close();
    await two.close();
  });
});

describe('PWA engine: storage quota', () => {
  it('(c) a quota too small for the model: it loads and answers all the same; info says storage, nothing is half-kept', async () => {
    const ctx = await launch({ webgpu: false });
    try {
      const page = await openPage(ctx, srv);
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Storage.overrideQuotaForOrigin', { origin: srv.url, quotaSize: 1024 });
      const r = await greedy(page, { model: MODEL, prompt: M.prompt, n: N });
      expect(r.ids).toEqual(expected);
      expect(r.info.store).toBe('opfs');
      expect(r.info.storageError).toMatchObject({ kind: 'storage', message: expect.stringMatching(/storage quota for this site is exhausted \(QuotaExceededError\)/) });
      const state = await page.evaluate(async (model) => (window as any).tandem.getModelCacheState(model), MODEL);
      expect(state).toMatchObject({ cached: false, cachedFiles: 0 });
      await page.evaluate(() => (window as any).engine.unload());
    } finally {
      await ctx.close();
    }
  });
});
