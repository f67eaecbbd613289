// The bench page's logic: run(engine, modelUrl, opts) loads one engine and times greedy decoding.
//
// Timing (performance.now(), same for every engine):
//   loadMs        module import + model fetch + initialisation, until load() resolves
//   firstTokenMs  generate() called with the prompt ids → first new id known (prefill + 1 token)
//   decodeTokS    (nNew - 1) / (time of the last id - time of the first id)
// A run does `reps` generations on the loaded model: the first is cold (WebGPU pipelines compile
// then), the reported figures are the last one's; `runs` has them all.
import { ENGINES, REFERENCE } from './engines.js';

export { ENGINES };

export async function run(engine, modelUrl, { prompt, promptIds, nNew = 32, reps = 2, ...options } = {}) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}; known: ${Object.keys(ENGINES).join(', ')}`);
  modelUrl ??= spec.model;
  const t0 = performance.now();
  const mod = await import(spec.module);
  const eng = await mod.load(modelUrl, { ...spec.options, ...options });
  const loadMs = performance.now() - t0;

  let tokenizerIds = null;
  if (prompt != null && eng.tokenize) tokenizerIds = Array.from(await eng.tokenize(prompt), Number);
  const ids = promptIds ?? tokenizerIds;
  if (!ids) throw new Error('no prompt ids: pass promptIds, or prompt to an engine with tokenize()');

  const runs = [];
  for (let r = 0; r < reps; r++) {
    const times = [], tokens = [];
    const start = performance.now();
    await eng.generate(ids, nNew, (id) => { times.push(performance.now()); tokens.push(id); });
    const end = performance.now();
    if (tokens.length !== nNew) throw new Error(`${engine}: ${tokens.length} tokens, wanted ${nNew}`);
    const decodeMs = times[nNew - 1] - times[0];
    runs.push({
      firstTokenMs: round(times[0] - start),
      decodeTokS: nNew > 1 ? round((nNew - 1) / (decodeMs / 1e3)) : null,
      totalMs: round(end - start),
      tokens,
    });
  }
  await eng.dispose?.();
  const last = runs[runs.length - 1];
  return {
    engine, label: spec.label, model: modelUrl, loadMs: round(loadMs),
    firstTokenMs: last.firstTokenMs, decodeTokS: last.decodeTokS, tokens: last.tokens,
    coldFirstTokenMs: runs[0].firstTokenMs, coldDecodeTokS: runs[0].decodeTokS,
    promptTokens: ids.length, nNew, reps,
    sameTokensEveryRun: runs.every((x) => JSON.stringify(x.tokens) === JSON.stringify(last.tokens)),
    tokenizerIds, info: eng.info ?? {}, runs,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
  };
}

function round(x) { return Math.round(x * 100) / 100; }

// The page: bench.html?engine=NAME[&model=URL][&nNew=32][&reps=2][&threads=N][&ref=URL][&coi=1]
// → window.__bench = { ok, result, reference checks } (or { ok: false, error }).
export async function main() {
  const q = new URLSearchParams(location.search);
  const out = document.getElementById('out');
  const show = (x) => { out.textContent = JSON.stringify(x, null, 1); };
  try {
    const engine = q.get('engine');
    const ref = await (await fetch(q.get('ref') ?? REFERENCE)).json();
    const opts = { prompt: ref.prompt, promptIds: ref.prompt_ids, nNew: Number(q.get('nNew') ?? ref.n_new),
                   reps: Number(q.get('reps') ?? 2) };
    for (const k of ['threads', 'device', 'dtype', 'kvType', 'backend']) if (q.has(k)) opts[k] = q.get(k);
    show({ running: engine, opts });
    const result = await run(engine, q.get('model') ?? undefined, opts);
    const hf = ref.sources['hf.f32'].new_ids.slice(0, result.nNew);
    const hfq = ref.sources['hf.q8_0_dequant'].new_ids.slice(0, result.nNew);
    result.check = {
      tokenizerMatchesReference: result.tokenizerIds ? JSON.stringify(result.tokenizerIds) === JSON.stringify(ref.prompt_ids) : null,
      sameAsHfF32: JSON.stringify(result.tokens) === JSON.stringify(hf),
      sameAsHfQ8_0Dequant: JSON.stringify(result.tokens) === JSON.stringify(hfq),
      firstDifferenceVsHfF32: result.tokens.findIndex((t, i) => t !== hf[i]),
    };
    window.__bench = { ok: true, result };
  } catch (e) {
    window.__bench = { ok: false, error: String(e?.stack ?? e) };
  }
  show(window.__bench);
}
