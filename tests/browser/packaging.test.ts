// The npm package as a web developer gets it: `npm pack` of web/packages/tandem (built), its
// tarball's contents and licence, and the package README's quick start — its first ```js block,
// written unchanged as main.js — installed from the tarball (offline) and run in Chromium
// (a) in a fresh Vite project built by the workspace's Vite (the worker and the wasm as Vite
// emits them) and (b) in a plain page with an import map, no bundler. Both load the committed
// model the quick start names (the repository's models/ served at /models/) and stream the
// native CLI's greedy answer. Needs `npm run build` (dist/, wasm/) and the CLI, like the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { cliPath, launch, ROOT } from './harness.js';
// @ts-expect-error: plain .mjs
import { startServer } from '../../web/scripts/serve.mjs';

const PKG = join(ROOT, 'web/packages/tandem');
const FIXTURES = join(ROOT, 'tests/browser/packaging');
const VITE = join(ROOT, 'node_modules/.bin/vite');
/** sha256 of https://www.apache.org/licenses/LICENSE-2.0.txt */
const APACHE_2_SHA256 = 'cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30';

/** The README's install line and quick start (the first ```js block), and what the quick start
 * asks for: the manifest, the prompt and max_tokens (so the CLI can be asked the same). */
function quickStart() {
  const readme = readFileSync(join(PKG, 'README.md'), 'utf8');
  const code = /^```js\n([\s\S]*?)^```$/m.exec(readme)?.[1];
  if (!code) throw new Error('the package README has no ```js block (the quick start)');
  const model = /const model = '([^']+)'/.exec(code)?.[1];
  const prompt = /content: '([^']+)'/.exec(code)?.[1];
  const maxTokens = Number(/max_tokens: (\d+)/.exec(code)?.[1]);
  if (!model || !prompt || !maxTokens) throw new Error('the quick start no longer names its model, prompt and max_tokens as this test reads them');
  return { readme, code, model, prompt, maxTokens };
}

