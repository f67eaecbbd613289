#!/usr/bin/env node
// Writes models/manifests/*.json: each committed model's files with sha256 and size, URLs
// relative to the manifest (what @tandem-llm/tandem loads and caches). Rerun after changing a
// model; tests/unit/manifests.test.ts fails when a manifest is stale.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const MODELS = [
  { id: 'license-llama', dir: 'demo/license-llama', format: 'safetensors', description: 'the demo model: 0.33 M-parameter Llama trained on license texts (f16)' },
  { id: 'llama-tiny', dir: 'tiny/llama-tiny', format: 'safetensors', description: 'random test Llama (f32)' },
  { id: 'qwen2-tiny', dir: 'tiny/qwen2-tiny', format: 'safetensors', description: 'random test Qwen2 (f32)' },
  { id: 'llama-tiny-q8_0', dir: 'tiny/llama-tiny', format: 'gguf', weights: 'llama-tiny-q8_0.gguf', description: 'random test Llama, GGUF Q8_0' },
  { id: 'qwen2-tiny-q4_0', dir: 'tiny/qwen2-tiny', format: 'gguf', weights: 'qwen2-tiny-q4_0.gguf', description: 'random test Qwen2, GGUF Q4_0' },
  // The collaboration pair (models/train_pair.py): `trained` models are written once training has
  // produced them (until then they are skipped, and so is their check in tests/unit/manifests.test.ts).
  { id: 'pair-small', dir: 'pair/small', format: 'safetensors', trained: true, description: 'the pair\'s SMALL chat model (browser side): Llama, hidden 96, 3 layers, 0.35 M parameters, trained on the task suite (f16)' },
  // The SMALL after a round of distillation from the LARGE's logged answers (models/distill.py, issue 17).
  { id: 'pair-small-distilled', dir: 'pair/small-distilled', format: 'safetensors', trained: true, description: 'the pair\'s SMALL after one round of distillation from the LARGE\'s logged answers (models/distill.py): same shape and tokenizer (f16)' },
  // Distillation's second round (models/pair/distill_round.sh no-units): a SMALL that never saw the
  // `units` family, and the same after one round on the LARGE's logged answers.
  { id: 'pair-small-no-units', dir: 'pair/small-no-units', format: 'safetensors', trained: true, description: 'the pair\'s SMALL trained without the units family (models/train_pair.py --without units): the start of the no-units distillation round (f16)' },
  { id: 'pair-small-no-units-distilled', dir: 'pair/small-no-units-distilled', format: 'safetensors', trained: true, description: 'pair-small-no-units after one round of distillation from the LARGE\'s logged answers (models/distill.py): same shape and tokenizer (f16)' },
  { id: 'pair-large', dir: 'pair/large', format: 'safetensors', trained: true, description: 'the pair\'s LARGE chat model (server side): Llama, hidden 128, 5 layers, 1.05 M parameters, trained on the task suite (f16)' },
];

// The benchmark model (models/make_bench_model.py; not committed): `--bench` writes its
// manifests into models/bench/manifests/.
export const BENCH = [
  { id: 'smollm2-135m-f32', dir: 'bench/smollm2-135m', format: 'safetensors', description: 'SmolLM2-135M shapes, random weights, f32' },
  { id: 'smollm2-135m-q8_0', dir: 'bench/smollm2-135m', format: 'gguf', weights: 'model-q8_0.gguf', description: 'SmolLM2-135M shapes, random weights, GGUF Q8_0' },
  { id: 'smollm2-135m-f32-gguf', dir: 'bench/smollm2-135m', format: 'gguf', weights: 'model-f32.gguf', description: 'SmolLM2-135M shapes, random weights, GGUF f32' },
];

let out = join(here, 'manifests');

function entry(path) {
  const bytes = readFileSync(path);
  return {
    url: relative(out, path).split('\\').join('/'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    size: bytes.length,
  };
}

/** Whether the model's files are there (a `trained` model may not be yet). */
export function modelExists(m) {
  return existsSync(join(here, m.dir, m.weights ?? 'model.safetensors'));
}

export function manifestFor(m) {
  const d = join(here, m.dir);
  const files = {};
  const optional = { tokenizer: 'tokenizer.json', tokenizerConfig: 'tokenizer_config.json', generationConfig: 'generation_config.json' };
  if (m.format === 'safetensors') files.config = entry(join(d, 'config.json'));
  for (const [k, name] of Object.entries(optional)) {
    // A GGUF carries its config, chat template and eos ids; only tokenizer.json goes beside it.
    if (m.format === 'gguf' && k !== 'tokenizer') continue;
    if (existsSync(join(d, name))) files[k] = entry(join(d, name));
  }
  files.weights = [entry(join(d, m.weights ?? 'model.safetensors'))];
  return { id: m.id, format: m.format, description: m.description, files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const bench = process.argv.includes('--bench');
  if (bench) {
    out = join(here, 'bench/manifests');
    mkdirSync(out, { recursive: true });
  }
  for (const m of bench ? BENCH : MODELS) {
    const path = join(out, `${m.id}.json`);
    if (m.trained && !modelExists(m)) {
      console.log(`skipped ${m.id}: ${m.dir} is not trained yet`);
      continue;
    }
    writeFileSync(path, JSON.stringify(manifestFor(m), null, 2) + '\n');
    console.log(`wrote ${relative(process.cwd(), path)}`);
  }
}
