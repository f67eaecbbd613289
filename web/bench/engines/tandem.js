// Tandem: the package's loader (sha256-checked streamed fetch) and its wasm engine driven token
// by token — what the package's worker runs, without the chat template (the bench feeds ids).
// backend: 'webgpu' | 'cpu'. cache: 'off' (default: plain fetch, as the other engines) or 'warm'
// (the files are put in Cache Storage first, then the timed load reads them from there).
import { loadModelFiles } from '/web/packages/tandem/dist/loader.js';
import { ensureWasm, WasmEngine } from '/web/packages/tandem/dist/wasm.js';

export async function load(manifestUrl, { backend = 'webgpu', cache = 'off' } = {}) {
  const useCache = cache === 'warm';
  let primeMs = null;
  if (useCache) {
    const t = performance.now();
    await loadModelFiles(manifestUrl, { useCache: true }); // download, check, store
    primeMs = performance.now() - t;
  }
  const t0 = performance.now();
  const [{ files, fromCache }] = await Promise.all([loadModelFiles(manifestUrl, { useCache }), ensureWasm()]);
  const filesMs = performance.now() - t0;
  const t1 = performance.now();
  const engine = await WasmEngine.load(files, { backend });
  const initMs = performance.now() - t1;
  const info = { ...engine.info(), fromCache, filesMs: Math.round(filesMs), initMs: Math.round(initMs), primeMs: primeMs && Math.round(primeMs) };
  if (info.backend !== backend) throw new Error(`asked for ${backend}, got ${info.backend}: ${info.fallbackReason}`);
  return {
    info,
    tokenize: async (text) => Array.from(engine.encode(text, false)),
    async generate(promptIds, nNew, onToken) {
      engine.begin(Uint32Array.from(promptIds), { max_tokens: nNew, temperature: 0, ignore_eos: true });
      for (;;) {
        const s = await engine.step();
        onToken(s.id);
        if (s.finishReason) break;
      }
      engine.end();
    },
    dispose: async () => engine.free(),
  };
}
