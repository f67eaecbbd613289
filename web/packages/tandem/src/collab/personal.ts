/**
 * Personalisation on the device: the user's feedback on answers (`tandem.feedback(id, 'up' |
 * 'down' | 'ask_server')`) updates the learned router in this page (tandem-collab's
 * `Router::learn`, through the wasm `Router`), and the next routing decision uses it. Nothing is
 * uploaded: the features, the feedback and the personalised router stay on the device.
 *
 * - Which feedback teaches what is tandem-collab's `personal::label` (one rule for the browser
 *   and `tandem router simulate`): on a local answer `up` = the local model was enough, `down`
 *   and `ask_server` = this wanted the server; feedback on a server answer teaches nothing (the
 *   user never saw the local answer). The first labelled feedback on an answer counts; more on
 *   the same answer is reported and ignored, so one answer cannot be counted twice (until
 *   `reset()`, after which every remembered answer may be rated again).
 * - The package remembers, for the last `REMEMBERED` answers the router scored (policy
 *   `route`), the prompt features the decision used and the route taken, in memory only; a
 *   streamed answer once it has been read to its end (its route is final then). A request the
 *   privacy rule kept on the device is not remembered (plan.ts): what one event learns is that
 *   prompt's feature vector, and the personalised router is stored and exported.
 * - The personalised router persists in the `storage` option (the one the daily budget uses,
 *   e.g. `localStorage`; without it, in memory until the page closes): synchronous, so a
 *   routing decision never waits on it, in a store the app already chose and can clear; the
 *   size is router.json's (10 kB for models/pair's 192 features, ~100 kB at 2–3 k) and it is
 *   written at each event. The key carries the base router's fingerprint, so two routers (two
 *   models, or two releases in two tabs) never share one, and a personalisation is never
 *   applied to a router it was not learned on. Two tabs with the same router each keep their
 *   own copy in memory: the last one to learn an event writes the store.
 * - `reset()` returns to the base router and stores it; `export()` is the personalised
 *   router.json's text (loadable as a `router` anywhere; its `personal` record holds the base
 *   weights and the number of events — and so, in the offset, what the rated prompts' features
 *   taught it: treat an export like the prompts).
 */
import { TandemError } from '../errors.js';
import type { WasmRoute, WasmRouterApi } from '../wasm-types.js';
import { loadRouter, type CollabApi } from './policy.js';
import type { KeyValueStorage, TandemChunk, TandemCompletion } from './types.js';

/** The storage key of the personalised router, before `:` and the base router's fingerprint. */
export const PERSONAL_KEY = 'tandem-personal-router-v1';
/** How many recent answers can still be given feedback. */
export const REMEMBERED = 256;

/** What the user said about an answer. */
export type Feedback = 'up' | 'down' | 'ask_server';

/** What one feedback event did. */
export interface FeedbackResult {
  /** The label learned: the prompt wanted the `server`, or the `local` answer was fine; null
   * when this feedback teaches the router nothing (a server answer, or an answer already
   * rated). */
  label: 'server' | 'local' | null;
  /** The route that produced the answer. */
  route: WasmRoute;
  /** The router's score of that prompt before and after (equal when nothing was learned). */
  before: number;
  after: number;
  /** Feedback events the router has learned in all. */
  events: number;
}

/** `tandem.personalisation`. */
export interface Personalisation {
  /** Feedback events learned since the base router. */
  readonly events: number;
  /** Back to the base router; the stored personalisation is replaced by the base's. */
  reset(): Promise<void>;
  /** The personalised router.json's text. */
  export(): string;
}

interface Answered {
  features: Float32Array;
  route: WasmRoute;
  rated: boolean;
}

interface Stored {
  base: string;
  router: string;
}

/** A fingerprint of router.json's text (FNV-1a, two 32-bit lanes): tells routers apart, no
 * more; it needs no secure context, unlike crypto.subtle. */
