/**
 * Gets a model's files: from the model store (OPFS or Cache Storage, cache.ts) when they are
 * there with the manifest's sha256, otherwise by a streamed, checked download — and keeps them
 * only once every file checked out, so a failed or tampered download leaves nothing behind.
 * A store that refuses the files (the quota) loses nothing either: the load goes on from the
 * downloaded bytes, reports why in `storageError`, and the files it had kept are removed again.
 */
import { ModelCache, storageError, type ModelCacheState, type StoreKind } from './cache.js';
import { downloadVerified } from './download.js';
import { TandemError } from './errors.js';
import {
  allFiles,
  fetchManifest,
  fileUrl,
  parseManifest,
  totalBytes,
  type ModelFormat,
  type ModelManifest,
} from './manifest.js';

/** What the wasm engine loads (texts of the JSON files, weights as bytes). */
export interface ModelFiles {
  format: ModelFormat;
  config?: string;
  tokenizer?: string;
  tokenizerConfig?: string;
  generationConfig?: string;
  weights: { name: string; bytes: Uint8Array }[];
}

export type LoadStage = 'manifest' | 'download' | 'cache' | 'init' | 'ready';

export interface LoadProgress {
  stage: LoadStage;
  /** Bytes of model files obtained so far (downloaded or read from the cache). */
  loadedBytes: number;
  totalBytes: number;
  /** The file being fetched. */
  file?: string;
  /** Files served from the model store so far. */
  cachedFiles: number;
}

export type ModelSource = string | ModelManifest;

export interface LoadFilesOptions {
  onProgress?: (p: LoadProgress) => void;
  signal?: AbortSignal;
  /** Keep downloads in the model store (default true). */
  useCache?: boolean;
  cache?: ModelCache;
  fetchFn?: typeof fetch;
}

export interface LoadedFiles {
  manifest: ModelManifest;
  files: ModelFiles;
  /** True when every file came from the model store. */
  fromCache: boolean;
  /** Where the files are kept ('none' without `useCache`, or with no store in this context). */
  store: StoreKind;
  /** Why the downloaded files could not be kept (kind `storage`: e.g. the quota); the files
   * were loaded all the same, and the next load downloads them again. */
  storageError?: TandemError;
}

/** The manifest: from the network, else (offline) the stored copy. Only a load that keeps
 * every file of it stores it (`keepManifest`): a stored manifest always names stored files, so
 * an update whose download failed leaves the whole older model loadable offline. */
export async function resolveManifest(
  src: ModelSource,
  cache: ModelCache,
  fetchFn: typeof fetch = fetch,
): Promise<ModelManifest> {
  if (typeof src !== 'string') return parseManifest(src, src.baseUrl);
  const url = new URL(src, globalThis.location?.href).href;
  try {
    return await fetchManifest(url, fetchFn);
  } catch (e) {
    if (!(e instanceof TandemError) || e.kind !== 'network') throw e;
    const cached = await cache.getManifest(url).catch(() => undefined);
    if (cached === undefined) throw e;
    return parseManifest(cached, url);
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function text(bytes: Uint8Array, url: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new TandemError('invalid_model', `${url} is not UTF-8 text`);
  }
}

function baseName(url: string): string {
  const path = new URL(url).pathname;
  return path.slice(path.lastIndexOf('/') + 1) || url;
}

export async function loadModelFiles(src: ModelSource, opts: LoadFilesOptions = {}): Promise<LoadedFiles> {
  const cache = opts.cache ?? new ModelCache();
  const useCache = opts.useCache ?? true;
  const fetchFn = opts.fetchFn ?? fetch;
  const manifest = await resolveManifest(src, cache, fetchFn);
  const total = totalBytes(manifest);
  let done = 0;
  let cachedFiles = 0;
  const report = (stage: LoadStage, extra = 0, file?: string) =>
    opts.onProgress?.({ stage, loadedBytes: done + extra, totalBytes: total, file, cachedFiles });
  report('manifest');

  const got: { key: string; url: string; sha256: string; bytes: Uint8Array; fresh: boolean }[] = [];
  for (const { key, file } of allFiles(manifest)) {
    const url = fileUrl(manifest, file);
    let bytes = useCache ? await cache.getFile(url, file.sha256, file.size).catch(() => undefined) : undefined;
    const fresh = bytes === undefined;
    if (bytes) {
      cachedFiles++;
      report('cache', bytes.byteLength, url);
    } else {
      bytes = await downloadVerified(url, file, {
        signal: opts.signal,
        fetchFn,
        onBytes: (n) => report('download', n, url),
      });
    }
    done += bytes.byteLength;
    got.push({ key, url, sha256: file.sha256, bytes, fresh });
  }
  // Every file checked out: only now keep the new ones, and then the manifest that names them.
  const notKept = useCache && cache.available ? await keepAll(cache, got.filter((g) => g.fresh)) : undefined;
  if (useCache && cache.available && !notKept && typeof src === 'string') {
    await cache.putManifest(new URL(src, globalThis.location?.href).href, { ...manifest, baseUrl: undefined }).catch(() => {});
  }
  const files: ModelFiles = { format: manifest.format, weights: [] };
  for (const g of got) {
    if (g.key === 'weights') files.weights.push({ name: baseName(g.url), bytes: g.bytes });
    else files[g.key as 'config'] = text(g.bytes, g.url);
  }
  report('init');
  return {
    manifest,
    files,
    fromCache: got.every((g) => !g.fresh),
    store: useCache ? await cache.kind() : 'none',
    ...(notKept && { storageError: notKept }),
  };
}

/** Keeps every file, or none: a failure removes those kept before it and is returned (the load
 * itself has its bytes and goes on). */
async function keepAll(cache: ModelCache, files: { url: string; sha256: string; bytes: Uint8Array }[]): Promise<TandemError | undefined> {
  const kept: string[] = [];
  for (const f of files) {
    try {
      kept.push(f.url);
      await cache.putFile(f.url, f.sha256, f.bytes);
    } catch (e) {
      for (const url of kept) await cache.removeFile(url).catch(() => {});
      return storageError(e, 'keep the model');
    }
  }
  return undefined;
}

/** Deletes a model's files (and its kept manifest) from the model store (OPFS and Cache
 * Storage). Returns the number of URLs removed. */
export async function deleteCachedModel(src: ModelSource, cache: ModelCache = new ModelCache()): Promise<number> {
  const manifest = await resolveManifest(src, cache);
  const manifestUrl = typeof src === 'string' ? new URL(src, globalThis.location?.href).href : undefined;
  return cache.deleteModel(manifest, manifestUrl);
}

/** True when every file of the model is kept (a load would need no network). */
export async function isModelCached(src: ModelSource, cache: ModelCache = new ModelCache()): Promise<boolean> {
  try {
    return await cache.hasModel(await resolveManifest(src, cache));
  } catch {
    return false;
  }
}

/** How much of the model is kept and where (an app's "available offline" indicator). A
 * manifest that cannot be had (offline, never kept) is a `network` TandemError. */
export async function getModelCacheState(src: ModelSource, cache: ModelCache = new ModelCache()): Promise<ModelCacheState> {
  return cache.modelState(await resolveManifest(src, cache));
}
