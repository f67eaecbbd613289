// The demo PWA (web/demo, built into web/demo/dist) in Debian Chromium against a real `tandem
// serve` of the pair's LARGE: (1) checkSupport is shown before any download, the manifest is
// valid and the service worker takes control; (2) a message in each of the seven policies shows
// its route badge and reason, and the dashboard counts it; the privacy receipt shows exactly what
// was sent; the target share and the simulated network (metered, added round trip) change
// routes and latency; (3) feedback changes a later route (policy `route`: "bad answer" on a local answer
// until the same prompt goes to the server); (4) with the network off (`context.setOffline`) a
// reload still loads the app and answers locally, "ask the server too" is queued (across another
// reload) and replayed once the network is back, beside the local answer; (5) at 390 px wide
// nothing overflows; (6) the main flow works from the keyboard alone; (7) two tabs share one engine, and one whose
// worker died restarts at the next message; (8) no console errors.
// TANDEM_SCREENSHOTS=1 also writes docs/screenshots/demo-{desktop,390}-{light,dark}.png.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain .mjs
import { startServer } from '../../web/scripts/serve.mjs';
import { launch, ROOT, startTandemServe, type Server } from './harness.js';

const DIST = join(ROOT, 'web/demo/dist');
const KEY = 'sk-demo-test';
const POLICIES = ['local', 'server', 'route', 'cascade', 'speculative', 'token-defer', 'fusion'] as const;
/** The badges each policy may show (the route depends on the prompt's scores). */
const BADGES: Record<(typeof POLICIES)[number], string[]> = {
  local: ['local'],
  server: ['server'],
  route: ['local', 'server'],
  cascade: ['local', 'cascade-escalated'],
  speculative: ['speculative'],
  'token-defer': ['token-defer', 'local'],
  fusion: ['fusion'],
};

let srv: Server;
let api: string;
let server: ChildProcess;
let ctx: BrowserContext;
let page: Page;
let url: string;
const errors: string[] = [];

function watch(p: Page): void {
  p.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
}

async function ready(p: Page): Promise<void> {
  try {
    await p.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
  } catch (e) {
    const state = await p.evaluate(() => ['support', 'cache-state', 'load-status'].map((id) => document.getElementById(id)?.textContent));
    throw new Error(`the demo did not become ready: ${JSON.stringify(state)}; errors ${JSON.stringify(errors)}`, { cause: e });
  }
  await p.waitForFunction(() => !(document.getElementById('send') as HTMLButtonElement).disabled);
}

/** Sends `prompt` with the composer and returns the new turn's badge and reason. */
async function ask(p: Page, prompt: string): Promise<{ badge: string; reason: string; text: string }> {
  const before = await p.locator('#messages > li').count();
  await p.fill('#prompt', prompt);
  await p.press('#prompt', 'Enter');
  const turn = p.locator('#messages > li').nth(before);
  await turn.locator('article.bot[data-route]').first().waitFor({ timeout: 120_000 });
  await p.waitForFunction(() => document.body.dataset.busy === 'false');
  const bot = turn.locator('article.bot').first();
  return {
    badge: (await bot.getAttribute('data-route')) ?? '',
    reason: (await bot.locator('.reason').textContent()) ?? '',
    text: (await bot.locator('.text').textContent()) ?? '',
  };
}

async function setPolicy(p: Page, policy: string): Promise<void> {
  await p.selectOption('#policy', policy);
}

/** Light and dark; the whole page, or the viewport with the message box in view. */
async function shoot(p: Page, name: string, fullPage: boolean): Promise<void> {
  if (process.env.TANDEM_SCREENSHOTS !== '1') return;
  const dir = join(ROOT, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await p.emulateMedia({ colorScheme: scheme });
    if (!fullPage) await p.locator('#composer').scrollIntoViewIfNeeded();
    await p.screenshot({ path: join(dir, `demo-${name}-${scheme}.png`), fullPage });
  }
  await p.emulateMedia({ colorScheme: null });
}

