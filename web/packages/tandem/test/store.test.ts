// The model store: OPFS first (an in-memory directory here), Cache Storage otherwise, behind
// ModelCache; the loader, isModelCached, getModelCacheState and deleteCachedModel over it; the
// storage quota, from either store, as a `storage` error that loses nothing.
import { describe, expect, it } from 'vitest';
import { CACHE_NAME, ModelCache } from '../src/cache.js';
import { deleteCachedModel, getModelCacheState, isModelCached, loadModelFiles } from '../src/loader.js';
import { FakeNet, MemoryCaches, MemoryDirectory, sha } from './fakes.js';

const BASE = 'http://127.0.0.1:9/models/m/';
const URL_ = BASE + 'manifest.json';
const config = '{"model_type":"llama"}';
const weights = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 256));

function setup() {
  const net = new FakeNet();
  const root = new MemoryDirectory();
  const caches = new MemoryCaches();
  const manifest = {
    id: 'm',
    format: 'safetensors',
    files: {
      config: { url: 'config.json', sha256: sha(config), size: config.length },
      weights: [{ url: 'model.safetensors', sha256: sha(weights), size: weights.length }],
    },
  };
  net.add(URL_, JSON.stringify(manifest));
  net.add(BASE + 'config.json', config);
  net.add(BASE + 'model.safetensors', weights);
  const cache = () => new ModelCache({ opfs: async () => root, caches });
  return { net, root, caches, cache, manifest };
}

/** The files kept in OPFS under the package's directory, by their tag (folder names are URL hashes). */
function opfsTags(root: MemoryDirectory): string[] {
  return [...root.files().keys()].filter((k) => k.startsWith(CACHE_NAME + '/')).map((k) => k.split('/')[2]!).sort();
}

