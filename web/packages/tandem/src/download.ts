/**
 * A streamed download checked against its manifest entry: progress per chunk, the size enforced
 * while reading (a server sending more than declared is stopped), then the sha256.
 */
import { abortError, TandemError } from './errors.js';
import type { ManifestFile } from './manifest.js';

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as unknown as BufferSource);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface DownloadOptions {
  signal?: AbortSignal;
  fetchFn?: typeof fetch;
  /** Called with the bytes received so far for this file. */
  onBytes?: (loaded: number) => void;
}

export async function downloadVerified(url: string, file: ManifestFile, opts: DownloadOptions = {}): Promise<Uint8Array> {
  const fetchFn = opts.fetchFn ?? fetch;
  let res: Response;
  try {
    res = await fetchFn(url, { signal: opts.signal, cache: 'no-store' });
  } catch (e) {
    if (opts.signal?.aborted) throw abortError(opts.signal);
    throw new TandemError('network', `cannot fetch ${url}: ${String(e)}`, { cause: e });
  }
  if (!res.ok) throw new TandemError('network', `${url}: HTTP ${res.status} ${res.statusText}`);
  const out = new Uint8Array(file.size);
  let loaded = 0;
  const tooBig = () =>
    new TandemError('integrity', `${url}: more than the ${file.size} bytes the manifest declares`);
  if (res.body) {
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (loaded + value.byteLength > file.size) throw tooBig();
        out.set(value, loaded);
        loaded += value.byteLength;
        opts.onBytes?.(loaded);
      }
    } catch (e) {
      await reader.cancel().catch(() => {});
      if (e instanceof TandemError) throw e;
      if (opts.signal?.aborted) throw abortError(opts.signal);
      throw new TandemError('network', `download of ${url} failed: ${String(e)}`, { cause: e });
    }
  } else {
    const buf = new Uint8Array(await res.arrayBuffer());
    if (buf.byteLength > file.size) throw tooBig();
    out.set(buf);
    loaded = buf.byteLength;
    opts.onBytes?.(loaded);
  }
  if (loaded !== file.size) {
    throw new TandemError('integrity', `${url}: got ${loaded} bytes, the manifest declares ${file.size}`);
  }
  const got = await sha256Hex(out);
  if (got !== file.sha256) {
    throw new TandemError('integrity', `${url}: sha256 is ${got}, the manifest declares ${file.sha256}; nothing was cached`);
  }
  return out;
}
