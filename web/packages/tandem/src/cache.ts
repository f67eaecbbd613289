/**
 * Model files in Cache Storage, keyed by their absolute URL and tagged with their sha256, so a
 * later load (even offline) is served locally and a file whose manifest changed is not reused.
 * Manifests are cached too (network first, cache when offline).
 */
import { TandemError } from './errors.js';
import { allFiles, fileUrl, type ModelManifest } from './manifest.js';

export const CACHE_NAME = 'tandem-models-v1';
const SHA_HEADER = 'x-tandem-sha256';

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

function defaultStorage(): CacheStorageLike | undefined {
  return (globalThis as { caches?: CacheStorageLike }).caches;
}

export class ModelCache {
  private cache?: Promise<CacheLike | undefined>;

  constructor(private readonly storage: CacheStorageLike | undefined = defaultStorage()) {}

  /** False where Cache Storage is missing (e.g. an insecure origin): loads then always fetch. */
  get available(): boolean {
    return this.storage !== undefined;
  }

  private open(): Promise<CacheLike | undefined> {
    if (!this.storage) return Promise.resolve(undefined);
    this.cache ??= this.storage.open(CACHE_NAME).catch((e) => {
      throw new TandemError('storage', `cannot open Cache Storage: ${String(e)}`, { cause: e });
    });
    return this.cache;
  }

  /** The cached bytes of `url` if they were stored with this sha256 and size. */
  async getFile(url: string, sha256: string, size: number): Promise<Uint8Array | undefined> {
    const c = await this.open();
    const res = await c?.match(url);
    if (!res) return undefined;
    if (res.headers.get(SHA_HEADER) !== sha256) return undefined;
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (bytes.byteLength !== size) return undefined;
    return bytes;
  }

  async putFile(url: string, sha256: string, bytes: Uint8Array): Promise<void> {
    const c = await this.open();
    if (!c) return;
    const res = new Response(bytes as unknown as BodyInit, {
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(bytes.byteLength),
        [SHA_HEADER]: sha256,
      },
    });
    try {
      await c.put(url, res);
    } catch (e) {
      throw new TandemError('storage', `cannot cache ${url}: ${String(e)}`, { cause: e });
    }
  }

  async getManifest(url: string): Promise<unknown | undefined> {
    const c = await this.open();
    const res = await c?.match(url);
    if (!res) return undefined;
    try {
      return await res.json();
    } catch {
      return undefined;
    }
  }

  async putManifest(url: string, json: unknown): Promise<void> {
    const c = await this.open();
    await c?.put(url, new Response(JSON.stringify(json), { headers: { 'content-type': 'application/json' } }));
  }

  /** True when every file of the manifest is cached with the right sha256. */
  async hasModel(m: ModelManifest): Promise<boolean> {
    const c = await this.open();
    if (!c) return false;
    for (const { file } of allFiles(m)) {
      const res = await c.match(fileUrl(m, file));
      if (!res || res.headers.get(SHA_HEADER) !== file.sha256) return false;
    }
    return true;
  }

  /** Removes the manifest's files (and the manifest itself when `manifestUrl` is given). */
  async deleteModel(m: ModelManifest, manifestUrl?: string): Promise<number> {
    const c = await this.open();
    if (!c) return 0;
    let n = 0;
    for (const { file } of allFiles(m)) {
      if (await c.delete(fileUrl(m, file))) n++;
    }
    if (manifestUrl && (await c.delete(manifestUrl))) n++;
    return n;
  }
}
