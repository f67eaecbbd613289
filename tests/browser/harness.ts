/** Shared set-up of the browser tests: the static server, Debian Chromium through
 * playwright-core, and the native CLI's greedy tokens to compare with. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
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
