// How a trap of the wasm module (a Rust panic aborts it on wasm32) reaches callers: a typed
// `panic` error carrying the message the panic hook left, and a poisoned module. (The reset and
// reload themselves run in Chromium: tests/browser/hardening.test.ts.)
import { describe, expect, it } from 'vitest';

import { TandemError } from '../src/errors';
import { awaitWasm, wasmError, wasmPoisoned } from '../src/wasm';

describe('wasmError', () => {
  it('passes ordinary errors through as TandemErrors', () => {
    const e = wasmError(Object.assign(new Error('bad'), { kind: 'invalid_model' }));
    expect(e).toBeInstanceOf(TandemError);
    expect(e.kind).toBe('invalid_model');
    expect(wasmPoisoned()).toBe(false);
  });

  it('turns a trap into a panic error with the hook message and poisons the module', () => {
    const g = globalThis as { __tandemPanic?: string };
    g.__tandemPanic = 'panicked at src/x.rs:1:1:\nboom';
    const e = wasmError(new WebAssembly.RuntimeError('unreachable'));
    expect(e.kind).toBe('panic');
    expect(e.message).toMatch(/boom/);
    expect(g.__tandemPanic).toBeUndefined();
    expect(wasmPoisoned()).toBe(true);
    // Without a message from the hook (memory exhausted: no panic hook runs), the trap's own.
    expect(wasmError(new WebAssembly.RuntimeError('unreachable')).message).toMatch(/unreachable/);
  });
});

describe('awaitWasm', () => {
  it('fails a pending promise of the module when the panic hook reports a panic', async () => {
    const pending = new Promise<never>(() => {});
    const waiting = awaitWasm(pending);
    (globalThis as { __tandemOnPanic?: (m: string) => void }).__tandemOnPanic?.('panicked at a task');
    await expect(waiting).rejects.toMatchObject({ kind: 'panic', message: expect.stringMatching(/panicked at a task/) });
  });
});
