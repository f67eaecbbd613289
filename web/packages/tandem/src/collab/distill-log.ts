/**
 * The distillation log (issue 17): with `createTandem({ distill: { log: true } })`, every answer
 * the server gave to an escalated request (policy `server`, a routed request the router sent
 * there, a cascade escalation) is kept on the device as one `tandem-distill/1` JSON line —
 * the messages as the server saw them, its answer, and its top-k logprobs when it gave them —
 * so that `models/distill.py` can fine-tune the small model on what the server taught it.
 * Off by default; nothing is logged unless the app opts in, and nothing is sent anywhere: the
 * app exports the log (`tandem.distillation.export()`) and does with it what it says.
 *
 * Stored in IndexedDB (one object store, auto-increment keys in arrival order); a cap on the
 * records (`maxRecords`) drops the oldest. Logging never fails a request: it runs after the
 * answer, and a storage error goes to `onError` (default: console.warn) and `lastError`.
 */
import { TandemError } from '../errors.js';
import type { ChatMessage } from '../types.js';

export const DISTILL_FORMAT = 'tandem-distill/1';
/** OpenAI's largest `top_logprobs`. */
export const MAX_TOP_LOGPROBS = 20;
export const DEFAULT_TOP_LOGPROBS = 5;
export const DEFAULT_MAX_RECORDS = 10_000;

/** One entry of OpenAI's `choice.logprobs.content`. */
export interface LogprobToken {
  token: string;
  logprob: number;
  bytes: number[] | null;
  top_logprobs?: { token: string; logprob: number; bytes: number[] | null }[];
}

/** One line of the log. */
export interface DistillRecord {
  format: typeof DISTILL_FORMAT;
  /** Unix milliseconds. */
  created: number;
  /** The server's model name. */
  model: string;
  /** The policy that sent the request to the server: 'server', 'route', 'cascade', 'speculative'. */
  route: string;
  /** Why it went there (the decision's reason). */
  reason: string;
  /** The messages as sent (redacted when the privacy pipeline is on: the log holds no more than
   * the server saw). */
  messages: { role: string; content: string }[];
  /** The server's text (placeholders not restored, so it lines up with `logprobs`). */
  answer: string;
  logprobs: LogprobToken[] | null;
}

/** Where records are kept: IndexedDB in a browser; anything with these four methods elsewhere
 * (tests, an app with its own storage). Lines are JSON text, oldest first. */
export interface DistillStore {
  /** Appends one line, then drops the oldest lines beyond `maxRecords`. */
  append(line: string, maxRecords: number): Promise<void>;
  count(): Promise<number>;
  lines(): Promise<string[]>;
  clear(): Promise<void>;
}

export interface DistillOptions {
  /** Log the server's answers (default false). */
  log: boolean;
  /** Alternatives per token asked of the server (`top_logprobs`, 0..=20; default 5; 0 asks for
   * no logprobs at all). A request that asks for logprobs itself keeps its own. */
  topLogprobs?: number;
  /** Records kept; the oldest go first (default 10 000). */
  maxRecords?: number;
  /** Where to keep them (default: IndexedDB database `tandem-distill`). */
  store?: DistillStore;
  /** Called with a storage error (default: console.warn). */
  onError?: (e: Error) => void;
}

/** `tandem.distillation`: the log, for the app to export or clear. */
export interface Distillation {
  /** Whether answers are being logged. */
  readonly enabled: boolean;
  count(): Promise<number>;
  /** The log as JSON lines (one record a line, oldest first, each ending in a newline). */
  export(): Promise<string>;
  /** The same as a Blob (`application/jsonl`), ready for a download link. */
  exportBlob(): Promise<Blob>;
  clear(): Promise<void>;
  /** The last storage error, if any. */
  readonly lastError: Error | undefined;
}

/** Records in memory (node tests; a page without IndexedDB that still wants a log this session). */
export class MemoryDistillStore implements DistillStore {
  readonly records: string[] = [];

  async append(line: string, maxRecords: number): Promise<void> {
    this.records.push(line);
    if (this.records.length > maxRecords) this.records.splice(0, this.records.length - maxRecords);
  }

  async count(): Promise<number> {
    return this.records.length;
  }

  async lines(): Promise<string[]> {
    return [...this.records];
  }

  async clear(): Promise<void> {
    this.records.length = 0;
  }
}

function done<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** IndexedDB: database `name`, object store `records`, auto-increment keys (arrival order). */
export class IndexedDbDistillStore implements DistillStore {
  private db: Promise<IDBDatabase> | undefined;

  constructor(
    readonly name = 'tandem-distill',
    private readonly idb: IDBFactory = globalThis.indexedDB,
  ) {}

  private open(): Promise<IDBDatabase> {
    this.db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const r = this.idb.open(this.name, 1);
      r.onupgradeneeded = () => r.result.createObjectStore('records', { autoIncrement: true });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error(`cannot open IndexedDB ${this.name}`));
      r.onblocked = () => reject(new Error(`IndexedDB ${this.name} is blocked by another tab`));
    }).catch((e) => {
      this.db = undefined; // the next call tries again
      throw e;
    });
    return this.db;
  }

  async append(line: string, maxRecords: number): Promise<void> {
    const tx = (await this.open()).transaction('records', 'readwrite');
    const ok = finished(tx);
    const s = tx.objectStore('records');
    s.add(line);
    // In the same transaction, from request callbacks (an await would let it commit): never
    // more than maxRecords, the oldest keys going first.
    const count = s.count();
    count.onsuccess = () => {
      let extra = count.result - maxRecords;
      if (extra <= 0) return;
      const cur = s.openCursor();
      cur.onsuccess = () => {
        const c = cur.result;
        if (!c || extra <= 0) return;
        c.delete();
        extra--;
        c.continue();
      };
    };
    await ok;
  }

  async count(): Promise<number> {
    const tx = (await this.open()).transaction('records', 'readonly');
    return done(tx.objectStore('records').count());
  }

  async lines(): Promise<string[]> {
    const tx = (await this.open()).transaction('records', 'readonly');
    return (await done(tx.objectStore('records').getAll())) as string[];
  }

  async clear(): Promise<void> {
    const tx = (await this.open()).transaction('records', 'readwrite');
    const ok = finished(tx);
    tx.objectStore('records').clear();
    await ok;
  }
}

