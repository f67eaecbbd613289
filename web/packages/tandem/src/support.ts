/**
 * What this browser can do, before any model download: WebGPU (adapter, f16, subgroups, limits),
 * wasm SIMD (the CPU path needs it), Cache Storage, and for a given model an estimate of the
 * memory it needs and whether its tensors fit the adapter's bindings.
 */
import { ModelCache } from './cache.js';
import { defaultOpfs } from './opfs.js';
import { hasSharedWorker } from './spawn.js';
import { fileUrl, totalBytes as manifestBytes, type ModelManifest } from './manifest.js';
import { resolveManifest, type ModelSource } from './loader.js';

export interface GpuSupport {
  vendor: string;
  architecture: string;
  description: string;
  isFallbackAdapter: boolean;
  f16: boolean;
  subgroups: boolean;
  limits: {
    maxBufferSize: number;
    maxStorageBufferBindingSize: number;
    maxComputeWorkgroupStorageSize: number;
    maxComputeInvocationsPerWorkgroup: number;
  };
}

export interface MemoryEstimate {
  /** Bytes of the model files (what is downloaded and cached). */
  downloadBytes: number;
  /** Bytes of weights held by the engine. */
  weightBytes: number;
  /** KV cache bytes per token of context (f32 keys and values), when the config is known. */
  kvBytesPerToken?: number;
  /** Weights + KV cache at `contextTokens` + activations, roughly. */
  totalBytes: number;
  contextTokens: number;
  /** The device's memory in bytes as the browser reports it (navigator.deviceMemory), if any. */
  deviceMemoryBytes?: number;
}

export interface SupportReport {
  webgpu: boolean;
  gpu?: GpuSupport;
  /** Why WebGPU is not usable, when it is not. */
  webgpuReason?: string;
  wasmSimd: boolean;
  cacheStorage: boolean;
  /** The origin private file system can be written here (where model files then go). */
  opfs: boolean;
  /** SharedWorker exists (`createEngine({ shared: true })` shares one engine between tabs). */
  sharedWorker: boolean;
  crossOriginIsolated: boolean;
  /**
   * 'webgpu' when an adapter exists and (with `model`) the GPU engine takes the model's shape,
   * else 'cpu' (or 'none' without wasm SIMD).
   */
  recommendedBackend: 'webgpu' | 'cpu' | 'none';
  memory?: MemoryEstimate;
  /** With `model`: why the GPU engine cannot run it (the CPU engine can), when it cannot. */
  modelGpuReason?: string;
}

// (module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt))
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