/** The environment for npm without what an enclosing `npm run` sets (workspace, prefix…). */
function npmEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
}

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, { cwd, encoding: 'utf8', env: npmEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The CLI's greedy chat answer to what the quick start asks (its model directory taken from the
 * manifest's config entry). */
function cliText(q: ReturnType<typeof quickStart>, backend: 'cpu' | 'gpu'): string {
  const manifestPath = join(ROOT, q.model.replace(/^\/models\//, 'models/'));
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const modelDir = dirname(resolve(dirname(manifestPath), manifest.files.config.url));
  const out = execFileSync(
    cliPath(),
    ['generate', '--model', modelDir, '--prompt', q.prompt, '--chat', '--max-new-tokens', String(q.maxTokens), '--backend', backend, '--json'],
    { encoding: 'utf8', env: { ...process.env, RAYON_NUM_THREADS: '1' } },
  );
  return JSON.parse(out).text;
}

interface Run {
  text: string;
  errors: string[];
  served: string[];
  workers: number;
}

/** Serves `root` (with the repository's models/ at /models/), opens it, and waits until the
 * quick start has finished: its engine's worker came and went (`engine.unload()`). */
async function runQuickStart(ctx: BrowserContext, root: string): Promise<Run> {
  symlinkSync(join(ROOT, 'models'), join(root, 'models'), 'dir');
  const srv = await startServer({ root });
  const page = await ctx.newPage();
  const errors: string[] = [];
  let started = 0;
  let closed = 0;
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('worker', (w) => {
    started++;
    w.on('close', () => closed++);
  });
  try {
    await page.goto(`${srv.url}/`);
    const deadline = Date.now() + 150_000;
    while (!(started > 0 && closed === started) && errors.length === 0) {
      if (Date.now() > deadline) throw new Error(`the quick start did not finish: ${await page.textContent('body')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { text: (await page.textContent('pre')) ?? '', errors, served: [...srv.hits.served], workers: started };
  } finally {
    await page.close();
    await srv.close();
  }
}

let tmp: string;
let tarball: string;
/** The tarball, extracted (its `package/`). */
let unpacked: string;
let packed: { path: string; size: number }[];
let q: ReturnType<typeof quickStart>;

beforeAll(() => {
  for (const f of ['dist/index.js', 'dist/worker.js', 'wasm/tandem_wasm_bg.wasm']) {
    if (!existsSync(join(PKG, f))) throw new Error(`web/packages/tandem/${f} is not built (npm run build)`);
  }
  q = quickStart();
  tmp = mkdtempSync(join(tmpdir(), 'tandem-packaging-'));
  const out = npm(['pack', '--json', '--pack-destination', tmp], PKG);
  const [info] = JSON.parse(out.slice(out.indexOf('[')));
  tarball = join(tmp, info.filename);
  packed = info.files;
  mkdirSync(join(tmp, 'extracted'));
  execFileSync('tar', ['-xzf', tarball, '-C', join(tmp, 'extracted')]);
  unpacked = join(tmp, 'extracted/package');
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed tarball', () => {
  it('holds LICENSE, README.md, package.json, dist/ (ES modules, .d.ts, maps) and wasm/: nothing else', () => {
    const paths = packed.map((f) => f.path).sort();
    const allowed = /^(LICENSE|README\.md|package\.json|dist\/[\w/-]+\.(js|d\.ts|js\.map)|wasm\/tandem_wasm(\.js|\.d\.ts|_bg\.wasm))$/;
    expect(paths.filter((p) => !allowed.test(p))).toEqual([]);
    for (const p of ['LICENSE', 'README.md', 'package.json', 'dist/index.js', 'dist/index.d.ts', 'dist/worker.js', 'dist/worker.d.ts',
      'wasm/tandem_wasm.js', 'wasm/tandem_wasm.d.ts', 'wasm/tandem_wasm_bg.wasm']) {
      expect(paths).toContain(p);
    }
    // Every module has its declarations; no sources or tests.
    for (const js of paths.filter((p) => /^dist\/.*\.js$/.test(p))) expect(paths).toContain(js.replace(/\.js$/, '.d.ts'));
    expect(paths.filter((p) => /(^|\/)(src|test|tests|fuzz|scripts)\/|\.test\.|(?<!\.d)\.ts$/.test(p))).toEqual([]);
    expect(packed.find((f) => f.path === 'wasm/tandem_wasm_bg.wasm')!.size).toBeGreaterThan(100_000);
  });

  it('every exports target and every relative import of its modules is in it', () => {
    const paths = new Set(packed.map((f) => f.path));
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
    const targets = Object.values(manifest.exports as Record<string, string | Record<string, string>>).flatMap((t) =>
      typeof t === 'string' ? [t] : Object.values(t),
    );
    for (const t of [...targets, manifest.types]) expect(paths, t).toContain(posix.normalize(t));
    for (const p of [...paths].filter((p) => p.endsWith('.js'))) {
      const src = readFileSync(join(unpacked, p), 'utf8');
      const imports = src.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[\w./-]+)['"]/g);
      const urls = src.matchAll(/new URL\(\s*['"]((?:\.{1,2}\/)?[\w./-]+)['"],\s*import\.meta\.url\s*\)/g);
      const specs = [...imports, ...urls].map((m) => m[1]!);
      for (const s of specs) expect(paths, `${p} imports ${s}`).toContain(posix.join(posix.dirname(p), s));
    }
    expect(manifest.dependencies ?? {}).toEqual({});
  });

  it('carries the Apache License 2.0 its manifests declare, the same text as the repository\'s LICENSE', () => {
    const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));
    expect(manifest.license).toBe('Apache-2.0');
    expect(readFileSync(join(ROOT, 'Cargo.toml'), 'utf8')).toMatch(/^license = "Apache-2\.0"$/m);
    const license = readFileSync(join(ROOT, 'LICENSE'));
    expect(createHash('sha256').update(license).digest('hex')).toBe(APACHE_2_SHA256);
    expect(license.toString('utf8')).toMatch(/^\s+Apache License\n\s+Version 2\.0, January 2004\n/);
    expect(license.toString('utf8')).toContain('APPENDIX: How to apply the Apache License to your work.');
    expect(readFileSync(join(unpacked, 'LICENSE')).equals(license)).toBe(true);
  });
});

describe('the README quick start, installed from the tarball', () => {
  let ctx: BrowserContext | undefined;
  afterAll(async () => ctx?.close());

  it('the README says how to install it and the quick start is a plain ES module', () => {
    expect(q.readme).toContain('npm install @tandem-llm/tandem');
    expect(q.code).toMatch(/^import \{ [^}]+ \} from '@tandem-llm\/tandem';$/m);
    expect(q.code).toMatch(/checkSupport\(/);
    expect(q.code).toMatch(/onProgress/);
    expect(q.code).toMatch(/stream: true/);
  });

  it('(a) a fresh Vite project: vite build, then it streams the CLI\'s greedy answer (WebGPU)', async () => {
    const app = join(tmp, 'vite-app');
    cpSync(join(FIXTURES, 'vite'), app, { recursive: true });
    writeFileSync(join(app, 'main.js'), q.code);
    npm(['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
    const vite = spawnSync(VITE, ['build', app, '--logLevel', 'warn'], { cwd: app, encoding: 'utf8' });
    const log = `${vite.stdout}${vite.stderr}`.trim();
    if (log) console.warn(`[vite build]\n${log}`); // warnings, e.g. about the worker or the wasm URL
    expect(vite.status, log).toBe(0);
    const assets = readdirSync(join(app, 'dist/assets'));
    expect(assets.filter((f) => f.endsWith('.wasm'))).toHaveLength(1);
    expect(assets.some((f) => /^worker-.*\.js$/.test(f))).toBe(true);

    ctx = await launch({ webgpu: true });
    const r = await runQuickStart(ctx, join(app, 'dist'));
    expect(r.errors).toEqual([]);
    expect(r.workers).toBe(1);
    expect(r.served.some((p) => /^\/assets\/tandem_wasm_bg-[\w-]+\.wasm$/.test(p))).toBe(true);
    expect(r.served.some((p) => /^\/assets\/worker-[\w-]+\.js$/.test(p))).toBe(true);
    expect(r.served.filter((p) => p.includes('node_modules'))).toEqual([]);
    expect(r.text.length).toBeGreaterThan(0);
    expect(r.text).toBe(cliText(q, 'gpu'));
    await ctx.close();
    ctx = undefined;
  });

  it('(b) a plain page with an import map, no bundler: it streams the CLI\'s greedy answer (CPU, WebGPU off)', async () => {
    const app = join(tmp, 'importmap-app');
    cpSync(join(FIXTURES, 'importmap'), app, { recursive: true });
    writeFileSync(join(app, 'main.js'), q.code);
    npm(['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);

    ctx = await launch({ webgpu: false });
    const r = await runQuickStart(ctx, app);
    expect(r.errors).toEqual([]);
    expect(r.workers).toBe(1);
    expect(r.served).toContain('/node_modules/@tandem-llm/tandem/dist/worker.js');
    expect(r.served).toContain('/node_modules/@tandem-llm/tandem/wasm/tandem_wasm_bg.wasm');
    expect(r.text.length).toBeGreaterThan(0);
    expect(r.text).toBe(cliText(q, 'cpu'));
  });
});
