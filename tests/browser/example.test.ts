// web/examples/chat: the page a developer copies. It loads a committed model (progress bar) and
// streams an answer, in Chromium on SwiftShader.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, serve, type Server } from './harness.js';

let srv: Server;
beforeAll(async () => {
  srv = await serve();
});
afterAll(async () => srv?.close());

it('the example page loads the default model (the pair\'s SMALL) and streams an answer', async () => {
  const ctx = await launch({ webgpu: true });
  try {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${srv.url}/web/examples/chat/`);
    await page.waitForFunction(() => !document.getElementById('support')!.textContent!.startsWith('Checking'));
    expect(await page.textContent('#support')).toMatch(/^WebGPU: /);
    await page.click('#load');
    await page.waitForFunction(() => !(document.getElementById('send') as HTMLButtonElement).disabled, null, { timeout: 60_000 });
    expect(await page.textContent('#status')).toMatch(/pair-small on webgpu/);
    expect(await page.evaluate(() => (document.getElementById('progress') as HTMLProgressElement).value)).toBe(1);
    await page.fill('#max', '20');
    await page.click('#send');
    await page.waitForFunction(() => /tokens in/.test(document.getElementById('status')!.textContent!), null, { timeout: 60_000 });
    const out = await page.textContent('#out');
    expect(out).toContain('8*2=16'); // the worked answer to 'Compute 8*2+7.': 8*2=16, 16+7=23, 23
    expect(await page.locator('#out span').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
  } finally {
    await ctx.close();
  }
});
