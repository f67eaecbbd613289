/**
 * tandem-collab's policy in this thread: the wasm module's pure functions (the rules, token
 * stats, the cascade check, answer normalisation) and its `Router` class, typed, with errors as
 * `TandemError`s. Loading the router (an object or a URL) and validating it are the Rust
 * router's job; this file only fetches its text.
 */
import { TandemError } from '../errors.js';
import type { PromptFeatures } from '../types.js';
import { callWasm, ensureWasm, recoverWasm, wasmCollab, wasmEpoch, wasmPoisoned, WasmRouter } from '../wasm.js';
import type { WasmCollabApi, WasmRouterApi, WasmRouterClass } from '../wasm-types.js';
import type { RouterJson } from './types.js';

/** The policy's functions and the router class. */
export interface CollabApi extends WasmCollabApi {
  Router: WasmRouterClass;
}

/** Calls `f`, turning what the wasm side throws into a TandemError (a panic resets the module
 * for the next call). */
function typed<A extends unknown[], R>(f: (...a: A) => R): (...a: A) => R {
  return (...a: A) => callWasm(() => f(...a));
}

/** Initialises the wasm module in this thread (once) and returns the policy. */
export async function loadCollab(opts: { wasmUrl?: string | URL | BufferSource } = {}): Promise<CollabApi> {
  await ensureWasm(opts.wasmUrl);
  return {
    decide: typed(wasmCollab.decide),
    decideAfterLocal: typed(wasmCollab.decideAfterLocal),
    tokenStats: typed(wasmCollab.tokenStats),
    uncertaintyScore: typed(wasmCollab.uncertaintyScore),
    shouldEscalate: typed(wasmCollab.shouldEscalate),
    normalizeAnswer: typed(wasmCollab.normalizeAnswer),
    isCorrect: typed(wasmCollab.isCorrect),
    answersAgree: typed(wasmCollab.answersAgree),
    planSpeculation: typed(wasmCollab.planSpeculation),
    feedbackLabel: typed(wasmCollab.feedbackLabel),
    deferCheck: typed(wasmCollab.deferCheck),
    fuse: typed(wasmCollab.fuse),
    Router: { fromJson: typed((text: string) => WasmRouter.fromJson(text)) },
  };
}

/** A router.json object, or its URL (fetched), read and validated by the Rust router. */
export async function loadRouter(api: CollabApi, source: RouterJson | string | URL, fetchFn: typeof fetch): Promise<WasmRouterApi> {
  let text: string;
  if (typeof source === 'string' || source instanceof URL) {
    let res: Response;
    try {
      res = await fetchFn(String(source));
    } catch (e) {
      throw new TandemError('network', `router ${String(source)}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    if (!res.ok) throw new TandemError('network', `router ${String(source)}: HTTP ${res.status}`);
    text = await res.text();
  } else if (source && typeof source === 'object') {
    text = JSON.stringify(source);
  } else {
    throw new TandemError('invalid_options', 'router must be router.json (an object) or its URL');
  }
  let router = api.Router.fromJson(text);
  let made = wasmEpoch();
  // The wasm object, rebuilt from the same text when a panic reset the module since (the old
  // one belongs to the instance that was thrown away).
  const live = () => {
    recoverWasm();
    if (made !== wasmEpoch()) {
      router = api.Router.fromJson(text);
      made = wasmEpoch();
    }
    return router;
  };
  // Getters and methods of the wasm object also throw plain Errors: type them.
  return {
    score: typed((f: Float32Array | number[]) => live().score(f)),
    routeScore: typed((f: Float32Array | number[]) => live().routeScore(f)),
    // Learning changes the router: its text follows, so a module reset rebuilds what was learned.
    learn: typed((f: Float32Array | number[], wantsServer: boolean, rate?: number, l2?: number) => {
      const r = live();
      const learned = r.learn(f, wantsServer, rate, l2);
      text = r.toJson();
      return learned;
    }),
    toJson: typed(() => live().toJson()),
    free: () => {
      if (made === wasmEpoch() && !wasmPoisoned()) router.free();
    },
    get threshold() {
      return typed(() => live().threshold)();
    },
    get dim() {
      return typed(() => live().dim)();
    },
    get targetShare() {
      return typed(() => live().targetShare)();
    },
    get cascade() {
      return typed(() => live().cascade)();
    },
    get events() {
      return typed(() => live().events)();
    },
  };
}

/** The router's input: the prompt's mean hidden state, then its last. */
export function featureVector(f: PromptFeatures): Float32Array {
  const v = new Float32Array(f.mean.length + f.last.length);
  v.set(f.mean, 0);
  v.set(f.last, f.mean.length);
  return v;
}
