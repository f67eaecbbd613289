/**
 * `createTandem`'s options of the token-level policies (token-level.ts), checked once when the
 * Tandem is made: `tokenDefer.rule` (else router.json's `token_defer`) read by the Rust rule,
 * and `fusion`'s weight, draft length and top-k. A bad value is kind `invalid_options` then,
 * never a request that fails halfway through an answer.
 */
import { TandemError } from '../errors.js';
import type { WasmDeferRule, WasmRouterApi } from '../wasm-types.js';
import type { CollabApi } from './policy.js';
import type { FusionOptions, TokenDeferOptions } from './token-level.js';

function bad(msg: string): TandemError {
  return new TandemError('invalid_options', msg);
}

function onlyKeys(o: unknown, known: string[], what: string): void {
  if (o === undefined || o === null) return;
  if (typeof o !== 'object') throw bad(`${what} must be an object`);
  const k = Object.keys(o).find((k) => !known.includes(k));
  if (k !== undefined) throw bad(`${what}: unknown key ${JSON.stringify(k)} (known: ${known.join(', ')})`);
}

/** The deferral rule policy `token-defer` uses: the option's, else router.json's, else none.
 * The option is read by tandem-collab (unknown keys, a bad signal, a threshold that is not a
 * number are errors) through one trial check. */
export function deferRule(api: CollabApi, o: TokenDeferOptions | undefined, router: WasmRouterApi | undefined): WasmDeferRule | undefined {
  onlyKeys(o, ['rule'], 'options.tokenDefer');
  let rule = o?.rule ?? undefined;
  if (rule === undefined && router) {
    // router.json was validated by the Rust router: its rule is well-formed when present.
    rule = (JSON.parse(router.toJson()) as { token_defer?: WasmDeferRule | null }).token_defer ?? undefined;
  }
  if (rule === undefined) return undefined;
  try {
    api.deferCheck(rule, -1, 1, [-1, -2]);
  } catch (e) {
    throw bad(`options.tokenDefer.rule: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { ...rule };
}

/** `options.fusion` checked: a weight in [0, 1], k in 1..=64, topK in 1..=20. */
export function checkFusion(o: FusionOptions | undefined): FusionOptions | undefined {
  onlyKeys(o, ['weight', 'k', 'topK'], 'options.fusion');
  if (!o) return undefined;
  if (o.weight !== undefined && !(typeof o.weight === 'number' && o.weight >= 0 && o.weight <= 1)) {
    throw bad('options.fusion.weight must be a number in [0, 1]');
  }
  const ints: [keyof FusionOptions, number][] = [['k', 64], ['topK', 20]];
  for (const [k, max] of ints) {
    const v = o[k];
    if (v !== undefined && !(Number.isInteger(v) && v >= 1 && v <= max)) throw bad(`options.fusion.${k} must be an integer in 1..=${max}`);
  }
  return { ...o };
}
