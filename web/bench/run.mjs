#!/usr/bin/env node
// Drive the browser bench: one Chromium (Debian's /usr/bin/chromium, WebGPU through SwiftShader
// when there is no GPU), a fresh browser context (no shared cache) and page per engine, all
// against the static server (server.mjs) on 127.0.0.1. Prints JSON, then a Markdown table.
//
//   cd web/bench && ONNXRUNTIME_NODE_INSTALL_CUDA=skip npm ci && node run.mjs
//   node run.mjs --engines wllama,tfjs-wasm --nNew 32 --reps 2 --json out.json
//   node run.mjs --list
//
// Options: --engines a,b (default: all in engines.js)  --nNew N  --reps N (default: the engine's
// `defaults`, else 32 new tokens and 2 passes: cold, then the reported warm one)  --timeout SECONDS (per
// engine, default 900)  --json FILE  --chromium PATH  --port N  --param k=v (extra query parameter,
// repeatable, e.g. --param threads=2)
import { chromium } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ENGINES } from './engines.js';
import { startServer } from './server.mjs';

const FLAGS = ['--headless=new', '--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

function parseArgs(argv) {
  const a = { engines: Object.keys(ENGINES), nNew: null, reps: null, timeout: 900, json: null,
              chromium: '/usr/bin/chromium', port: 0, params: [] };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i], v = () => argv[++i];
    if (k === '--engines') a.engines = v().split(',').filter(Boolean);
    else if (k === '--nNew') a.nNew = Number(v());
    else if (k === '--reps') a.reps = Number(v());
    else if (k === '--timeout') a.timeout = Number(v());
    else if (k === '--json') a.json = v();
    else if (k === '--chromium') a.chromium = v();
    else if (k === '--port') a.port = Number(v());
    else if (k === '--param') a.params.push(v());
    else if (k === '--list') { for (const [n, e] of Object.entries(ENGINES)) console.log(`${n}\t${e.label}`); process.exit(0); }
    else throw new Error(`unknown argument ${k}`);
  }
  for (const e of a.engines) if (!ENGINES[e]) throw new Error(`unknown engine ${e}; known: ${Object.keys(ENGINES)}`);
  return a;
}

async function main() {
  const a = parseArgs(process.argv.slice(2));
  const { server, origin } = await startServer({ port: a.port });
  // playwright makes (and removes) a fresh profile per launch; --user-data-dir is not allowed in args
  const browser = await chromium.launch({ executablePath: a.chromium, args: FLAGS, headless: true });
  const env = { chromium: browser.version(), origin, hardwareConcurrency: null, webgpu: null,
                loadavgBefore: loadavg().map((x) => Math.round(x * 100) / 100) };
  const results = [];
  try {
    {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${origin}/web/bench/bench.html?engine=none`);
      Object.assign(env, await page.evaluate(async () => {
        const ad = navigator.gpu ? await navigator.gpu.requestAdapter() : null;
        return {
          hardwareConcurrency: navigator.hardwareConcurrency,
          webgpu: ad ? { vendor: ad.info?.vendor, architecture: ad.info?.architecture, description: ad.info?.description,
                         isFallbackAdapter: ad.info?.isFallbackAdapter ?? ad.isFallbackAdapter,
                         shaderF16: ad.features.has('shader-f16'), subgroups: ad.features.has('subgroups') } : null,
        };
      }));
      await ctx.close();
    }
    console.error(`chromium ${env.chromium}, webgpu ${JSON.stringify(env.webgpu)}`);
    for (const engine of a.engines) {
      const spec = ENGINES[engine];
      const q = new URLSearchParams({ engine, reps: String(a.reps ?? spec.defaults?.reps ?? 2) });
      const nNew = a.nNew ?? spec.defaults?.nNew;  // else the reference's n_new (32)
      if (nNew) q.set('nNew', String(nNew));
      for (const p of a.params) { const [k, ...v] = p.split('='); q.set(k, v.join('=')); }
      if (spec.isolation) q.set('coi', '1');
      const ctx = await browser.newContext();
      const external = [];  // nothing may come from outside 127.0.0.1 (no CDN, no Hub): blocked + reported
      await ctx.route((url) => !url.href.startsWith(origin) && !/^(data|blob):/.test(url.protocol),
                      (route) => { external.push(route.request().url()); route.abort(); });
      const page = await ctx.newPage();
      const logs = [];
      page.on('console', (m) => { if (['error', 'warning'].includes(m.type())) logs.push(`${m.type()}: ${m.text()}`.slice(0, 400)); });
      page.on('pageerror', (e) => logs.push(`pageerror: ${String(e).slice(0, 400)}`));
      const t0 = Date.now();
      console.error(`== ${engine}: ${spec.label}`);
      let r;
      try {
        await page.goto(`${origin}/web/bench/bench.html?${q}`);
        await page.waitForFunction(() => window.__bench, null, { timeout: a.timeout * 1000, polling: 500 });
        r = await page.evaluate(() => window.__bench);
      } catch (e) {
        r = { ok: false, error: String(e) };
      }
      r.engine = engine;
      r.wallS = Math.round((Date.now() - t0) / 100) / 10;
      if (logs.length) r.console = logs.slice(0, 20);
      if (external.length) { r.externalRequestsBlocked = external; r.ok = false; r.error ??= `external requests: ${external[0]}`; }
      console.error(r.ok ? `   decode ${r.result.decodeTokS} tok/s, first token ${r.result.firstTokenMs} ms, load ${r.result.loadMs} ms, ` +
        `same as HF f32: ${r.result.check.sameAsHfF32}  (${r.wallS} s)` : `   FAILED: ${r.error.split('\n')[0]}`);
      results.push(r);
      await ctx.close();
    }
    env.loadavgAfter = loadavg().map((x) => Math.round(x * 100) / 100);
  } finally {
    await browser.close();
    server.close();
  }
  const report = { env, results };
  console.log(JSON.stringify(report, (k, v) => (k === 'runs' ? v.map(({ tokens, ...x }) => x) : v), 1));
  console.log('\n' + table(report));
  if (a.json) writeFileSync(a.json, JSON.stringify(report, null, 1) + '\n');
  if (results.some((r) => !r.ok)) process.exitCode = 1;
}

function table({ env, results }) {
  const rows = [
    `Chromium ${env.chromium}, ${env.hardwareConcurrency} logical cores, WebGPU adapter: ` +
      (env.webgpu ? `${env.webgpu.vendor || '?'} ${env.webgpu.architecture || ''} ${env.webgpu.description || ''}`.trim() : 'none') +
      `, load average ${env.loadavgBefore?.[0]} → ${env.loadavgAfter?.[0]}`,
    '',
    '| engine | new tokens × passes | load (ms) | first token (ms) | decode (tok/s) | cold first token (ms) | cold decode (tok/s) | greedy ids vs transformers |',
    '|---|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    if (!r.ok) { rows.push(`| ${r.engine} | failed: ${r.error.split('\n')[0].slice(0, 80)} | | | | | | |`); continue; }
    const x = r.result, c = x.check;
    const same = c.sameAsHfF32 ? 'same as f32' : c.sameAsHfQ8_0Dequant ? 'same as Q8_0-dequantized' : `differs at ${c.firstDifferenceVsHfF32}`;
    rows.push(`| ${x.engine} | ${x.nNew} × ${x.reps} | ${Math.round(x.loadMs)} | ${x.firstTokenMs} | ${x.decodeTokS} | ${x.coldFirstTokenMs} | ${x.coldDecodeTokS} | ${same} |`);
  }
  return rows.join('\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
