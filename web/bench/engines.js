// The engines the bench knows: name → { module, model, options, isolation }.
//   module     an ES module under web/bench/ exporting `load(modelUrl, options)` (contract below)
//   model      the model URL it loads by default (served from the repo root)
//   options    passed to load() (merged with the page's query parameters)
//   isolation  true: the page is opened with ?coi=1, the server then sends COOP/COEP
//              (crossOriginIsolated → SharedArrayBuffer → threads)
//   defaults   optional { nNew, reps } for run.mjs when its --nNew / --reps are not given
//
// Adding an engine = one entry here + one module:
//
//   export async function load(modelUrl, options) {
//     ...fetch + initialise...
//     return {
//       info: { ... },                                  // anything worth recording (optional)
//       tokenize: async (text) => ids,                  // optional: checked against the reference
//       generate: async (promptIds, nNew, onToken) => { // greedy; call onToken(id) as soon as
//         ...                                           // each new id is known on the JS side;
//       },                                              // must not stop at EOS
//       dispose: async () => {},                        // optional
//     };
//   }
//
// bench.js times everything around it (load, first token, decode), so every engine is measured
// the same way. Importable from node (run.mjs reads this table): no browser globals here.
const GGUF_Q8 = '/models/bench/smollm2-135m/model-q8_0.gguf';
const ONNX_DIR = '/models/bench/smollm2-135m-onnx';
export const REFERENCE = '/models/bench/smollm2-135m/bench_reference.json';

export const ENGINES = {
  'wllama': {
    module: './engines/wllama.js', model: GGUF_Q8, options: { threads: 1 },
    label: 'wllama 2.3.7 (llama.cpp wasm32), Q8_0 GGUF, 1 thread',
  },
  'wllama-mt': {
    module: './engines/wllama.js', model: GGUF_Q8, options: { threads: 2 }, isolation: true,
    label: 'wllama 2.3.7 (llama.cpp wasm32), Q8_0 GGUF, 2 threads (COOP/COEP)',
  },
  'tfjs-webgpu': {
    module: './engines/transformers.js', model: ONNX_DIR, options: { device: 'webgpu' },
    // on SwiftShader (no GPU) this takes ~12 s per decoded token: fewer tokens, one pass
    defaults: { nNew: 8, reps: 1 },
    label: 'transformers.js 3.8.1 (ORT-web 1.22 dev), ONNX fp32, WebGPU',
  },
  'tfjs-wasm': {
    module: './engines/transformers.js', model: ONNX_DIR, options: { device: 'wasm', threads: 1 },
    label: 'transformers.js 3.8.1 (ORT-web 1.22 dev), ONNX fp32, wasm 1 thread',
  },
  'tandem-webgpu': {
    module: './engines/tandem.js', model: '/models/bench/manifests/smollm2-135m-f32.json', options: { backend: 'webgpu' },
    label: 'Tandem, f32 safetensors, WebGPU',
  },
  'tandem-cpu': {
    module: './engines/tandem.js', model: '/models/bench/manifests/smollm2-135m-q8_0.json', options: { backend: 'cpu' },
    label: 'Tandem, Q8_0 GGUF, CPU wasm (1 thread)',
  },
  'tandem-cpu-cached': {
    module: './engines/tandem.js', model: '/models/bench/manifests/smollm2-135m-q8_0.json', options: { backend: 'cpu', cache: 'warm' },
    label: 'Tandem, Q8_0 GGUF, CPU wasm, files from Cache Storage', defaults: { nNew: 8, reps: 1 },
  },
  'tandem-cpu-f32': {
    module: './engines/tandem.js', model: '/models/bench/manifests/smollm2-135m-f32.json', options: { backend: 'cpu' },
    label: 'Tandem, f32 safetensors, CPU wasm (1 thread)',
  },
};
