/** The wasm module (built by wasm-pack into ../wasm), initialised once per thread, typed by
 * wasm-types.ts (the generated .d.ts returns `any` for every object). */
import init, * as raw from '../wasm/tandem_wasm.js';
import { PACKAGE_VERSION } from './version.js';
import type { WasmEngineApi, WasmEngineClass } from './wasm-types.js';

export type WasmEngine = WasmEngineApi;
export const WasmEngine = raw.Engine as unknown as WasmEngineClass;

let ready: Promise<void> | undefined;

export function ensureWasm(wasmUrl?: string): Promise<void> {
  ready ??= init(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(() => {
    const v = raw.version();
    if (v !== PACKAGE_VERSION) console.warn(`tandem: wasm ${v} with package ${PACKAGE_VERSION}`);
  });
  return ready;
}