beforeAll(async () => {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('web/demo/dist is not built (node_modules/.bin/vite build web/demo)');
  srv = await startServer({ root: DIST });
  ({ api, process: server } = await startTandemServe('models/pair/large', KEY, srv.url, ['--model-id', 'large']));
  // The CPU engine (the GPU path has its own tests; SwiftShader would only slow this one down).
  ctx = await launch({ webgpu: false });
  page = await ctx.newPage();
  watch(page);
  url = `${srv.url}/?server=${encodeURIComponent(`${api}/v1`)}&key=${KEY}&model=large`;
}, 120_000);

afterAll(async () => {
  await ctx?.close();
  server?.kill('SIGTERM');
  await srv?.close();
});

describe('the demo PWA', () => {
  it('shows checkSupport before any download; valid manifest; the service worker controls the page', async () => {
    await page.goto(url);
    await page.waitForFunction(
      () => !document.getElementById('support')!.textContent!.startsWith('Checking') && document.getElementById('cache-state')!.textContent !== '',
    );
    const support = await page.textContent('#support');
    expect(support).toMatch(/wasm SIMD yes/);
    expect(support).toMatch(/download/);
    // Nothing is downloaded until the button is pressed.
    expect(await page.textContent('#cache-state')).toMatch(/not cached/);
    expect(await page.locator('#load').isDisabled()).toBe(false);
    expect(await page.evaluate(() => document.body.dataset.ready)).toBeUndefined();

    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      const res = await fetch(link.href);
      return { type: res.headers.get('content-type'), json: await res.json() };
    });
    expect(manifest.type).toMatch(/application\/manifest\+json/);
    expect(manifest.json).toMatchObject({ name: expect.any(String), short_name: 'Tandem', start_url: './', display: 'standalone' });
    const sizes = (manifest.json.icons as { sizes: string; type: string }[]).map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.json.icons as { src: string }[]) {
      expect(await page.evaluate(async (src) => (await fetch(src)).ok, icon.src)).toBe(true);
    }
    const sw = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready; // active: activating or activated
      const w = reg.active!;
      if (w.state !== 'activated') await new Promise((r) => w.addEventListener('statechange', () => w.state === 'activated' && r(null)));
      if (!navigator.serviceWorker.controller) await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      return { state: w.state, scope: reg.scope, controlled: !!navigator.serviceWorker.controller };
    });
    expect(sw.controlled).toBe(true);
    expect(sw.state).toBe('activated');
    expect(sw.scope).toBe(`${srv.url}/`);

    await page.click('#load');
    await ready(page);
    console.log('demo first load:', await page.textContent('#load-status'));
    expect(await page.evaluate(() => (document.getElementById('progress') as HTMLProgressElement).value)).toBe(1);
    await page.waitForFunction(() => /is cached/.test(document.getElementById('cache-state')!.textContent ?? ''));
  });

  it('answers in every policy with its route badge, reason and dashboard figures', async () => {
    await page.click('#reset-stats');
    const seen: Record<string, string> = {};
    for (const [i, policy] of POLICIES.entries()) {
      await setPolicy(page, policy);
      const r = await ask(page, 'Compute 8*2+7.');
      seen[policy] = r.badge;
      expect(BADGES[policy], `${policy}: badge ${r.badge} (${r.reason})`).toContain(r.badge);
      expect(r.reason.length).toBeGreaterThan(3);
      expect(r.text.length).toBeGreaterThan(0);
      expect(await page.textContent('#fig-local')).toMatch(new RegExp(`of ${i + 1}$`));
    }
    console.log('demo badges:', JSON.stringify(seen));
    // The figures docs/BENCHMARKS.md quotes (issue 18): one prompt, every policy, one page.
    console.log('demo latency per route:', await page.locator('#chart-latency svg').getAttribute('aria-label'));
    console.log('demo tokens local / server:', await page.textContent('#fig-tokens'), '; speculative:', await page.textContent('#fig-accept'));
    // The route chart has one bar label per badge and the counts add up.
    const label = await page.locator('#chart-routes svg').getAttribute('aria-label');
    const total = [...(label ?? '').matchAll(/: (\d+)/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(total).toBe(POLICIES.length);
    expect(await page.textContent('#fig-tokens')).toMatch(/^\d+ \/ \d+$/);
    expect(await page.textContent('#fig-accept')).toMatch(/%/); // speculative drafted tokens
    expect(await page.locator('#chart-latency svg rect').count()).toBeGreaterThan(1);
    expect(await page.locator('#chart-scores svg rect.base').count()).toBeGreaterThan(3);
    if (process.env.TANDEM_SCREENSHOTS === '1') {
      // The first (local) answer with the server's beside it, for the picture.
      const first = page.locator('#messages > li').first();
      await first.locator('button.ask').click();
      await first.locator('article.server-too[data-state="done"]').waitFor();
      await shoot(page, 'desktop', true);
    }
  });

  it('shows the privacy receipt: what was sent, with placeholders for personal data', async () => {
    await setPolicy(page, 'server');
    await page.selectOption('#privacy', 'redact');
    const r = await ask(page, 'Email ada@example.com: compute 4*9.');
    expect(r.badge).toBe('server');
    const last = page.locator('#messages > li').last();
    await last.locator('details.receipt summary').first().click();
    const receipt = (await last.locator('details.receipt pre').first().textContent()) ?? '';
    expect(receipt).toMatch(/Sent to the server/);
    expect(receipt).not.toContain('ada@example.com');
    expect(receipt).toMatch(/= email/);
  });

  it('feedback on a local answer changes a later route (policy route)', async () => {
    await setPolicy(page, 'route');
    // A prompt the router keeps local, then "bad answer" on each local answer until it moves.
    let prompt = '';
    for (const p of ['Compute 8*2+7.', 'Compute 3+4.', 'Reverse the word lamp.', 'Which city is Vulere from?', 'Compute 9*9.']) {
      if ((await ask(page, p)).badge === 'local') {
        prompt = p;
        break;
      }
    }
    expect(prompt, 'no prompt routed local').not.toBe('');
    let moved = false;
    for (let i = 0; i < 8 && !moved; i++) {
      const last = page.locator('#messages > li').last();
      await last.locator('button.fb.down').click();
      await last.locator('.fb-note').waitFor();
      const note = (await last.locator('.fb-note').textContent()) ?? '';
      console.log(`feedback ${i + 1}: ${note}`);
      expect(note).toMatch(/router learned: wants the server/);
      moved = (await ask(page, prompt)).badge === 'server';
    }
    expect(moved).toBe(true);
    await page.click('#reset-router');
    expect((await ask(page, prompt)).badge).toBe('local');
  });

  it('the target server share moves the router threshold', async () => {
    await setPolicy(page, 'route');
    const setShare = (v: number) =>
      page.evaluate((v) => {
        const r = document.getElementById('share') as HTMLInputElement;
        r.value = String(v);
        r.dispatchEvent(new Event('change'));
      }, v);
    await setShare(1);
    await page.waitForFunction(() => /threshold 0\.0/.test(document.getElementById('threshold-note')!.textContent ?? ''));
    expect((await ask(page, 'Compute 3+4.')).badge).toBe('server');
    await setShare(0);
    await page.waitForFunction(() => /threshold 1\.0/.test(document.getElementById('threshold-note')!.textContent ?? ''));
    expect((await ask(page, 'Compute 3+4.')).badge).toBe('local');
    await setShare(0.5);
  });

  it('the simulated network: metered keeps a routed request local; an added round trip delays the server', async () => {
    await setPolicy(page, 'route');
    await page.evaluate(() => {
      const r = document.getElementById('share') as HTMLInputElement;
      r.value = '1'; // every routed request wants the server…
      r.dispatchEvent(new Event('change'));
    });
    await page.waitForFunction(() => /threshold 0\.0/.test(document.getElementById('threshold-note')!.textContent ?? ''));
    await page.check('#sim-metered');
    const metered = await ask(page, 'Compute 3+4.');
    expect([metered.badge, metered.reason]).toEqual(['local', 'metered network']); // …but not on a metered link
    await page.uncheck('#sim-metered');
    expect((await ask(page, 'Compute 3+4.')).badge).toBe('server');
    await setPolicy(page, 'server');
    await page.fill('#sim-rtt', '400');
    await page.press('#sim-rtt', 'Tab'); // change
    await ask(page, 'Compute 3+4.');
    const figures = (await page.locator('#messages > li').last().locator('.figures').first().textContent()) ?? '';
    expect(Number(figures.match(/^(\d+) ms/)?.[1])).toBeGreaterThanOrEqual(400);
    await page.fill('#sim-rtt', '0');
    await page.press('#sim-rtt', 'Tab');
  });

  it('offline: reloads, answers locally, queues "ask the server too" and replays it online', async () => {
    await setPolicy(page, 'server');
    await ctx.setOffline(true);
    await page.reload();
    await ready(page);
    expect(await page.textContent('#net-state')).toMatch(/offline/);
    const r = await ask(page, 'Compute 6*7.');
    expect(r.badge).toBe('local');
    expect(r.reason).toMatch(/offline/i);
    const turn = page.locator('#messages > li').last();
    await turn.locator('button.ask').click();
    await turn.locator('article.server-too[data-state="queued"]').waitFor();
    // The queue survives a reload (still offline).
    await page.reload();
    await ready(page);
    await page.locator('#messages > li').last().locator('article.server-too[data-state="queued"]').waitFor();
    expect(await page.textContent('#queue-state')).toMatch(/1 "ask the server too" queued/);
    await ctx.setOffline(false);
    const done = page.locator('#messages > li').last().locator('article.server-too[data-state="done"]');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.getAttribute('data-route')).toBe('server');
    expect(((await done.locator('.text').textContent()) ?? '').length).toBeGreaterThan(0);
    expect(await page.textContent('#queue-state')).toBe('');
  });

  it('is usable at 390 px wide', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await ready(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(390);
    for (const sel of ['#prompt', '#send', '#policy']) {
      const box = await page.locator(sel).boundingBox();
      expect(box, sel).not.toBeNull();
      expect(box!.x + box!.width, sel).toBeLessThanOrEqual(390);
    }
    await setPolicy(page, 'local');
    expect((await ask(page, 'Compute 2+2.')).badge).toBe('local');
    await shoot(page, '390', false);
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('works from the keyboard alone: type, send, ask the server too', async () => {
    await setPolicy(page, 'local'); // kept in the settings across the reload
    await page.reload();
    // From the top of the page: the first Tab reaches "skip to the message box".
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('skip'))).toBe(true);
    await ready(page);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('prompt');
    const before = await page.locator('#messages > li').count();
    await page.keyboard.type('Compute 5*5.');
    await page.keyboard.press('Enter');
    const turn = page.locator('#messages > li').nth(before);
    await turn.locator('article.bot[data-route="local"]').waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.body.dataset.busy === 'false');
    // Back from the message box (Shift+Tab) to the new answer's "Ask the server too".
    await page.focus('#prompt');
    let onAsk = false;
    for (let i = 0; i < 8 && !onAsk; i++) {
      await page.keyboard.press('Shift+Tab');
      onAsk = await page.evaluate(() => {
        const a = document.activeElement;
        return !!a && a.classList.contains('ask') && a.closest('li') === document.querySelector('#messages > li:last-child');
      });
    }
    expect(onAsk).toBe(true);
    await page.keyboard.press('Enter');
    await turn.locator('article.server-too[data-state="done"]').waitFor({ timeout: 60_000 });
  });

  it('shares one engine between tabs, and a crashed engine restarts at the next message', async () => {
    await setPolicy(page, 'local');
    const second = await ctx.newPage();
    watch(second);
    await second.goto(url);
    await ready(second);
    await second.waitForFunction(() => /shared by 2 tabs/.test(document.getElementById('load-status')!.textContent ?? ''));
    console.log('demo second tab:', await second.textContent('#load-status'));
    expect((await ask(second, 'Compute 2+3.')).badge).toBe('local');
    await second.close();
    // The engine's worker dies (the package's test hook); the next message restarts it.
    await page.evaluate(() => (window as any).tandemDemo.session.engine.simulateWorkerCrash());
    const r = await ask(page, 'Compute 2+3.');
    expect(r.badge).toBe('local');
    expect(r.text.length).toBeGreaterThan(0);
    await page.waitForFunction(() => /restarted/.test(document.getElementById('load-status')!.textContent ?? ''));
  });

  it('logged no console errors', () => {
    expect(errors).toEqual([]);
  });
});
