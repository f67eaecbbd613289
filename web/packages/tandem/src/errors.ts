/**
 * Every failure the package reports is a `TandemError` with a stable `kind` to branch on; the
 * message is for people. The wasm engine's kinds (WasmErrorKind: crates/tandem-wasm/src/errors.rs)
 * pass through unchanged; crates/tandem-wasm/tests/ts_shapes.rs checks this union holds them all.
 */
import type { WasmErrorKind } from './wasm-types.js';

export type TandemErrorKind =
  // every kind the wasm engine throws (listed in wasm-types.ts)
  | WasmErrorKind
  // the model manifest is malformed
  | 'invalid_manifest'
  // a download's sha256 or size does not match the manifest
  | 'integrity'
  // a fetch failed (and the file is not cached); the LLM server could not be reached or timed out
  | 'network'
  // the LLM server answered with an error status or something that is not a completion
  | 'server'
  // Cache Storage refused to store or read
  | 'storage'
  // the engine was unloaded
  | 'unloaded'
  // the wasm engine panicked (a bug: please report it); the module was reset and the next
  // request reloads the model (from the cache)
  | 'panic'
  // the worker died or could not start
  | 'worker';

export class TandemError extends Error {
  readonly kind: TandemErrorKind;

  constructor(kind: TandemErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TandemError';
    this.kind = kind;
  }
}

/** Plain data of an error, as it crosses a worker boundary. */
export interface SerializedError {
  name: string;
  kind?: string;
  message: string;
}

/** Any thrown value as a TandemError (AbortError-like values are returned unchanged by
 * `serializeError`/`deserializeError` so callers can tell a cancel from a failure). */
export function toTandemError(e: unknown): TandemError {
  if (e instanceof TandemError) return e;
  if (e && typeof e === 'object') {
    const o = e as { kind?: unknown; message?: unknown; name?: unknown };
    if (typeof o.kind === 'string' && typeof o.message === 'string') {
      return new TandemError(o.kind as TandemErrorKind, o.message, { cause: e });
    }
    if (typeof o.message === 'string') {
      return new TandemError('internal', o.message, { cause: e });
    }
  }
  return new TandemError('internal', String(e));
}

export function isAbortError(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'AbortError';
}

export function abortError(signal?: AbortSignal): Error {
  const reason = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const err = new Error(typeof reason === 'string' ? reason : 'the request was aborted');
  err.name = 'AbortError';
  return err;
}

export function serializeError(e: unknown): SerializedError {
  if (isAbortError(e)) return { name: 'AbortError', message: (e as Error).message };
  const t = toTandemError(e);
  return { name: t.name, kind: t.kind, message: t.message };
}

export function deserializeError(s: SerializedError): Error {
  if (s.name === 'AbortError') {
    const err = new Error(s.message);
    err.name = 'AbortError';
    return err;
  }
  return new TandemError((s.kind ?? 'internal') as TandemErrorKind, s.message);
}
