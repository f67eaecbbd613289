/** Model files in Cache Storage: one response per URL, a file's tag (its sha256) in a header,
 * so a file whose manifest changed is not reused. The format of the package's first versions:
 * what they cached is still found. */
import type { CacheLike, CacheStorageLike, FileStore } from './cache.js';

const TAG_HEADER = 'x-tandem-sha256';

export class CacheStore implements FileStore {
  readonly kind = 'cache';

  private constructor(private readonly cache: CacheLike) {}

  static async open(storage: CacheStorageLike, name: string): Promise<CacheStore> {
    return new CacheStore(await storage.open(name));
  }

  async read(url: string, tag: string | null): Promise<Uint8Array | undefined> {
    const res = await this.cache.match(url);
    if (!res || (tag !== null && res.headers.get(TAG_HEADER) !== tag)) return undefined;
    return new Uint8Array(await res.arrayBuffer());
  }

  async has(url: string, tag: string, size: number): Promise<boolean> {
    const res = await this.cache.match(url);
    const length = res?.headers.get('content-length');
    return res?.headers.get(TAG_HEADER) === tag && (!length || Number(length) === size);
  }

  async write(url: string, tag: string | null, bytes: Uint8Array): Promise<void> {
    const headers: Record<string, string> =
      tag === null
        ? { 'content-type': 'application/json' }
        : { 'content-type': 'application/octet-stream', 'content-length': String(bytes.byteLength), [TAG_HEADER]: tag };
    await this.cache.put(url, new Response(bytes as unknown as BodyInit, { headers }));
  }

  remove(url: string): Promise<boolean> {
    return this.cache.delete(url);
  }
}
