/**
 * Where model files are kept between loads: the origin private file system (OPFS) where the
 * browser can write it from a worker, else Cache Storage. Files are keyed by their absolute URL
 * and tagged with their sha256 (and checked against their size), so a later load (even offline)
 * is served locally and a file whose manifest changed is not reused. Manifests are kept too
 * (network first, the kept copy when offline).
 *
 * Reads look in both stores: files kept by an earlier version of the package (Cache Storage),
 * or by a context where OPFS could not be written, are still found; new files go to the first.
 */
import { TandemError } from './errors.js';
import { allFiles, fileUrl, type ModelManifest } from './manifest.js';
import { CacheStore } from './cache-storage.js';
import { defaultOpfs, OpfsStore, type DirectoryLike } from './opfs.js';

/** The name of the Cache Storage cache and of the OPFS directory. */
export const CACHE_NAME = 'tandem-models-v1';

/** Where model files are kept: OPFS, Cache Storage, or nowhere. */
export type StoreKind = 'opfs' | 'cache' | 'none';

/** The part of the Cache Storage API used here (injectable for tests). */
export interface CacheStorageLike {
  open(name: string): Promise<CacheLike>;
  delete(name: string): Promise<boolean>;
}
export interface CacheLike {
  match(url: string): Promise<Response | undefined>;
  put(url: string, res: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
}

/** One place files are kept, keyed by URL, each under a tag (a file's sha256; `null` for a
 * manifest, which has none). */
export interface FileStore {
  readonly kind: 'opfs' | 'cache';
  read(url: string, tag: string | null): Promise<Uint8Array | undefined>;
  /** Whether `url` is kept under `tag` with `size` bytes (without reading it). */
  has(url: string, tag: string, size: number): Promise<boolean>;
  write(url: string, tag: string | null, bytes: Uint8Array): Promise<void>;
  remove(url: string): Promise<boolean>;
}

export interface ModelCacheOptions {
  /** The OPFS root (default: `navigator.storage.getDirectory` where OPFS files are writable);
   * null: not used. */
  opfs?: (() => Promise<DirectoryLike>) | null;
  /** Cache Storage (default: `caches`); null: not used. */
  caches?: CacheStorageLike | null;
}

/** How much of a model is kept, and where (`getModelCacheState`). */
export interface ModelCacheState {
  /** Every file is kept: a load needs no network. */
  cached: boolean;
  /** Where new files go. */
  store: StoreKind;
  files: number;
  cachedFiles: number;
  totalBytes: number;
  cachedBytes: number;
}

/** A storage failure as a `storage` TandemError; the browser's quota by name. */
export function storageError(e: unknown, what: string): TandemError {
  if (e instanceof TandemError) return e;
  const name = (e as { name?: string })?.name;
  if (name === 'QuotaExceededError') {
    return new TandemError('storage', `not enough storage to ${what}: the browser's storage quota for this site is exhausted (QuotaExceededError)`, { cause: e });
  }
  return new TandemError('storage', `cannot ${what}: ${String(e)}`, { cause: e });
}

function defaultCaches(): CacheStorageLike | undefined {
  return (globalThis as { caches?: CacheStorageLike }).caches;
}

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

export class ModelCache {
  private readonly opfs: (() => Promise<DirectoryLike>) | undefined;
  private readonly caches: CacheStorageLike | undefined;
  private opened?: Promise<{ stores: FileStore[]; error?: TandemError }>;

  /** `new ModelCache()`: OPFS, else Cache Storage. `new ModelCache(caches)`: that Cache Storage
   * only (as in the package's first versions). */
  constructor(source?: CacheStorageLike | ModelCacheOptions) {
    const legacy = typeof (source as CacheStorageLike | undefined)?.open === 'function';
    const o: ModelCacheOptions = legacy ? { opfs: null, caches: source as CacheStorageLike } : ((source as ModelCacheOptions) ?? {});
    this.opfs = o.opfs === null ? undefined : (o.opfs ?? defaultOpfs());
    this.caches = o.caches === null ? undefined : (o.caches ?? defaultCaches());
  }

  /** False where neither OPFS nor Cache Storage exists (e.g. an insecure origin): loads then
   * always fetch. */
  get available(): boolean {
    return this.opfs !== undefined || this.caches !== undefined;
  }

