/** In-memory stand-ins for fetch and Cache Storage. */
import { createHash } from 'node:crypto';
import type { CacheLike, CacheStorageLike } from '../src/cache.js';

export const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

export class MemoryCaches implements CacheStorageLike {
  stores = new Map<string, Map<string, { body: Uint8Array; headers: [string, string][] }>>();
  async open(name: string): Promise<CacheLike> {
    let s = this.stores.get(name);
    if (!s) this.stores.set(name, (s = new Map()));
    const store = s;
    return {
      async match(url) {
        const e = store.get(url);
        return e ? new Response(e.body as unknown as BodyInit, { headers: e.headers }) : undefined;
      },
      async put(url, res) {
        store.set(url, { body: new Uint8Array(await res.arrayBuffer()), headers: [...res.headers.entries()] });
      },
      async delete(url) {
        return store.delete(url);
      },
    };
  }
  async delete(name: string) {
    return this.stores.delete(name);
  }
  keys(name = 'tandem-models-v1'): string[] {
    return [...(this.stores.get(name)?.keys() ?? [])];
  }
}

/** A fetch over a map of URL → body; `offline` makes every request fail like a network error. */
export class FakeNet {
  files = new Map<string, Uint8Array>();
  offline = false;
  requests: string[] = [];
  /** Bytes per streamed chunk. */
  chunk = 7;
  fetch = async (input: RequestInfo | URL): Promise<Response> => {
    const url = String(input);
    this.requests.push(url);
    if (this.offline) throw new TypeError('Failed to fetch');
    const body = this.files.get(url);
    if (!body) return new Response('not found', { status: 404 });
    const chunk = this.chunk;
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < body.length; i += chunk) c.enqueue(body.slice(i, i + chunk));
        c.close();
      },
    });
    return new Response(stream, { status: 200 });
  };
  add(url: string, body: Uint8Array | string) {
    this.files.set(url, typeof body === 'string' ? new TextEncoder().encode(body) : body);
  }
}
