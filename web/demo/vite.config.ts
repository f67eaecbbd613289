/**
 * The demo PWA's build: the app (src/), the package (resolved from the npm workspace, so its
 * worker and wasm are bundled as assets), the model pair's SMALL with its router copied into
 * dist/models/ (the same relative layout as the repository's models/, so the manifest's relative
 * URLs hold), and the service worker with the list of every file it must keep for offline use.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const ROOT = resolve(__dirname, '../..');
/** What the demo runs locally: the SMALL's manifest, and the files it names. */
const MANIFEST = 'models/manifests/pair-small.json';
const ROUTER = 'models/pair/router.json';
/** Prompts the router's score distribution (and the target-share threshold) is read from. */
const CALIB = 'models/pair/suite/calib.jsonl';
const CALIB_PROMPTS = 160;

function modelFiles(): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  const manifest = JSON.parse(readFileSync(resolve(ROOT, MANIFEST), 'utf8'));
  out[MANIFEST] = readFileSync(resolve(ROOT, MANIFEST));
  const files = manifest.files as Record<string, { url: string } | { url: string }[]>;
  for (const f of Object.values(files).flat()) {
    const rel = new URL(f.url, `file:///${MANIFEST}`).pathname.slice(1);
    out[rel] = readFileSync(resolve(ROOT, rel));
  }
  out[ROUTER] = readFileSync(resolve(ROOT, ROUTER));
  // Only the prompts, spread over the families (the split is in family order within levels).
  const lines = readFileSync(resolve(ROOT, CALIB), 'utf8').trim().split('\n');
  const step = Math.max(1, Math.floor(lines.length / CALIB_PROMPTS));
  const prompts = lines
    .filter((_, i) => i % step === 0)
    .slice(0, CALIB_PROMPTS)
    .map((l) => (JSON.parse(l) as { messages: { content: string }[] }).messages.at(-1)?.content ?? '');
  out['models/pair/calib-prompts.json'] = Buffer.from(JSON.stringify(prompts));
  return out;
}

/** Emits the model files and writes sw.js's precache list (every emitted file) and version. */
function pwa(): Plugin {
  return {
    name: 'tandem-demo-pwa',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [fileName, source] of Object.entries(modelFiles())) {
        this.emitFile({ type: 'asset', fileName, source });
      }
      // public/ is copied beside the bundle, not part of it.
      const publicFiles = readdirSync(resolve(__dirname, 'public'));
      const files = Object.keys(bundle).filter((f) => f !== 'sw.js' && !f.endsWith('.map'));
      for (const f of publicFiles) if (!files.includes(f)) files.push(f);
      const hash = createHash('sha256');
      for (const f of files.sort()) {
        const item = bundle[f];
        hash.update(f);
        if (item) hash.update(item.type === 'chunk' ? item.code : item.source);
        else hash.update(readFileSync(resolve(__dirname, 'public', f)));
      }
      const sw = readFileSync(resolve(__dirname, 'src/sw.js'), 'utf8')
        .replace('__PRECACHE__', JSON.stringify(['./', ...files]))
        .replace('__VERSION__', hash.digest('hex').slice(0, 12));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: sw });
    },
  };
}

export default defineConfig({
  root: __dirname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  worker: { format: 'es' },
  plugins: [pwa()],
  server: { fs: { allow: [ROOT] } },
});
