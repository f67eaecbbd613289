/** Shared set-up of the browser tests: the static server, Debian Chromium through
 * playwright-core, and the native CLI's greedy tokens to compare with. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
// @ts-expect-error: plain .mjs
import { startServer } from '../../web/scripts/serve.mjs';

export const ROOT = resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export interface Server {
  url: string;
  blocked: Set<string>;
  hits: { blocked: number; served: string[] };
  close(): Promise<void>;
}

export function serve(): Promise<Server> {
  return startServer({ root: ROOT });
}

const BASE_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A fresh Chromium profile (or `userDataDir`), with WebGPU (SwiftShader) or with it off. */
export async function launch(opts: { webgpu?: boolean; userDataDir?: string } = {}): Promise<BrowserContext> {
  const webgpu = opts.webgpu ?? true;
  const flags = webgpu ? [...BASE_FLAGS, '--enable-unsafe-webgpu'] : [...BASE_FLAGS, '--disable-webgpu', '--disable-features=WebGPU'];
  return chromium.launchPersistentContext(opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'tandem-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: flags,
  });
}

/** The blank test page with the package loaded as `window.tandem`. */
export async function openPage(ctx: BrowserContext, srv: Server): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.error(`[page ${m.type()}]`, m.text());
  });
  await page.goto(`${srv.url}/tests/browser/index.html`);
  await page.waitForFunction(() => (window as unknown as { tandemReady?: boolean }).tandemReady === true);
  return page;
}

export interface TestModel {
  manifest: string;
  /** What the CLI loads. */
  path: string;
  prompt: string;
}

export const MODELS: TestModel[] = [
  { manifest: 'license-llama', path: 'models/demo/license-llama', prompt: 'The Licensor grants You' },
  { manifest: 'llama-tiny', path: 'models/tiny/llama-tiny', prompt: 'Hello, world' },
  { manifest: 'qwen2-tiny', path: 'models/tiny/qwen2-tiny', prompt: 'Hello, world' },
  { manifest: 'llama-tiny-q8_0', path: 'models/tiny/llama-tiny/llama-tiny-q8_0.gguf', prompt: 'Hello, world' },
  { manifest: 'qwen2-tiny-q4_0', path: 'models/tiny/qwen2-tiny/qwen2-tiny-q4_0.gguf', prompt: 'Hello, world' },
];
export const MAX_TOKENS = 24;

export function cliPath(): string {
  if (process.env.TANDEM_CLI) return process.env.TANDEM_CLI;
  const target = process.env.CARGO_TARGET_DIR ?? join(homedir(), '.cache/tandem-target');
  for (const p of [join(target, 'debug/tandem'), join(target, 'release/tandem')]) if (existsSync(p)) return p;
  throw new Error(`the tandem CLI is not built in ${target} (cargo build -p tandem-cli)`);
}

/** Greedy ids of `tandem generate --chat` (stops at eos, as the engine does). */
export function cliIds(m: TestModel, backend: 'cpu' | 'gpu', maxTokens = MAX_TOKENS): number[] {
  const out = execFileSync(
    cliPath(),
    ['generate', '--model', join(ROOT, m.path), '--prompt', m.prompt, '--chat', '--max-new-tokens', String(maxTokens), '--backend', backend, '--json'],
    { encoding: 'utf8', env: { ...process.env, RAYON_NUM_THREADS: '1' } },
  );
  return JSON.parse(out).ids;
}

export const manifestUrl = (name: string) => `/models/manifests/${name}.json`;

/** A free loopback port (closed again: the caller binds it). */
export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (a && typeof a === 'object' ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

/** `tandem serve` of `model` (relative to the repo) on a free loopback port, CPU backend, with
 * one API key and CORS open to `origin`; resolves once /healthz answers. Kill `process` after. */
export async function startTandemServe(
  model: string,
  key: string,
  origin: string,
  extra: string[] = [],
): Promise<{ api: string; process: ChildProcess }> {
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const keys = join(mkdtempSync(join(tmpdir(), 'tandem-keys-')), 'keys');
  writeFileSync(keys, `${key}\n`);
  const proc = spawn(
    cliPath(),
    ['serve', '--model', join(ROOT, model), '--bind', `127.0.0.1:${port}`, '--backend', 'cpu',
      '--cors-origin', origin, '--api-keys-file', keys, ...extra],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${api}/healthz`)).ok) return { api, process: proc };
    } catch {
      if (i > 300) {
        proc.kill('SIGTERM');
        throw new Error('tandem serve did not start');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** The model pair when it is there (the demo model in its place otherwise): the SMALL's
 * manifest URL for the page, the LARGE's directory for `tandem serve`. */
export const PAIR =
  existsSync(join(ROOT, 'models/pair/large/model.safetensors')) && existsSync(join(ROOT, 'models/manifests/pair-small.json'));
export const PAIR_SMALL = manifestUrl(PAIR ? 'pair-small' : 'license-llama');
export const PAIR_LARGE = PAIR ? 'models/pair/large' : 'models/demo/license-llama';

/** A collaboration test's rig: the static server, `tandem serve` of the LARGE (model id
 * `large`, API key `key`, CORS open to the page) and a Chromium page. */
export interface PairRig {
  srv: Server;
  api: string;
  server: ChildProcess;
  ctx: BrowserContext;
  page: Page;
}

export async function pairRig(key: string, opts: { webgpu: boolean }): Promise<PairRig> {
  const srv = await serve();
  const { api, process: server } = await startTandemServe(PAIR_LARGE, key, srv.url, ['--model-id', 'large']);
  const ctx = await launch({ webgpu: opts.webgpu });
  const page = await openPage(ctx, srv);
  return { srv, api, server, ctx, page };
}

/** Unloads the page's `window.engine`, closes the browser, stops `tandem serve` and the static
 * server (whatever of them started). */
export async function closeRig(r: Partial<PairRig> | undefined): Promise<void> {
  await r?.page?.evaluate(() => (window as any).engine?.unload()).catch(() => {});
  await r?.ctx?.close();
  r?.server?.kill('SIGTERM');
  await r?.srv?.close();
}
