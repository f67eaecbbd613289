// A coverage-guided fuzzer for the package's SSE parser (src/collab/sse.ts), on V8's own block
// coverage through node:inspector: an input that reaches a new (block, hit-count bucket) is kept
// and mutated further, as libFuzzer does with its edge counters. Jazzer.js would be the usual
// engine, but its only prebuilt binary (4.0.0) needs glibc 2.38 and this project's Debian 12 has
// 2.36; its older releases download binaries from GitHub at install, which CI cannot reach.
//
//   node fuzz/run.mjs SECONDS WORK_CORPUS SEED_CORPUS ARTIFACTS
//
// Prints libFuzzer's final-stats lines (scripts/fuzz.sh parses them); exits 1 on a finding,
// with the input written to ARTIFACTS.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

import { checkSse } from './sse-check.mjs';

const [seconds = '30', workDir, seedDir = 'fuzz/corpus', artifacts = 'fuzz-artifacts/'] = process.argv.slice(2);
const here = new URL('.', import.meta.url).pathname;
const work = resolve(workDir ?? join(tmpdir(), 'tandem-sse-corpus'));
mkdirSync(work, { recursive: true });
mkdirSync(artifacts, { recursive: true });

// The parser as it ships, compiled from its TypeScript to one ES module of its own, in another
// process: with the TypeScript compiler loaded here every coverage read would list its
// thousands of functions too.
const compiled = join(tmpdir(), `tandem-sse-${process.pid}.mjs`);
execFileSync(process.execPath, [join(here, 'compile.mjs'), join(here, '../src/collab/sse.ts'), compiled]);
const url = pathToFileURL(compiled).href;
const { parseSse } = await import(url);

const session = new Session();
session.connect();
const post = (method, params) => {
  let out;
  session.post(method, params, (err, r) => {
    if (err) throw err;
    out = r;
  });
  return out;
};
post('Profiler.enable');
post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });

const bucket = (n) => (n === 0 ? 0 : n < 4 ? n : n < 8 ? 4 : n < 16 ? 5 : n < 32 ? 6 : n < 128 ? 7 : 8);
const seen = new Set();
const edges = new Set();
/** The (block, bucket) features of the last run of the parser's module; resets the counters. */
function features() {
  const out = [];
  for (const s of post('Profiler.takePreciseCoverage').result) {
    if (s.url !== url) continue;
    for (const f of s.functions) {
      for (const r of f.ranges) {
        const b = bucket(r.count);
        if (b > 0) out.push(`${f.functionName}:${r.startOffset}:${b}`);
        if (r.count > 0) edges.add(`${f.functionName}:${r.startOffset}`);
      }
    }
  }
  return out;
}

const corpus = [];
function load(dir) {
  let names = [];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names.sort()) corpus.push(new Uint8Array(readFileSync(join(dir, n))));
}
load(seedDir);
load(work);
if (corpus.length === 0) corpus.push(new TextEncoder().encode('data: x\n\n'));

const DICT = ['data:', 'data: ', 'event:', 'id:', 'retry:', ':', '\n', '\r', '\r\n', '\n\n', ' ', '[DONE]',
  '{"choices":[]}', 'é', '\u{1F600}', '\uFEFF'].map((s) => new TextEncoder().encode(s));
const MAX = 4096;
let seed = 0x9e3779b9;
const rand = (n) => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
};
function mutate(input) {
  let b = Array.from(input);
  const rounds = 1 + rand(4);
  for (let k = 0; k < rounds; k++) {
    const at = rand(b.length + 1);
    switch (rand(7)) {
      case 0: if (b.length) b[rand(b.length)] ^= 1 << rand(8); break;
      case 1: if (b.length) b[rand(b.length)] = [0x0a, 0x0d, 0x3a, 0x20, 0x00, 0xff, 0xc3, 0xe2, 0xf0][rand(9)]; break;
      case 2: b.splice(at, 0, ...DICT[rand(DICT.length)]); break;
      case 3: b.splice(at, 1 + rand(8)); break;
      case 4: { const from = rand(b.length + 1); b.splice(at, 0, ...b.slice(from, from + 1 + rand(16))); break; }
      case 5: { const other = corpus[rand(corpus.length)]; const from = rand(other.length + 1);
        b.splice(at, 0, ...other.subarray(from, from + 1 + rand(64))); break; }
      default: b.splice(at, 0, rand(256));
    }
  }
  if (b.length > MAX) b = b.slice(0, MAX);
  return new Uint8Array(b);
}

async function runOne(input, keep) {
  features();
  try {
    await checkSse(parseSse, input);
  } catch (e) {
    const name = `crash-${createHash('sha1').update(input).digest('hex')}`;
    writeFileSync(join(artifacts, name), input);
    console.log(`==ERROR: sse: ${e.stack ?? e}`);
    console.log(`Test unit written to ${join(artifacts, name)}`);
    return false;
  }
  let fresh = false;
  for (const f of features()) {
    if (!seen.has(f)) {
      seen.add(f);
      fresh = true;
    }
  }
  if (fresh && keep) {
    corpus.push(input);
    writeFileSync(join(work, createHash('sha1').update(input).digest('hex')), input);
  }
  return true;
}

const start = Date.now();
let execs = 0;
let added = 0;
let ok = true;
for (const c of [...corpus]) {
  execs++;
  if (!(ok = await runOne(c, false))) break;
}
console.log(`#${execs} INITED cov: ${edges.size} ft: ${seen.size} corp: ${corpus.length}`);
const deadline = start + Number(seconds) * 1000;
let lastReport = Date.now();
while (ok && Date.now() < deadline) {
  const before = corpus.length;
  execs++;
  ok = await runOne(mutate(corpus[rand(corpus.length)]), true);
  if (corpus.length > before) {
    added++;
    console.log(`#${execs} NEW cov: ${edges.size} ft: ${seen.size} corp: ${corpus.length}`);
  }
  if (Date.now() - lastReport > 10_000) {
    lastReport = Date.now();
    console.log(`#${execs} pulse cov: ${edges.size} ft: ${seen.size} corp: ${corpus.length}`);
  }
}
const elapsed = (Date.now() - start) / 1000;
console.log(`#${execs} DONE cov: ${edges.size} ft: ${seen.size} corp: ${corpus.length}`);
console.log(`stat::number_of_executed_units: ${execs}`);
console.log(`stat::average_exec_per_sec: ${Math.round(execs / elapsed)}`);
console.log(`stat::new_units_added: ${added}`);
console.log(`stat::peak_rss_mb: ${Math.round(process.memoryUsage.rss() / 2 ** 20)}`);
process.exit(ok ? 0 : 1);
