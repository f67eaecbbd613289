// Tandem: the package's loader (sha256-checked fetch, no cache here, as the other engines) and
// its wasm engine driven token by token — what the package's worker runs, without the chat
// template (the bench feeds ids). backend: 'webgpu' | 'cpu'.
import { loadModelFiles } from '/web/packages/tandem/dist/loader.js';
import { ensureWasm, WasmEngine } from '/web/packages/tandem/dist/wasm.js';

export async function load(manifestUrl, { backend = 'webgpu' } = {}) {
  const [{ files }] = await Promise.all([loadModelFiles(manifestUrl, { useCache: false }), ensureWasm()]);
  const engine = await WasmEngine.load(files, { backend });
  const info = engine.info();
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