  /** The stores that opened, the one new files go to first. One that fails to open (OPFS in a
   * private window of some browsers) is left out; the error is kept for `putFile`. */
  private stores(): Promise<{ stores: FileStore[]; error?: TandemError }> {
    this.opened ??= (async () => {
      const stores: FileStore[] = [];
      let error: TandemError | undefined;
      const tries: [string, (() => Promise<FileStore>) | undefined][] = [
        ['open the origin private file system', this.opfs && (() => OpfsStore.open(this.opfs!, CACHE_NAME))],
        ['open Cache Storage', this.caches && (() => CacheStore.open(this.caches!, CACHE_NAME))],
      ];
      for (const [what, open] of tries) {
        if (!open) continue;
        try {
          stores.push(await open());
        } catch (e) {
          error ??= storageError(e, what);
        }
      }
      return { stores, error };
    })();
    return this.opened;
  }

  /** Where new files go. */
  async kind(): Promise<StoreKind> {
    return (await this.stores()).stores[0]?.kind ?? 'none';
  }

  /** The kept bytes of `url` if they were stored with this sha256 and size. */
  async getFile(url: string, sha256: string, size: number): Promise<Uint8Array | undefined> {
    for (const s of (await this.stores()).stores) {
      const bytes = await s.read(url, sha256).catch(() => undefined);
      if (bytes?.byteLength === size) return bytes;
    }
    return undefined;
  }

  /** Keeps `bytes` as `url`'s content of this sha256; a failure (the quota) is a `storage`
   * TandemError. Nowhere to keep it: nothing happens. */
  async putFile(url: string, sha256: string, bytes: Uint8Array): Promise<void> {
    const { stores, error } = await this.stores();
    if (!stores[0]) {
      if (error) throw error;
      return;
    }
    try {
      await stores[0].write(url, sha256, bytes);
    } catch (e) {
      throw storageError(e, `keep ${url} (${bytes.byteLength} bytes) in ${stores[0].kind === 'opfs' ? 'the origin private file system' : 'Cache Storage'}`);
    }
  }

  /** Removes `url` from where new files go (undoing a load's `putFile`s). */
  async removeFile(url: string): Promise<void> {
    await (await this.stores()).stores[0]?.remove(url);
  }

  async getManifest(url: string): Promise<unknown | undefined> {
    for (const s of (await this.stores()).stores) {
      const bytes = await s.read(url, null).catch(() => undefined);
      if (!bytes) continue;
      try {
        return JSON.parse(new TextDecoder().decode(bytes));
      } catch {
        // Not JSON: look in the next store.
      }
    }
    return undefined;
  }

  async putManifest(url: string, manifest: unknown): Promise<void> {
    const s = (await this.stores()).stores[0];
    try {
      await s?.write(url, null, json(manifest));
    } catch (e) {
      throw storageError(e, `keep the manifest ${url}`);
    }
  }

  /** How much of the manifest's files are kept with the right sha256 and size, in any store. */
  async modelState(m: ModelManifest): Promise<ModelCacheState> {
    const { stores } = await this.stores();
    const state: ModelCacheState = { cached: false, store: stores[0]?.kind ?? 'none', files: 0, cachedFiles: 0, totalBytes: 0, cachedBytes: 0 };
    for (const { file } of allFiles(m)) {
      state.files++;
      state.totalBytes += file.size;
      for (const s of stores) {
        if (await s.has(fileUrl(m, file), file.sha256, file.size).catch(() => false)) {
          state.cachedFiles++;
          state.cachedBytes += file.size;
          break;
        }
      }
    }
    state.cached = stores.length > 0 && state.cachedFiles === state.files;
    return state;
  }

  /** True when every file of the manifest is kept with the right sha256. */
  async hasModel(m: ModelManifest): Promise<boolean> {
    return (await this.modelState(m)).cached;
  }

  /** Removes the manifest's files (and the manifest itself when `manifestUrl` is given) from
   * every store; counts the URLs removed. */
  async deleteModel(m: ModelManifest, manifestUrl?: string): Promise<number> {
    const urls = allFiles(m).map(({ file }) => fileUrl(m, file));
    if (manifestUrl) urls.push(manifestUrl);
    let n = 0;
    for (const url of urls) {
      let removed = false;
      for (const s of (await this.stores()).stores) {
        try {
          removed = (await s.remove(url)) || removed;
        } catch (e) {
          throw storageError(e, `remove ${url}`);
        }
      }
      if (removed) n++;
    }
    return n;
  }
}
