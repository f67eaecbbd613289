/** In-memory stand-ins for fetch, Cache Storage, the origin private file system and Web Locks. */
import { createHash } from 'node:crypto';
import type { CacheLike, CacheStorageLike } from '../src/cache.js';
import type { LockManagerLike } from '../src/liveness.js';
import type { DirectoryLike, FileHandleLike, WritableLike } from '../src/opfs.js';

export const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

export class MemoryCaches implements CacheStorageLike {
  stores = new Map<string, Map<string, { body: Uint8Array; headers: [string, string][] }>>();
  /** Bytes of bodies all caches may hold (as the browser's quota for the origin). */
  quota = Infinity;
  private usage(): number {
    let n = 0;
    for (const s of this.stores.values()) for (const e of s.values()) n += e.body.byteLength;
    return n;
  }
  async open(name: string): Promise<CacheLike> {
    let s = this.stores.get(name);
    if (!s) this.stores.set(name, (s = new Map()));
    const store = s;
    const usage = () => this.usage();
    const quota = () => this.quota;
    return {
      async match(url) {
        const e = store.get(url);
        return e ? new Response(e.body as unknown as BodyInit, { headers: e.headers }) : undefined;
      },
      async put(url, res) {
        const body = new Uint8Array(await res.arrayBuffer());
        if (usage() - (store.get(url)?.body.byteLength ?? 0) + body.byteLength > quota()) throw quotaError();
        store.set(url, { body, headers: [...res.headers.entries()] });
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

const domError = (name: string, msg = name) => new DOMException(msg, name);

function checkName(name: string): void {
  if (!name || name === '.' || name === '..' || name.includes('/') || name.includes('\\')) throw new TypeError(`invalid name ${name}`);
}

/** A file of MemoryDirectory: `createWritable` writes into a swap buffer that `close` commits,
 * as the browser's OPFS does, and a write past the quota fails with QuotaExceededError. */
export class MemoryFile implements FileHandleLike {
  data = new Uint8Array(0);
  constructor(private readonly root: MemoryDirectory) {}
  async getFile(): Promise<Blob> {
    return new Blob([this.data]);
  }
  async createWritable(): Promise<WritableLike> {
    let swap = new Uint8Array(0);
    let open = true;
    return {
      write: async (bytes) => {
        if (!open) throw domError('InvalidStateError');
        if (this.root.usage() - this.data.byteLength + swap.byteLength + bytes.byteLength > this.root.quota) throw quotaError();
        const next = new Uint8Array(swap.byteLength + bytes.byteLength);
        next.set(swap);
        next.set(bytes, swap.byteLength);
        swap = next;
      },
      close: async () => {
        open = false;
        this.data = swap;
      },
      abort: async () => {
        open = false;
      },
    };
  }
}

/** An in-memory OPFS directory (`quota`: bytes the whole tree may hold). */
export class MemoryDirectory implements DirectoryLike {
  entries = new Map<string, MemoryDirectory | MemoryFile>();
  quota = Infinity;
  constructor(private readonly rootDir?: MemoryDirectory) {}
  private get root(): MemoryDirectory {
    return this.rootDir ?? this;
  }
  async getDirectoryHandle(name: string, opts: { create?: boolean } = {}): Promise<MemoryDirectory> {
    checkName(name);
    const e = this.entries.get(name);
    if (e instanceof MemoryDirectory) return e;
    if (e) throw domError('TypeMismatchError');
    if (!opts.create) throw domError('NotFoundError');
    const d = new MemoryDirectory(this.root);
    this.entries.set(name, d);
    return d;
  }
  async getFileHandle(name: string, opts: { create?: boolean } = {}): Promise<MemoryFile> {
    checkName(name);
    const e = this.entries.get(name);
    if (e instanceof MemoryFile) return e;
    if (e) throw domError('TypeMismatchError');
    if (!opts.create) throw domError('NotFoundError');
    const f = new MemoryFile(this.root);
    this.entries.set(name, f);
    return f;
  }
  async removeEntry(name: string, opts: { recursive?: boolean } = {}): Promise<void> {
    const e = this.entries.get(name);
    if (!e) throw domError('NotFoundError');
    if (e instanceof MemoryDirectory && e.entries.size > 0 && !opts.recursive) throw domError('InvalidModificationError');
    this.entries.delete(name);
  }
  async *keys(): AsyncIterable<string> {
    yield* [...this.entries.keys()];
  }
  usage(): number {
    let n = 0;
    for (const e of this.entries.values()) n += e instanceof MemoryDirectory ? e.usage() : e.data.byteLength;
    return n;
  }
  /** Every file below, as 'folder/name' → bytes. */
  files(prefix = ''): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    for (const [k, e] of this.entries) {
      if (e instanceof MemoryDirectory) for (const [p, b] of e.files(`${prefix}${k}/`)) out.set(p, b);
      else out.set(prefix + k, e.data);
    }
    return out;
  }
}

/** Web Locks shared by several contexts (a page, a worker): each context's locks are let go
 * when it ends (`LockContext.die`), as the browser does for a closed or crashed one. */
export class LockRegistry {
  private held = new Set<string>();
  private waiters = new Map<string, (() => void)[]>();
  context(): LockContext {
    return new LockContext(this);
  }
  async acquire(name: string): Promise<() => void> {
    while (this.held.has(name)) {
      await new Promise<void>((r) => {
        const q = this.waiters.get(name) ?? [];
        q.push(r);
        this.waiters.set(name, q);
      });
    }
    this.held.add(name);
    return () => {
      this.held.delete(name);
      this.waiters.get(name)?.shift()?.();
    };
  }
  isHeld(name: string): boolean {
    return this.held.has(name);
  }
}

export class LockContext implements LockManagerLike {
  dead = false;
  private ends = new Set<() => void>();
  constructor(private readonly registry: LockRegistry) {}
  async request(name: string, callback: () => Promise<unknown> | unknown): Promise<unknown> {
    const release = await this.registry.acquire(name);
    if (this.dead) {
      release();
      return new Promise(() => {}); // a dead context runs nothing
    }
    let end!: () => void;
    const ended = new Promise<void>((r) => (end = r));
    this.ends.add(end);
    try {
      return await Promise.race([Promise.resolve().then(callback), ended]);
    } finally {
      this.ends.delete(end);
      release();
    }
  }
  /** The context ends: every lock it holds is let go. */
  die(): void {
    this.dead = true;
    for (const end of this.ends) end();
  }
}
