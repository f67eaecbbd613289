// Hardening of the package's public API in Debian Chromium (playwright-core):
// (1) random, truncated and bit-flipped model files (safetensors, GGUF, config.json,
//     tokenizer.json, tokenizer_config.json), junk manifests and junk options, fed through
//     createWorkerEngine: every failure is a TandemError with a kind (never a panic, a dead
//     worker or an untyped error), a load that succeeds answers or fails typed, and the same
//     worker then loads the good model and gives the same tokens as before;
// (2) a panic inside the wasm engine, in a synchronous call (Engine.simulatePanic) or in one of
//     its tasks (as an async load or step would: simulatePanicInTask), becomes a `panic`
//     TandemError with the panic's message, and the next request reloads the model into a fresh
//     instance and answers as before: in a worker and in the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, manifestUrl, openPage, serve, type Server } from './harness.js';

let srv: Server;
beforeAll(async () => {
  srv = await serve();
});
afterAll(async () => {
  await srv?.close();
});

/** Kinds that mean a bug rather than bad input. */
const BUG_KINDS = ['internal', 'panic', 'worker'];

interface Outcome {
  what: string;
  ok: boolean;
  name?: string;
  kind?: string;
  message?: string;
}

describe('hostile model files, manifests and options', () => {
  it('every failure is a typed TandemError and the same worker then serves the good model', async () => {
    const ctx = await launch({ webgpu: false });
    const panics: string[] = [];
    try {
      const page = await openPage(ctx, srv);
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => {
        if (m.text().includes('panicked at')) panics.push(m.text());
      });
      const r = await page.evaluate(
        async ({ st, gguf, cases }) => {
          const t = (window as any).tandem;
          // xorshift32, seeded: the same cases on every run.
          let s = 20261201;
          const rand = () => {
            s ^= s << 13;
            s ^= s >>> 17;
            s ^= s << 5;
            return (s >>> 0) / 4294967296;
          };
          const int = (n: number) => Math.floor(rand() * n);
          const get = async (u: string) => new Uint8Array(await (await fetch(u)).arrayBuffer());
          const hex = async (b: Uint8Array) =>
            [...new Uint8Array(await crypto.subtle.digest('SHA-256', b))].map((x) => x.toString(16).padStart(2, '0')).join('');
          const entry = async (b: Uint8Array) => ({ url: URL.createObjectURL(new Blob([b])), sha256: await hex(b), size: b.length });
          const load = async (u: string) => {
            const abs = new URL(u, location.href).href;
            const m = await (await fetch(abs)).json();
            const files: Record<string, Uint8Array> = {};
            for (const [k, f] of Object.entries(m.files) as [string, any][]) {
              if (k === 'weights') files.weights = await get(new URL(f[0].url, abs).href);
              else files[k] = await get(new URL(f.url, abs).href);
            }
            return { m, abs, files };
          };
          const safetensors = await load(st);
          const ggufModel = await load(gguf);
          // A manifest of in-memory files (blob: URLs, so any bytes pass their own checksum).
          const manifest = async (base: any, files: Record<string, Uint8Array>) => {
            const out: any = { id: `${base.m.id}-mutated`, format: base.m.format, files: {} };
            for (const [k, b] of Object.entries(files)) {
              out.files[k] = k === 'weights' ? [await entry(b)] : await entry(b);
            }
            return out;
          };
          const mutations: Record<string, (b: Uint8Array) => Uint8Array> = {
            truncate: (b) => b.slice(0, int(b.length)),
            // Bit flips where the structure is (headers, the first 4 KiB), not in float data.
            flip: (b) => {
              const c = b.slice();
              for (let i = 0, n = 1 + int(8); i < n; i++) c[int(Math.min(c.length, 4096))] ^= 1 << int(8);
              return c;
            },
            random: (b) => Uint8Array.from({ length: int(Math.min(b.length, 8192)) }, () => int(256)),
            empty: () => new Uint8Array(0),
            // A duplicated span: lengths and offsets that no longer add up.
            splice: (b) => {
              const at = int(Math.min(b.length, 4096));
              const len = 1 + int(64);
              const c = new Uint8Array(b.length + len);
              c.set(b.subarray(0, at));
              c.set(b.subarray(at, at + len), at);
              c.set(b.subarray(at), at + len);
              return c;
            },
          };
          const worker = new Worker('/web/packages/tandem/dist/worker.js', { type: 'module' });
          const greedy = async (model: any, options: any = {}) => {
            const e = await t.createWorkerEngine(worker, { model, backend: 'cpu', useCache: false, ...options });
            try {
              const c = await e.chat.completions.create({ messages: [{ role: 'user', content: 'Hello' }], max_tokens: 4, temperature: 0 });
              return c.tandem.tokens.map((x: { id: number }) => x.id);
            } finally {
              await e.unload();
            }
          };
          const outcome = async (what: string, f: () => Promise<unknown>) => {
            try {
              await f();
              return { what, ok: true };
            } catch (e: any) {
              return { what, ok: false, name: e?.name, kind: e?.kind, message: String(e?.message).slice(0, 200) };
            }
          };
          const before = await greedy(safetensors.abs);
          const outcomes = [];
          const names = Object.keys(mutations);
          for (let i = 0; i < cases; i++) {
            const base = i % 3 === 2 ? ggufModel : safetensors;
            const keys = Object.keys(base.files);
            const file = keys[int(keys.length)];
            const how = names[int(names.length)];
            const files = { ...base.files, [file]: mutations[how](base.files[file]) };
            outcomes.push(await outcome(`${base.m.id} ${file} ${how}`, async () => greedy(await manifest(base, files))));
          }
          const junkManifests: unknown[] = [
            null, 42, 'not a url', [], {}, { id: 'x' }, { id: 'x', format: 'onnx', files: {} },
            { id: 'x', format: 'safetensors', files: { weights: [] } },
            { id: 'x', format: 'safetensors', files: { config: { url: 'c', sha256: 'z', size: 1 }, weights: [] } },
            { id: 'x', format: 'gguf', files: { weights: [{ url: '', sha256: '0'.repeat(64), size: -1 }] } },
            { ...safetensors.m, baseUrl: safetensors.abs, files: { ...safetensors.m.files, weights: 'model.safetensors' } },
            { ...safetensors.m, baseUrl: safetensors.abs, files: { ...safetensors.m.files, config: undefined } },
          ];
          for (const [i, m] of junkManifests.entries()) outcomes.push(await outcome(`manifest ${i}`, () => greedy(m)));
          const junkOptions: unknown[] = [
            { backend: 'gpu' }, { backend: 7 }, { maxContext: -1 }, { maxContext: 0 }, { maxContext: NaN },
            { maxContext: 1e12 }, { maxContext: '64' }, { prefillChunk: 0 }, { prefillChunk: -3 }, { prefillChunk: {} },
            { useCache: 'yes' }, { wasmUrl: 42 }, { onProgress: 'x' }, { onBackendChange: 7 },
          ];
          for (const [i, o] of junkOptions.entries()) {
            outcomes.push(await outcome(`options ${JSON.stringify(o)} (${i})`, () => greedy(safetensors.abs, o)));
          }
          const after = await greedy(safetensors.abs);
          worker.terminate();
          return { before, after, outcomes };
        },
        { st: manifestUrl('llama-tiny'), gguf: manifestUrl('llama-tiny-q8_0'), cases: 300 },
      );
      const failures = (r.outcomes as Outcome[]).filter((o) => !o.ok);
      const untyped = failures.filter((o) => o.name !== 'TandemError' || typeof o.kind !== 'string' || BUG_KINDS.includes(o.kind));
      const kinds: Record<string, number> = {};
      for (const f of failures) kinds[f.kind ?? '?'] = (kinds[f.kind ?? '?'] ?? 0) + 1;
      console.log(`hostile inputs: ${r.outcomes.length} cases, ${failures.length} typed failures by kind ${JSON.stringify(kinds)}`);
      expect(untyped).toEqual([]);
      expect(panics).toEqual([]);
      // Nothing thrown uncaught either (a bad callback once threw in the middle of a load).
      expect(pageErrors).toEqual([]);
      expect(failures.length).toBeGreaterThan(r.outcomes.length / 2);
      expect(r.before.length).toBeGreaterThan(0);
      expect(r.after).toEqual(r.before);
    } finally {
      await ctx.close();
    }
  });
});

