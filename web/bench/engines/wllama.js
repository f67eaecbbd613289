// wllama (llama.cpp compiled to wasm). 2.3.7 is the last wasm32 release (2.4.0+ are memory64).
// The model is fetched by us (one plain GET, no Cache API/OPFS) and handed over as a Blob.
import { Wllama } from '../node_modules/@wllama/wllama/esm/index.js';

const WASM = new URL('../node_modules/@wllama/wllama/esm/', import.meta.url).href;

export async function load(modelUrl, { threads = 1, nCtx = 256, kvType = 'f32' } = {}) {
  const wllama = new Wllama(
    { 'single-thread/wllama.wasm': WASM + 'single-thread/wllama.wasm',
      'multi-thread/wllama.wasm': WASM + 'multi-thread/wllama.wasm' },
    { suppressNativeLog: true, logger: { debug() {}, log() {}, warn: console.warn, error: console.error } });
  const res = await fetch(modelUrl);
  if (!res.ok) throw new Error(`${modelUrl}: HTTP ${res.status}`);
  const blob = await res.blob();
  // f32 KV cache: exact greedy comparison with transformers (llama.cpp's default f16 KV moves logits)
  await wllama.loadModel([blob], { n_ctx: nCtx, n_batch: 64, n_threads: Number(threads), seed: 0,
                                   cache_type_k: kvType, cache_type_v: kvType });
  return {
    info: { multithread: wllama.isMultithread(), threads: wllama.getNumThreads(), modelBytes: blob.size, kvType },
    tokenize: (text) => wllama.tokenize(text, true),
    async generate(promptIds, nNew, onToken) {
      await wllama.kvClear();
      await wllama.samplingInit({ temp: 0, top_k: 1, penalty_repeat: 1 });  // greedy
      await wllama.decode(promptIds, {});
      for (let i = 0; i < nNew; i++) {
        const { token } = await wllama.samplingSample();
        onToken(token);
        if (i + 1 === nNew) break;
        await wllama.samplingAccept([token]);
        await wllama.decode([token], {});
      }
    },
    dispose: () => wllama.exit(),
  };
}