export function fingerprint(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

const FEEDBACK: readonly Feedback[] = ['up', 'down', 'ask_server'];

/** Routers here are read from text, never fetched. */
const noFetch = (() => Promise.reject(new Error('not fetched'))) as typeof fetch;

export class Personaliser implements Personalisation {
  private readonly answers = new Map<string, Answered>();

  private constructor(
    private readonly api: CollabApi,
    private readonly baseText: string,
    private readonly base: string,
    private current: WasmRouterApi,
    private readonly storage: KeyValueStorage | undefined,
  ) {}

  /** The personalisation of `router` (the base): the stored one when it was learned on this
   * base, else a fresh copy of the base. */
  static async open(api: CollabApi, router: WasmRouterApi, storage: KeyValueStorage | undefined): Promise<Personaliser> {
    const baseText = router.toJson();
    const base = fingerprint(baseText);
    let current: WasmRouterApi | undefined;
    try {
      const v = JSON.parse(storage?.getItem(`${PERSONAL_KEY}:${base}`) ?? 'null') as Stored | null;
      if (v && v.base === base && typeof v.router === 'string') {
        current = await loadRouter(api, JSON.parse(v.router), noFetch);
        if (current.dim !== router.dim) {
          current.free();
          current = undefined;
        }
      }
    } catch {
      // Unreadable or invalid: start from the base again (and overwrite it at the next event).
      current = undefined;
    }
    current ??= await loadRouter(api, JSON.parse(baseText), noFetch);
    return new Personaliser(api, baseText, base, current, storage);
  }

  /** The router routing decisions read. */
  get router(): WasmRouterApi {
    return this.current;
  }

  get events(): number {
    return this.freed ? 0 : this.current.events;
  }

  private freed = false;

  /** Refuses work after `unload()` (the router is freed) with kind `unloaded`. */
  private live(): void {
    if (this.freed) throw new TandemError('unloaded', 'this Tandem was unloaded');
  }

  /** Keeps what feedback on answer `id` needs (the oldest answer goes past `REMEMBERED`). */
  remember(id: string, features: Float32Array, route: WasmRoute): void {
    this.answers.delete(id);
    this.answers.set(id, { features, route, rated: false });
    while (this.answers.size > REMEMBERED) {
      const oldest = this.answers.keys().next().value as string;
      this.answers.delete(oldest);
    }
  }

  /** `create`'s answer, its id and route remembered for feedback once known (a stream's at its
   * last chunk, where the route is final). */
  track<T extends TandemCompletion | AsyncIterable<TandemChunk>>(features: Float32Array | undefined, answer: T): T {
    if (!features) return answer;
    if (!(Symbol.asyncIterator in answer)) {
      const c = answer as TandemCompletion;
      this.remember(c.id, features, c.tandem.route);
      return answer;
    }
    const chunks = answer as AsyncIterable<TandemChunk>;
    const self = this;
    return (async function* () {
      let id: string | undefined;
      let route: WasmRoute | undefined;
      for await (const c of chunks) {
        id = c.id;
        if (c.tandem?.route) route = c.tandem.route;
        yield c;
      }
      if (id !== undefined && route !== undefined) self.remember(id, features, route);
    })() as unknown as T;
  }

  feedback(id: string, feedback: Feedback): FeedbackResult {
    this.live();
    if (!FEEDBACK.includes(feedback)) {
      throw new TandemError('invalid_request', `feedback ${JSON.stringify(feedback)}: expected "up", "down" or "ask_server"`);
    }
    const a = this.answers.get(id);
    if (!a) {
      throw new TandemError(
        'invalid_request',
        `no recent answer ${JSON.stringify(id)} to give feedback on (the last ${REMEMBERED} answers the router scored are kept)`,
      );
    }
    const label = a.rated ? undefined : this.api.feedbackLabel(feedback, a.route);
    if (label === undefined || label === null) {
      const s = this.current.score(a.features);
      return { label: null, route: a.route, before: s, after: s, events: this.events };
    }
    const learned = this.current.learn(a.features, label);
    a.rated = true;
    this.save();
    return { label: label ? 'server' : 'local', route: a.route, before: learned.before, after: learned.after, events: learned.events };
  }

  async reset(): Promise<void> {
    this.live();
    const fresh = await loadRouter(this.api, JSON.parse(this.baseText), noFetch);
    this.current.free();
    this.current = fresh;
    for (const a of this.answers.values()) a.rated = false;
    this.save();
  }

  export(): string {
    this.live();
    return this.current.toJson();
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.current.free();
  }

  private save(): void {
    try {
      this.storage?.setItem(`${PERSONAL_KEY}:${this.base}`, JSON.stringify({ base: this.base, router: this.current.toJson() } satisfies Stored));
    } catch {
      // Storage full or refused: the personalisation lives on in memory.
    }
  }
}

/** `tandem.feedback` and `tandem.personalisation` of a Tandem with (or without) a router. */
export function personalisationApi(p: Personaliser | undefined): {
  feedback(id: string, feedback: Feedback): Promise<FeedbackResult>;
  personalisation: Personalisation;
} {
  const need = (): Personaliser => {
    if (!p) throw new TandemError('invalid_request', 'personalisation needs a router (options.router)');
    return p;
  };
  return {
    feedback: async (id, feedback) => need().feedback(id, feedback),
    personalisation: {
      get events() {
        return p?.events ?? 0;
      },
      reset: async () => need().reset(),
      export: () => need().export(),
    },
  };
}
