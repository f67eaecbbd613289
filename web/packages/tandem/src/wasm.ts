/** The wasm module (built by wasm-pack into ../wasm), initialised once per thread, typed by
 * wasm-types.ts (the generated .d.ts returns `any` for every object). */
import init, * as raw from '../wasm/tandem_wasm.js';
import { PACKAGE_VERSION } from './version.js';
import type { WasmCollabApi, WasmEngineApi, WasmEngineClass, WasmPrivacyApi, WasmRouterClass } from './wasm-types.js';

export type WasmEngine = WasmEngineApi;
export const WasmEngine = raw.Engine as unknown as WasmEngineClass;

/** tandem-collab's policy functions and its router class (usable once `ensureWasm` resolved). */
export const wasmCollab: WasmCollabApi = raw as unknown as WasmCollabApi;
export const WasmRouter = raw.Router as unknown as WasmRouterClass;

/** tandem-privacy's functions (usable once `ensureWasm` resolved). */
export const wasmPrivacy: WasmPrivacyApi = raw as unknown as WasmPrivacyApi;

let ready: Promise<void> | undefined;

/** Initialises the module from `source` (a URL of tandem_wasm_bg.wasm, or its bytes; default:
 * beside the glue). Later calls share the first one's result. */
export function ensureWasm(source?: string | URL | BufferSource): Promise<void> {
  ready ??= init(source ? { module_or_path: source } : undefined).then(() => {
    const v = raw.version();
    if (v !== PACKAGE_VERSION) console.warn(`tandem: wasm ${v} with package ${PACKAGE_VERSION}`);
  });
  ready.catch(() => {
    ready = undefined;
  });
  return ready;
}
