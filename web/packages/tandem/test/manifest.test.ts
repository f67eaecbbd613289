import { describe, expect, it } from 'vitest';
import { allFiles, fileUrl, parseManifest, totalBytes } from '../src/manifest.js';
import { estimateMemory, gpuShapeProblem } from '../src/support.js';

const h = 'a'.repeat(64);
const ok = {
  id: 'x',
  format: 'safetensors',
  files: { config: { url: 'config.json', sha256: h, size: 10 }, weights: [{ url: 'w/model.safetensors', sha256: h, size: 1000 }] },
};

describe('parseManifest', () => {
  it('accepts a valid manifest and resolves URLs against its base', () => {
    const m = parseManifest(ok, 'https://example.org/models/x/manifest.json');
    expect(fileUrl(m, m.files.weights[0]!)).toBe('https://example.org/models/x/w/model.safetensors');
    expect(allFiles(m).map((f) => f.key)).toEqual(['config', 'weights']);
    expect(totalBytes(m)).toBe(1010);
  });

  it.each([
    [{ ...ok, id: '' }, /id/],
    [{ ...ok, format: 'onnx' }, /format/],
    [{ ...ok, files: { weights: [] } }, /weights/],
    [{ ...ok, files: { ...ok.files, weights: [{ url: 'a', sha256: 'XYZ', size: 1 }] } }, /sha256/],
    [{ ...ok, files: { ...ok.files, weights: [{ url: 'a', sha256: h, size: -1 }] } }, /size/],
    [{ ...ok, files: { weights: ok.files.weights } }, /config/],
    [{ ...ok, format: 'gguf', files: { weights: [ok.files.weights[0], ok.files.weights[0]] } }, /one weights file/],
    [null, /object/],
  ])('rejects %j', (m, msg) => {
    expect(() => parseManifest(m)).toThrow(msg);
    try {
      parseManifest(m);
    } catch (e) {
      expect((e as { kind: string }).kind).toBe('invalid_manifest');
    }
  });
});

describe('estimateMemory', () => {
  it('adds the KV cache from the config', () => {
    const m = parseManifest(ok, 'https://e/');
    const cfg = { num_hidden_layers: 30, num_attention_heads: 9, num_key_value_heads: 3, hidden_size: 576, max_position_embeddings: 8192 };
    const e = estimateMemory(m, cfg, 2048);
    expect(e.kvBytesPerToken).toBe(30 * 2 * 3 * 64 * 4);
    expect(e.contextTokens).toBe(2048);
    expect(e.totalBytes).toBeGreaterThan(e.kvBytesPerToken! * 2048);
    expect(estimateMemory(m, undefined).kvBytesPerToken).toBeUndefined();
  });
});

describe('gpuShapeProblem', () => {
  it('takes released shapes and padded widths, refuses what the GPU kernels cannot run', () => {
    const smollm2 = { num_attention_heads: 9, hidden_size: 576, intermediate_size: 1536 };
    expect(gpuShapeProblem(smollm2)).toBeUndefined();
    // MLP 200 and 4 × 18 = 72 are padded (models/tiny/llama-odd).
    expect(gpuShapeProblem({ num_attention_heads: 4, hidden_size: 64, intermediate_size: 200, head_dim: 18 })).toBeUndefined();
    expect(gpuShapeProblem({ num_attention_heads: 4, hidden_size: 100 })).toMatch(/multiple of 32/);
    expect(gpuShapeProblem({ num_attention_heads: 2, hidden_size: 64, head_dim: 33 })).toMatch(/head_dim 33/);
    expect(gpuShapeProblem({ num_attention_heads: 1, hidden_size: 512 })).toMatch(/head_dim 512/);
    expect(gpuShapeProblem({})).toBeUndefined();
  });
});
