#!/usr/bin/env node
// The browser side of the soak (scripts/soak_server.py --browser): Debian Chromium through
// playwright-core loads the npm package (web/packages/tandem/dist, wasm built) from a static
// server on loopback, runs the SMALL model locally (CPU wasm) and, until --duration seconds
// have passed, asks `tandem serve` the pair's prompts in turn through createTandem twice: with
// policy 'speculative' (the SMALL drafts, the server verifies) and with policy 'server' (the
// server alone, greedy). Every speculative answer must equal the server-only one. Prints one
// JSON object.
//
//   node scripts/soak_browser.mjs --api http://127.0.0.1:PORT --key KEY --model-id soak --duration 600
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

import { startServer } from '../web/scripts/serve.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: a } = parseArgs({
  options: {
    api: { type: 'string' },
    key: { type: 'string' },
    'model-id': { type: 'string', default: 'soak' },
    duration: { type: 'string', default: '600' },
    'max-tokens': { type: 'string', default: '24' },
    local: { type: 'string', default: 'models/manifests/pair-small.json' },
  },
});
const prompts = readFileSync(join(ROOT, 'models/pair/suite/test.jsonl'), 'utf8').trim().split('\n').slice(0, 40)
  .map((l) => JSON.parse(l).messages[0].content);

const srv = await startServer({ root: ROOT });
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'tandem-soak-')), {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-quic', '--disable-webgpu', '--disable-features=WebGPU'],
});
const errors = [];
const page = await ctx.newPage();
page.on('pageerror', (e) => errors.push(e.message));
await page.goto(`${srv.url}/tests/browser/index.html`);
await page.waitForFunction(() => window.tandemReady === true);
await page.evaluate(async ({ local, api, key, model }) => {
  const t = window.tandem;
  window.engine = await t.createEngine({ model: new URL(`/${local}`, location.href).href, backend: 'cpu' });
  const server = { baseURL: `${api}/v1`, apiKey: key, model };
  window.alone = await t.createTandem({ local: window.engine, server, policy: 'server' });
  window.spec = await t.createTandem({ local: window.engine, server, policy: 'speculative' });
}, { local: a.local, api: a.api, key: a.key, model: a['model-id'] });

const t0 = Date.now();
const out = { answers: 0, identical: 0, mismatches: [], failures: [], rounds: 0, accepted: 0, drafted: 0, tokens: 0 };
for (let i = 0; (Date.now() - t0) / 1000 < Number(a.duration); i++) {
  const p = prompts[i % prompts.length];
  try {
    const r = await page.evaluate(async ({ p, max }) => {
      const req = { messages: [{ role: 'user', content: p }], max_tokens: max, temperature: 0 };
      const alone = await window.alone.chat.completions.create(req);
      const spec = await window.spec.chat.completions.create(req);
      return { server: alone.choices[0].message.content, spec: spec.choices[0].message.content,
        sp: spec.tandem.speculative, tokens: spec.usage.completion_tokens };
    }, { p, max: Number(a['max-tokens']) });
    out.answers++;
    out.tokens += r.tokens;
    out.rounds += r.sp?.rounds ?? 0;
    out.accepted += r.sp?.accepted_tokens ?? 0;
    out.drafted += r.sp?.draft_tokens ?? 0;
    if (r.spec === r.server) out.identical++;
    else out.mismatches.push({ prompt: p, server: r.server, speculative: r.spec });
  } catch (e) {
    out.failures.push(String(e?.message ?? e).slice(0, 300));
    if (out.failures.length > 20) break;
  }
}
out.duration_s = Math.round((Date.now() - t0) / 100) / 10;
out.page_errors = errors;
out.pass = out.answers > 0 && out.identical === out.answers && out.failures.length === 0 && errors.length === 0;
await ctx.close();
await srv.close();
console.log(JSON.stringify(out));
process.exit(out.pass ? 0 : 1);