export function hasWasmSimd(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

interface GpuLike {
  requestAdapter(opts?: unknown): Promise<AdapterLike | null>;
}
interface AdapterLike {
  features: { has(name: string): boolean };
  limits: Record<string, number>;
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

async function probeGpu(): Promise<{ gpu?: GpuSupport; reason?: string }> {
  const gpu = (globalThis.navigator as { gpu?: GpuLike } | undefined)?.gpu;
  if (!gpu) return { reason: 'navigator.gpu is missing (no WebGPU in this browser or context)' };
  let adapter: AdapterLike | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { reason: `requestAdapter failed: ${String(e)}` };
  }
  if (!adapter) return { reason: 'no WebGPU adapter' };
  const info = adapter.info ?? {};
  return {
    gpu: {
      vendor: info.vendor ?? '',
      architecture: info.architecture ?? '',
      description: info.description ?? '',
      isFallbackAdapter: info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false,
      f16: adapter.features.has('shader-f16'),
      subgroups: adapter.features.has('subgroups'),
      limits: {
        maxBufferSize: adapter.limits.maxBufferSize ?? 0,
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize ?? 0,
        maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize ?? 0,
        maxComputeInvocationsPerWorkgroup: adapter.limits.maxComputeInvocationsPerWorkgroup ?? 0,
      },
    },
  };
}

/** The model's size from its config.json (tiny compared with the weights). */
export interface ConfigShape {
  num_hidden_layers?: number;
  num_attention_heads?: number;
  num_key_value_heads?: number;
  hidden_size?: number;
  intermediate_size?: number;
  head_dim?: number;
  max_position_embeddings?: number;
}

export function estimateMemory(m: ModelManifest, config: ConfigShape | undefined, contextTokens = 4096): MemoryEstimate {
  const downloadBytes = manifestBytes(m);
  const weightBytes = m.files.weights.reduce((n, w) => n + w.size, 0);
  let kvBytesPerToken: number | undefined;
  let ctx = contextTokens;
  if (config?.num_hidden_layers && config.num_attention_heads && config.hidden_size) {
    const heads = config.num_attention_heads;
    const kvHeads = config.num_key_value_heads ?? heads;
    const headDim = config.head_dim ?? config.hidden_size / heads;
    kvBytesPerToken = config.num_hidden_layers * 2 * kvHeads * headDim * 4;
    if (config.max_position_embeddings) ctx = Math.min(ctx, config.max_position_embeddings);
  }
  // Activations and logits are small next to weights; 5 % + 16 MiB covers them.
  const totalBytes = Math.ceil(weightBytes * 1.05 + (kvBytesPerToken ?? 0) * ctx + 16 * 2 ** 20);
  const dm = (globalThis.navigator as { deviceMemory?: number } | undefined)?.deviceMemory;
  return {
    downloadBytes,
    weightBytes,
    kvBytesPerToken,
    totalBytes,
    contextTokens: ctx,
    deviceMemoryBytes: dm ? dm * 2 ** 30 : undefined,
  };
}

/**
 * Why the GPU engine cannot run a model of this shape, or undefined when it can. It pads other
 * widths (the MLP, heads × head_dim) but needs these two: the rule of tandem-gpu's `Dims::new`
 * (crates/tandem-gpu/src/model/buffers.rs), where loading such a model fails with kind
 * `gpu_unsupported`.
 */
export function gpuShapeProblem(config: ConfigShape): string | undefined {
  const { hidden_size: hidden, num_attention_heads: heads } = config;
  if (!hidden || !heads) return undefined;
  const headDim = config.head_dim ?? hidden / heads;
  if (hidden % 32 !== 0) return `hidden_size ${hidden} is not a multiple of 32`;
  if (!Number.isInteger(headDim) || headDim % 2 !== 0 || headDim > 256) {
    return `head_dim ${headDim}: the GPU kernels need an even value ≤ 256`;
  }
  return undefined;
}

export interface CheckSupportOptions {
  /** A model (manifest or its URL): adds a memory estimate (fetches only the manifest and config.json). */
  model?: ModelSource;
  contextTokens?: number;
  fetchFn?: typeof fetch;
}

export async function checkSupport(opts: CheckSupportOptions = {}): Promise<SupportReport> {
  const { gpu, reason } = await probeGpu();
  const wasmSimd = hasWasmSimd();
  const report: SupportReport = {
    webgpu: gpu !== undefined,
    gpu,
    webgpuReason: reason,
    wasmSimd,
    cacheStorage: typeof (globalThis as { caches?: unknown }).caches === 'object',
    opfs: defaultOpfs() !== undefined,
    sharedWorker: hasSharedWorker(),
    crossOriginIsolated: (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    recommendedBackend: gpu ? 'webgpu' : wasmSimd ? 'cpu' : 'none',
  };
  if (opts.model !== undefined) {
    const fetchFn = opts.fetchFn ?? fetch;
    const manifest = await resolveManifest(opts.model, new ModelCache(), fetchFn);
    let config: ConfigShape | undefined;
    if (manifest.files.config) {
      try {
        const res = await fetchFn(fileUrl(manifest, manifest.files.config));
        if (res.ok) config = (await res.json()) as ConfigShape;
      } catch {
        // Offline: the estimate goes without the KV cache.
      }
    }
    report.memory = estimateMemory(manifest, config, opts.contextTokens);
    const problem = config && gpuShapeProblem(config);
    if (problem) {
      report.modelGpuReason = problem;
      if (report.recommendedBackend === 'webgpu') report.recommendedBackend = wasmSimd ? 'cpu' : 'none';
    }
  }
  return report;
}