describe('the model store', () => {
  it('keeps files in OPFS, and a second load offline (manifest included) comes from there', async () => {
    const { net, root, caches, cache } = setup();
    const first = await loadModelFiles(URL_, { cache: cache(), fetchFn: net.fetch });
    expect(first).toMatchObject({ fromCache: false, store: 'opfs' });
    expect(first.storageError).toBeUndefined();
    expect(opfsTags(root)).toEqual(['manifest', sha(config), sha(weights)].sort());
    expect(caches.keys()).toEqual([]); // nothing went to Cache Storage

    net.offline = true;
    net.requests = [];
    const second = await loadModelFiles(URL_, { cache: cache(), fetchFn: net.fetch });
    expect(second).toMatchObject({ fromCache: true, store: 'opfs' });
    expect(second.files.weights[0]!.bytes).toEqual(weights);
    expect(net.requests).toEqual([URL_]); // only the manifest was tried
    expect(await isModelCached(URL_, cache())).toBe(true);
    const orig = globalThis.fetch;
    globalThis.fetch = net.fetch as typeof fetch; // offline: the kept manifest
    try {
      expect(await getModelCacheState(URL_, cache())).toEqual({
        cached: true, store: 'opfs', files: 2, cachedFiles: 2, totalBytes: 1022, cachedBytes: 1022,
      });
      expect(await deleteCachedModel(URL_, cache())).toBe(3);
    } finally {
      globalThis.fetch = orig;
    }
    expect(root.files().size).toBe(0);
  });

  it('the quota (OPFS): the model still loads from the downloaded bytes, the error is kind storage, nothing half-kept', async () => {
    const { net, root, cache } = setup();
    root.quota = 600; // the manifest and config.json fit, the weights do not
    const r = await loadModelFiles(URL_, { cache: cache(), fetchFn: net.fetch });
    expect(r.files.weights[0]!.bytes).toEqual(weights);
    expect(r.fromCache).toBe(false);
    expect(r.storageError).toMatchObject({ name: 'TandemError', kind: 'storage' });
    expect(r.storageError!.message).toMatch(/quota.*QuotaExceededError/);
    expect(r.storageError!.message).toContain('model.safetensors');
    // config.json was kept before the weights failed: removed again (all or nothing); the
    // manifest, kept only with its files, was never stored.
    expect(opfsTags(root)).toEqual([]);
    expect(await isModelCached(URL_, cache())).toBe(false);
    // With room again, the next load keeps everything.
    root.quota = Infinity;
    const again = await loadModelFiles(URL_, { cache: cache(), fetchFn: net.fetch });
    expect(again.storageError).toBeUndefined();
    expect(await isModelCached(URL_, cache())).toBe(true);
  });

  it('the quota (Cache Storage, where there is no OPFS) is the same storage error', async () => {
    const { net, caches } = setup();
    caches.quota = 600;
    const cache = new ModelCache({ opfs: null, caches });
    const r = await loadModelFiles(URL_, { cache, fetchFn: net.fetch });
    expect(r.store).toBe('cache');
    expect(r.storageError).toMatchObject({ kind: 'storage' });
    expect(r.storageError!.message).toMatch(/Cache Storage.*quota/);
    expect(caches.keys()).toEqual([]); // nothing half-kept, the manifest included
    expect(r.files.config).toBe(config);
  });

  it('finds what an earlier version kept in Cache Storage; deleteCachedModel clears both stores', async () => {
    const { net, root, caches, cache } = setup();
    await loadModelFiles(URL_, { cache: new ModelCache(caches), fetchFn: net.fetch }); // the first versions' store
    expect(caches.keys()).toHaveLength(3);
    net.offline = true;
    const r = await loadModelFiles(URL_, { cache: cache(), fetchFn: net.fetch });
    expect(r).toMatchObject({ fromCache: true, store: 'opfs' });
    expect(await getModelCacheState(r.manifest, cache())).toMatchObject({ cached: true, store: 'opfs', cachedFiles: 2 });
    net.offline = false;
    const orig = globalThis.fetch;
    globalThis.fetch = net.fetch as typeof fetch;
    try {
      expect(await deleteCachedModel(URL_, cache())).toBe(3);
    } finally {
      globalThis.fetch = orig;
    }
    expect(caches.keys()).toEqual([]);
    expect(root.files().size).toBe(0);
  });

  it('an OPFS that cannot be opened leaves Cache Storage; neither: store none', async () => {
    const { net, caches } = setup();
    const denied = new ModelCache({ opfs: () => Promise.reject(new DOMException('no', 'SecurityError')), caches });
    expect(await denied.kind()).toBe('cache');
    const r = await loadModelFiles(URL_, { cache: denied, fetchFn: net.fetch });
    expect(r).toMatchObject({ store: 'cache' });
    expect(caches.keys()).toHaveLength(3);
    const none = new ModelCache({ opfs: null, caches: null });
    expect(none.available).toBe(false);
    const n = await loadModelFiles(URL_, { cache: none, fetchFn: net.fetch });
    expect(n.store).toBe('none');
    expect(n.storageError).toBeUndefined();
    expect((await loadModelFiles(URL_, { cache: denied, fetchFn: net.fetch, useCache: false })).store).toBe('none');
  });

  it('checks the tag and the size: a changed file replaces its old version, an empty leftover is not a kept file', async () => {
    const { net, root, cache, manifest } = setup();
    await loadModelFiles(URL_, { cache: cache(), fetchFn: net.fetch });
    const w2 = new Uint8Array([9, 9, 9]);
    net.add(BASE + 'model.safetensors', w2);
    const m2 = { ...manifest, files: { ...manifest.files, weights: [{ url: 'model.safetensors', sha256: sha(w2), size: 3 }] } };
    net.add(URL_, JSON.stringify(m2));
    const r = await loadModelFiles(URL_, { cache: cache(), fetchFn: net.fetch });
    expect(r.fromCache).toBe(false);
    expect(opfsTags(root)).toEqual(['manifest', sha(config), sha(w2)].sort()); // the old weights went
    // A file under the right tag but of the wrong size (a write cut short) does not count.
    const c = cache();
    const folder = [...(await root.getDirectoryHandle(CACHE_NAME)).entries.values()].find(
      (d) => d instanceof MemoryDirectory && d.entries.has(sha(w2)),
    ) as MemoryDirectory;
    (await folder.getFileHandle(sha(w2))).data = new Uint8Array(0);
    expect(await isModelCached(URL_, c)).toBe(false);
    expect(await c.getFile(BASE + 'model.safetensors', sha(w2), 3)).toBeUndefined();
  });
});
