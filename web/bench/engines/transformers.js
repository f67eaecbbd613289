// transformers.js 3.x (ONNX Runtime Web). Everything local: models from /models/bench/ (no Hub),
// ORT's wasm from node_modules (no CDN), no browser cache.
import { env, AutoModelForCausalLM, AutoTokenizer, Tensor } from '../node_modules/@huggingface/transformers/dist/transformers.js';

export async function load(modelDir, { device = 'wasm', dtype = 'fp32', threads = 1 } = {}) {
  const url = new URL(modelDir, location.href);
  const slash = url.pathname.replace(/\/$/, '').lastIndexOf('/');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useBrowserCache = false;
  env.localModelPath = url.pathname.slice(0, slash + 1);  // '/models/bench/'
  const id = url.pathname.replace(/\/$/, '').slice(slash + 1);  // 'smollm2-135m-onnx'
  env.backends.onnx.wasm.wasmPaths = new URL('../node_modules/@huggingface/transformers/dist/', import.meta.url).href;
  env.backends.onnx.wasm.numThreads = Number(threads);  // >1 needs crossOriginIsolated
  if (device === 'webgpu' && !navigator.gpu) throw new Error('no navigator.gpu');
  const tokenizer = await AutoTokenizer.from_pretrained(id);
  const model = await AutoModelForCausalLM.from_pretrained(id, { device, dtype });
  let adapter = null;
  if (device === 'webgpu') {
    const a = await navigator.gpu.requestAdapter();
    adapter = a?.info ? { vendor: a.info.vendor, architecture: a.info.architecture, description: a.info.description } : null;
  }
  return {
    info: { device, dtype, threads: device === 'wasm' ? Number(threads) : undefined, adapter },
    tokenize: async (text) => tokenizer.encode(text, { add_special_tokens: false }),
    async generate(promptIds, nNew, onToken) {
      const n = promptIds.length;
      const input_ids = new Tensor('int64', BigInt64Array.from(promptIds, BigInt), [1, n]);
      const attention_mask = new Tensor('int64', new BigInt64Array(n).fill(1n), [1, n]);
      let first = true;
      const streamer = {
        put(value) {  // first call: the prompt; then one [[id]] per step
          if (first) { first = false; return; }
          for (const row of value) for (const id of row) onToken(Number(id));
        },
        end() {},
      };
      const out = await model.generate({ input_ids, attention_mask, max_new_tokens: nNew,
        min_new_tokens: nNew /* no EOS stop */, do_sample: false, streamer });
      out.dispose?.();
    },
    dispose: () => model.dispose(),
  };
}
