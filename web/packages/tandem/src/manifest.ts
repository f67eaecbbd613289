/**
 * A model manifest names every file of a model with its URL, sha256 and size, so a download can
 * be checked and cached. URLs are resolved against the manifest's own URL.
 *
 * ```json
 * { "id": "license-llama", "format": "safetensors",
 *   "files": { "config": { "url": "config.json", "sha256": "…", "size": 716 },
 *              "tokenizer": {…}, "tokenizerConfig": {…}, "generationConfig": {…},
 *              "weights": [{ "url": "model.safetensors", "sha256": "…", "size": 674032 }] } }
 * ```
 */
import { TandemError } from './errors.js';

export type ModelFormat = 'safetensors' | 'gguf';

export interface ManifestFile {
  url: string;
  /** Lower-case hex SHA-256 of the file. */
  sha256: string;
  size: number;
}

export interface ModelManifest {
  id: string;
  format: ModelFormat;
  files: {
    config?: ManifestFile;
    tokenizer?: ManifestFile;
    tokenizerConfig?: ManifestFile;
    generationConfig?: ManifestFile;
    weights: ManifestFile[];
  };
  /** Where relative URLs resolve from (set when the manifest was fetched from a URL). */
  baseUrl?: string;
  /** Free-form description shown by apps. */
  description?: string;
}

export const TEXT_FILES = ['config', 'tokenizer', 'tokenizerConfig', 'generationConfig'] as const;
export type TextFileKey = (typeof TEXT_FILES)[number];

const HEX64 = /^[0-9a-f]{64}$/;

function bad(msg: string): TandemError {
  return new TandemError('invalid_manifest', msg);
}

function checkFile(f: unknown, where: string): ManifestFile {
  if (!f || typeof f !== 'object') throw bad(`${where} must be an object {url, sha256, size}`);
  const o = f as Record<string, unknown>;
  if (typeof o.url !== 'string' || o.url === '') throw bad(`${where}.url must be a non-empty string`);
  if (typeof o.sha256 !== 'string' || !HEX64.test(o.sha256)) {
    throw bad(`${where}.sha256 must be 64 lower-case hex digits`);
  }
  if (typeof o.size !== 'number' || !Number.isSafeInteger(o.size) || o.size < 0) {
    throw bad(`${where}.size must be a non-negative integer`);
  }
  return { url: o.url, sha256: o.sha256, size: o.size };
}

/** Checks a parsed manifest and returns it typed (with `baseUrl` when given). */
export function parseManifest(json: unknown, baseUrl?: string): ModelManifest {
  if (!json || typeof json !== 'object') throw bad('the manifest must be a JSON object');
  const o = json as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id === '') throw bad('id must be a non-empty string');
  if (o.format !== 'safetensors' && o.format !== 'gguf') {
    throw bad(`format must be "safetensors" or "gguf", not ${JSON.stringify(o.format)}`);
  }
  const files = o.files as Record<string, unknown> | undefined;
  if (!files || typeof files !== 'object') throw bad('files must be an object');
  if (!Array.isArray(files.weights) || files.weights.length === 0) {
    throw bad('files.weights must be a non-empty array');
  }
  const out: ModelManifest = {
    id: o.id,
    format: o.format,
    files: { weights: files.weights.map((w, i) => checkFile(w, `files.weights[${i}]`)) },
  };
  for (const k of TEXT_FILES) {
    if (files[k] !== undefined) out.files[k] = checkFile(files[k], `files.${k}`);
  }
  if (out.format === 'safetensors' && !out.files.config) {
    throw bad('a safetensors model needs files.config (config.json)');
  }
  if (out.format === 'gguf' && out.files.weights.length !== 1) {
    throw bad('a GGUF model is one weights file');
  }
  if (typeof o.description === 'string') out.description = o.description;
  const base = baseUrl ?? (typeof o.baseUrl === 'string' ? o.baseUrl : undefined);
  if (base !== undefined) out.baseUrl = base;
  return out;
}

/** Absolute URL of a manifest file. */
export function fileUrl(m: ModelManifest, f: ManifestFile): string {
  try {
    return new URL(f.url, m.baseUrl ?? globalThis.location?.href).href;
  } catch {
    throw bad(`cannot resolve URL ${JSON.stringify(f.url)} (no baseUrl)`);
  }
}

/** Every file of the manifest with its role. */
export function allFiles(m: ModelManifest): { key: TextFileKey | 'weights'; file: ManifestFile }[] {
  const out: { key: TextFileKey | 'weights'; file: ManifestFile }[] = [];
  for (const k of TEXT_FILES) {
    const f = m.files[k];
    if (f) out.push({ key: k, file: f });
  }
  for (const w of m.files.weights) out.push({ key: 'weights', file: w });
  return out;
}

export function totalBytes(m: ModelManifest): number {
  return allFiles(m).reduce((n, f) => n + f.file.size, 0);
}

/** Fetches and checks a manifest. */
export async function fetchManifest(url: string, fetchFn: typeof fetch = fetch): Promise<ModelManifest> {
  const abs = new URL(url, globalThis.location?.href).href;
  let res: Response;
  try {
    res = await fetchFn(abs);
  } catch (e) {
    throw new TandemError('network', `cannot fetch the manifest ${abs}: ${String(e)}`, { cause: e });
  }
  if (!res.ok) throw new TandemError('network', `manifest ${abs}: HTTP ${res.status}`);
  let json: unknown;
  try {
    json = await res.json();
  } catch (e) {
    throw bad(`manifest ${abs} is not JSON: ${String(e)}`);
  }
  return parseManifest(json, abs);
}