/** `options.distill` checked. */
export function checkDistill(o: DistillOptions | undefined): DistillOptions | undefined {
  if (o === undefined || o === null) return undefined;
  if (typeof o !== 'object') throw new TandemError('invalid_options', 'options.distill must be an object');
  const known = ['log', 'topLogprobs', 'maxRecords', 'store', 'onError'];
  const bad = Object.keys(o).find((k) => !known.includes(k));
  if (bad !== undefined) throw new TandemError('invalid_options', `options.distill: unknown key ${JSON.stringify(bad)} (known: ${known.join(', ')})`);
  if (typeof o.log !== 'boolean') throw new TandemError('invalid_options', 'options.distill.log must be true or false');
  const k = o.topLogprobs;
  if (k !== undefined && !(Number.isInteger(k) && k >= 0 && k <= MAX_TOP_LOGPROBS)) {
    throw new TandemError('invalid_options', `options.distill.topLogprobs must be an integer in 0..=${MAX_TOP_LOGPROBS}`);
  }
  const m = o.maxRecords;
  if (m !== undefined && !(Number.isInteger(m) && m >= 1)) throw new TandemError('invalid_options', 'options.distill.maxRecords must be an integer ≥ 1');
  if (o.onError !== undefined && typeof o.onError !== 'function') throw new TandemError('invalid_options', 'options.distill.onError must be a function');
  if (o.store !== undefined && !['append', 'count', 'lines', 'clear'].every((f) => typeof (o.store as unknown as Record<string, unknown>)[f] === 'function')) {
    throw new TandemError('invalid_options', 'options.distill.store must have append, count, lines and clear');
  }
  if (o.log && !o.store && typeof globalThis.indexedDB === 'undefined') {
    throw new TandemError('invalid_options', 'options.distill.log needs IndexedDB here, or options.distill.store');
  }
  return { ...o };
}

/** What a server answer leaves for the log (see Job). */
export interface ServedAnswer {
  model: string;
  answer: string;
  logprobs: LogprobToken[] | null;
}

/** The log of one `createTandem`. Writes are queued one after another, so `count()` and
 * `export()` see every answer given before them. */
export class DistillLog implements Distillation {
  readonly enabled: boolean;
  /** `top_logprobs` to ask the server for (0: none). */
  readonly topLogprobs: number;
  private readonly maxRecords: number;
  private readonly store: DistillStore | undefined;
  private readonly onError: (e: Error) => void;
  private queue: Promise<void> = Promise.resolve();
  lastError: Error | undefined;
  /** Set when the server refused `logprobs` (an error status 400/422): why the log has stopped
   * asking for them (its records then carry `logprobs: null`). */
  logprobsRefused: string | undefined;

  constructor(o: DistillOptions | undefined, now: () => number = Date.now) {
    this.enabled = !!o?.log;
    this.topLogprobs = o?.topLogprobs ?? DEFAULT_TOP_LOGPROBS;
    this.maxRecords = o?.maxRecords ?? DEFAULT_MAX_RECORDS;
    // No database is opened unless the app opted in or gave its own store.
    this.store = o?.store ?? (this.enabled ? new IndexedDbDistillStore() : undefined);
    this.onError = o?.onError ?? ((e) => console.warn(`tandem: the distillation log: ${e.message}`));
    this.now = now;
  }

  private readonly now: () => number;

  private run<T>(f: (s: DistillStore) => Promise<T>, empty: T): Promise<T> {
    const s = this.store;
    if (!s) return Promise.resolve(empty);
    const p = this.queue.then(() => f(s));
    this.queue = p.then(
      () => {},
      () => {},
    );
    return p;
  }

  /** Appends a record after the answer; never throws (a failure is reported). */
  record(served: ServedAnswer, route: string, reason: string, messages: ChatMessage[]): void {
    if (!this.enabled) return;
    let line: string;
    try {
      const rec: DistillRecord = {
        format: DISTILL_FORMAT,
        created: this.now(),
        model: served.model,
        route,
        reason,
        messages: messages.map((m) => ({ role: m.role, content: m.content })),
        answer: served.answer,
        logprobs: served.logprobs,
      };
      line = JSON.stringify(rec);
    } catch (e) {
      this.report(e);
      return;
    }
    this.run((s) => s.append(line, this.maxRecords), undefined).catch((e) => this.report(e));
  }

  private report(e: unknown): void {
    const err = e instanceof Error ? e : new Error(String(e));
    this.lastError = err;
    try {
      this.onError(err);
    } catch {
      // The app's handler failing must not reach the answer either.
    }
  }

  count(): Promise<number> {
    return this.run((s) => s.count(), 0);
  }

  async export(): Promise<string> {
    const lines = await this.run((s) => s.lines(), [] as string[]);
    return lines.map((l) => `${l}\n`).join('');
  }

  async exportBlob(): Promise<Blob> {
    // From the lines, not one joined string: 10 000 records with logprobs can pass a JS
    // engine's longest string.
    const lines = await this.run((s) => s.lines(), [] as string[]);
    return new Blob(lines.map((l) => l + '\n'), { type: 'application/jsonl' });
  }

  clear(): Promise<void> {
    return this.run((s) => s.clear(), undefined);
  }
}
