/** The wasm module (built by wasm-pack into ../wasm), initialised once per thread. */
import init, { Engine as WasmEngine, version } from '../wasm/tandem_wasm.js';

export { WasmEngine };

let ready: Promise<void> | undefined;

export function ensureWasm(wasmUrl?: string): Promise<void> {
  ready ??= init(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(() => {
    const v = version();
    if (v !== PACKAGE_VERSION) console.warn(`tandem: wasm ${v} with package ${PACKAGE_VERSION}`);
  });
  return ready;
}

export const PACKAGE_VERSION = '0.1.0';
