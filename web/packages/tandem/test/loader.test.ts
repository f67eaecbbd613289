import { describe, expect, it } from 'vitest';
import { ModelCache } from '../src/cache.js';
import { TandemError } from '../src/errors.js';
import { deleteCachedModel, isModelCached, loadModelFiles, type LoadProgress } from '../src/loader.js';
import { FakeNet, MemoryCaches, sha } from './fakes.js';

const BASE = 'http://127.0.0.1:9/models/m/';
const config = '{"model_type":"llama"}';
const weights = new Uint8Array(Array.from({ length: 100 }, (_, i) => i));

function setup(opts: { badSha?: boolean } = {}) {
  const net = new FakeNet();
  const caches = new MemoryCaches();
  const cache = new ModelCache(caches);
  const manifest = {
    id: 'm',
    format: 'safetensors',
    files: {
      config: { url: 'config.json', sha256: sha(config), size: config.length },
      weights: [{ url: 'model.safetensors', sha256: opts.badSha ? sha('other') : sha(weights), size: weights.length }],
    },
  };
  net.add(BASE + 'manifest.json', JSON.stringify(manifest));
  net.add(BASE + 'config.json', config);
  net.add(BASE + 'model.safetensors', weights);
  return { net, caches, cache, url: BASE + 'manifest.json' };
}

describe('loadModelFiles', () => {
  it('downloads with progress, then serves from Cache Storage with the network off', async () => {
    const { net, caches, cache, url } = setup();
    const progress: LoadProgress[] = [];
    const first = await loadModelFiles(url, { cache, fetchFn: net.fetch, onProgress: (p) => progress.push(p) });
    expect(first.fromCache).toBe(false);
    expect(first.files.config).toBe(config);
    expect(first.files.weights[0]!.bytes).toEqual(weights);
    expect(first.files.weights[0]!.name).toBe('model.safetensors');
    const downloads = progress.filter((p) => p.stage === 'download').map((p) => p.loadedBytes);
    expect(downloads.length).toBeGreaterThan(10);
    expect(downloads).toEqual([...downloads].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ stage: 'init', loadedBytes: 122, totalBytes: 122 });
    expect(caches.keys().sort()).toEqual([BASE + 'config.json', url, BASE + 'model.safetensors'].sort());

    net.offline = true;
    net.requests = [];
    const second = await loadModelFiles(url, { cache, fetchFn: net.fetch });
    expect(second.fromCache).toBe(true);
    expect(second.files.weights[0]!.bytes).toEqual(weights);
    expect(net.requests).toEqual([url]); // only the manifest was tried
    expect(await isModelCached(url, new ModelCache(caches))).toBe(true);
  });

  it('rejects a wrong sha256 with an integrity error and caches nothing', async () => {
    const { net, caches, cache, url } = setup({ badSha: true });
    const err = await loadModelFiles(url, { cache, fetchFn: net.fetch }).catch((e) => e);
    expect(err).toBeInstanceOf(TandemError);
    expect(err.kind).toBe('integrity');
    expect(err.message).toMatch(/sha256/);
    // Nothing is kept: no model file, and not the manifest (it is stored only with its files).
    expect(caches.keys()).toEqual([]);
  });

  it('stops a download that is longer than declared', async () => {
    const { net, cache, url } = setup();
    net.add(BASE + 'model.safetensors', new Uint8Array(500));
    const err = await loadModelFiles(url, { cache, fetchFn: net.fetch }).catch((e) => e);
    expect(err.kind).toBe('integrity');
    expect(err.message).toMatch(/more than the 100 bytes/);
  });

  it('a new manifest whose files fail to download is not kept: offline, the older whole model still loads', async () => {
    const { net, cache, url } = setup();
    await loadModelFiles(url, { cache, fetchFn: net.fetch });
    // The model is updated on the server, and its new weights cannot be downloaded.
    const weights2 = new Uint8Array(100).fill(7);
    const manifest2 = {
      id: 'm',
      format: 'safetensors',
      files: {
        config: { url: 'config.json', sha256: sha(config), size: config.length },
        weights: [{ url: 'model-v2.safetensors', sha256: sha(weights2), size: weights2.length }],
      },
    };
    net.add(url, JSON.stringify(manifest2));
    await expect(loadModelFiles(url, { cache, fetchFn: net.fetch })).rejects.toMatchObject({ kind: 'network' });
    net.offline = true;
    const offline = await loadModelFiles(url, { cache, fetchFn: net.fetch });
    expect(offline.fromCache).toBe(true);
    expect(offline.files.weights[0]!.bytes).toEqual(weights);
  });

  it('is a network error offline with nothing cached, and an HTTP error names the status', async () => {
    const { net, cache, url } = setup();
    net.offline = true;
    expect((await loadModelFiles(url, { cache, fetchFn: net.fetch }).catch((e) => e)).kind).toBe('network');
    net.offline = false;
    net.files.delete(BASE + 'config.json');
    const err = await loadModelFiles(url, { cache, fetchFn: net.fetch }).catch((e) => e);
    expect(err.kind).toBe('network');
    expect(err.message).toMatch(/404/);
  });

  it('refetches a cached file whose manifest sha256 changed', async () => {
    const { net, cache, url } = setup();
    await loadModelFiles(url, { cache, fetchFn: net.fetch });
    const w2 = new Uint8Array([9, 9, 9]);
    net.add(BASE + 'model.safetensors', w2);
    const m = JSON.parse(new TextDecoder().decode(net.files.get(url)));
    m.files.weights[0] = { url: 'model.safetensors', sha256: sha(w2), size: 3 };
    net.add(url, JSON.stringify(m));
    const r = await loadModelFiles(url, { cache, fetchFn: net.fetch });
    expect(r.fromCache).toBe(false);
    expect(r.files.weights[0]!.bytes).toEqual(w2);
  });

  it('deleteCachedModel removes the files and the manifest', async () => {
    const { net, caches, cache, url } = setup();
    await loadModelFiles(url, { cache, fetchFn: net.fetch });
    const orig = globalThis.fetch;
    globalThis.fetch = net.fetch as typeof fetch;
    try {
      expect(await deleteCachedModel(url, new ModelCache(caches))).toBe(3);
    } finally {
      globalThis.fetch = orig;
    }
    expect(caches.keys()).toEqual([]);
  });

  it('works without Cache Storage (always downloads)', async () => {
    const { net, url } = setup();
    const r = await loadModelFiles(url, { cache: new ModelCache(undefined), fetchFn: net.fetch });
    expect(r.fromCache).toBe(false);
    expect(r.files.config).toBe(config);
  });
});
