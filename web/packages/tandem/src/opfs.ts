/**
 * Model files in the origin private file system (OPFS): made for large files (no copy into a
 * response body, no per-entry limits) and writable from dedicated and shared workers through
 * `createWritable`, whose swap file replaces the old one only on `close` — a write cut short
 * leaves nothing half-written. Layout, under one directory: a folder per URL (named by the
 * URL's sha256, as URLs hold characters a file name may not), holding the file named by its
 * tag (the content's sha256; `manifest` for a manifest), so the tag is checked by the name alone.
 */
import type { FileStore } from './cache.js';
import { sha256Hex } from './download.js';

/** The parts of FileSystemDirectoryHandle / FileSystemFileHandle used here (fakes in tests). */
export interface DirectoryLike {
  getDirectoryHandle(name: string, opts?: { create?: boolean }): Promise<DirectoryLike>;
  getFileHandle(name: string, opts?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string, opts?: { recursive?: boolean }): Promise<void>;
  keys(): AsyncIterable<string>;
}
export interface FileHandleLike {
  getFile(): Promise<Blob>;
  createWritable(): Promise<WritableLike>;
}
export interface WritableLike {
  write(data: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

/** The OPFS root where files can be written (`createWritable`: not in every browser's OPFS),
 * or undefined. */
export function defaultOpfs(): (() => Promise<DirectoryLike>) | undefined {
  const storage = (globalThis as { navigator?: { storage?: { getDirectory?: () => Promise<unknown> } } }).navigator?.storage;
  const handle = (globalThis as { FileSystemFileHandle?: { prototype: object } }).FileSystemFileHandle;
  if (typeof storage?.getDirectory !== 'function' || !handle || !('createWritable' in handle.prototype)) return undefined;
  return () => storage.getDirectory!() as Promise<DirectoryLike>;
}

const MANIFEST = 'manifest';

const notFound = (e: unknown) => (e as { name?: string })?.name === 'NotFoundError' || (e as { name?: string })?.name === 'TypeMismatchError';

/** A URL's folder name: its sha256 (any URL, any length, no characters OPFS refuses). */
const hex = (url: string) => sha256Hex(new TextEncoder().encode(url));

export class OpfsStore implements FileStore {
  readonly kind = 'opfs';

  constructor(private readonly dir: DirectoryLike) {}

  static async open(root: () => Promise<DirectoryLike>, name: string): Promise<OpfsStore> {
    return new OpfsStore(await (await root()).getDirectoryHandle(name, { create: true }));
  }

  /** The URL's folder; undefined when absent and not `create`. */
  private async folder(url: string, create: boolean): Promise<DirectoryLike | undefined> {
    try {
      return await this.dir.getDirectoryHandle(await hex(url), { create });
    } catch (e) {
      if (!create && notFound(e)) return undefined;
      throw e;
    }
  }

  private async file(url: string, tag: string | null): Promise<Blob | undefined> {
    const folder = await this.folder(url, false);
    if (!folder) return undefined;
    try {
      return await (await folder.getFileHandle(tag ?? MANIFEST)).getFile();
    } catch (e) {
      if (notFound(e)) return undefined;
      throw e;
    }
  }

  async read(url: string, tag: string | null): Promise<Uint8Array | undefined> {
    const f = await this.file(url, tag);
    return f && new Uint8Array(await f.arrayBuffer());
  }

  async has(url: string, tag: string, size: number): Promise<boolean> {
    return (await this.file(url, tag))?.size === size;
  }

  async write(url: string, tag: string | null, bytes: Uint8Array): Promise<void> {
    const folder = (await this.folder(url, true))!;
    const name = tag ?? MANIFEST;
    const w = await (await folder.getFileHandle(name, { create: true })).createWritable();
    try {
      await w.write(bytes);
      await w.close();
    } catch (e) {
      await w.abort().catch(() => {});
      // Not left as an empty file under the tag (`has` checks the size too, should this fail).
      await folder.removeEntry(name).catch(() => {});
      throw e;
    }
    // The URL's earlier version (another sha256) is not wanted any more.
    const stale: string[] = [];
    for await (const k of folder.keys()) if (k !== name) stale.push(k);
    for (const k of stale) await folder.removeEntry(k).catch(() => {});
  }

  async remove(url: string): Promise<boolean> {
    try {
      await this.dir.removeEntry(await hex(url), { recursive: true });
      return true;
    } catch (e) {
      if (notFound(e)) return false;
      throw e;
    }
  }
}