describe('a panic inside the wasm engine', () => {
  it('is a typed error, and the next request reloads the model and answers as before', async () => {
    const ctx = await launch({ webgpu: false });
    try {
      const page = await openPage(ctx, srv);
      const r = await page.evaluate(async (url) => {
        const t = (window as any).tandem;
        const ask = async (e: any) => {
          const c = await e.chat.completions.create({ messages: [{ role: 'user', content: 'Hello' }], max_tokens: 4, temperature: 0 });
          return c.tandem.tokens.map((x: { id: number }) => x.id);
        };
        const run = async (e: any, where: string) => {
          const before = await ask(e);
          let err: any = null;
          try {
            await e.simulatePanic(where);
          } catch (x: any) {
            err = { name: x.name, kind: x.kind, message: x.message };
          }
          const after = await ask(e);
          const again = await ask(e);
          const info = await e.info();
          await e.unload();
          return { where, before, err, after, again, model: info.model };
        };
        const runs = [];
        for (const where of ['call', 'task']) {
          runs.push({ in: 'worker', ...(await run(await t.createEngine({ model: url, backend: 'cpu' }), where)) });
          runs.push({ in: 'page', ...(await run(await t.createInPageEngine({ model: url, backend: 'cpu' }), where)) });
        }
        return runs;
      }, manifestUrl('llama-tiny'));
      expect(r).toHaveLength(4);
      for (const run of r) {
        const what = `${run.where} in the ${run.in}`;
        expect(run.err, what).toMatchObject({ name: 'TandemError', kind: 'panic' });
        expect(run.err.message, what).toMatch(run.where === 'call' ? /simulated panic \(Engine/ : /simulated panic in a task/);
        expect(run.before.length, what).toBeGreaterThan(0);
        expect(run.after, what).toEqual(run.before);
        expect(run.again, what).toEqual(run.before);
        expect(run.model, what).toBe('llama-tiny');
      }
    } finally {
      await ctx.close();
    }
  });
});
