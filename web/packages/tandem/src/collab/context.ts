/**
 * What the rules know when a request is routed (tandem-collab's `Context`): the browser's
 * signals where the browser has them — `navigator.onLine`; the Network Information API
 * (`connection.saveData`, `type === 'cellular'` or an `effectiveType` of 2g / slow-2g count as
 * metered); the Battery API (`getBattery()`: below 20% and not charging is a low battery) — and
 * what this page measured itself: the round trip of recent server calls, whether the last call
 * failed (the server then counts as unreachable for a while), today's server calls and tokens,
 * and the route each conversation took.
 */
import type { ChatMessage } from '../types.js';
import type { WasmBudget, WasmContext, WasmRoute } from '../wasm-types.js';
import type { Environment, KeyValueStorage, RulesOptions, TandemUsage } from './types.js';

/** Battery level below which (not charging) the battery counts as low. */
export const LOW_BATTERY = 0.2;
/** A round-trip measurement older than this is forgotten (the link may have changed, and a
 * latency rule that keeps requests local would otherwise never measure again). */
export const RTT_MAX_AGE_MS = 5 * 60_000;
/** Weight of the newest round trip in the running average. */
const RTT_WEIGHT = 0.5;
/** Conversations whose route is remembered (the oldest is forgotten first). */
const STICKY_MAX = 1000;
export const BUDGET_KEY = 'tandem-budget-v1';
export const DEFAULT_RETRY_AFTER_MS = 30_000;

interface ConnectionLike {
  saveData?: boolean;
  type?: string;
  effectiveType?: string;
}
interface BatteryLike {
  level: number;
  charging: boolean;
}
interface NavigatorLike {
  onLine?: boolean;
  connection?: ConnectionLike;
  getBattery?(): Promise<BatteryLike>;
}

const nav = (): NavigatorLike | undefined => (globalThis as { navigator?: NavigatorLike }).navigator;

/** The browser's own signals (each undefined where the browser lacks the API). */
export function browserEnvironment(): Required<Environment> {
  let battery: Promise<BatteryLike | undefined> | undefined;
  return {
    online: () => {
      const n = nav();
      return typeof n?.onLine === 'boolean' ? n.onLine : undefined;
    },
    metered: () => {
      const c = nav()?.connection;
      if (!c) return undefined;
      return c.saveData === true || c.type === 'cellular' || c.effectiveType === '2g' || c.effectiveType === 'slow-2g';
    },
    batteryLow: async () => {
      const n = nav();
      if (typeof n?.getBattery !== 'function') return undefined;
      // The BatteryManager is live: asked for once, read at every request.
      battery ??= n.getBattery().catch(() => undefined);
      const b = await battery;
      if (!b) return undefined;
      return b.level < LOW_BATTERY && !b.charging;
    },
    now: () => Date.now(),
  };
}

/** The conversation a request belongs to: the explicit id, else its system prompt and first
 * user message (they stay the same turn after turn). */
export function conversationKey(messages: ChatMessage[], explicit?: string): string {
  if (explicit !== undefined) return `id:${explicit}`;
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const user = messages.find((m) => m.role === 'user')?.content ?? messages[0]?.content ?? '';
  return JSON.stringify([system, user]);
}

/** The local date (YYYY-MM-DD) of `ms`: budgets reset at local midnight. */
function day(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export interface SnapshotRequest {
  privacy?: string;
  forced?: WasmRoute;
  sticky?: WasmRoute;
}

export class ContextTracker {
  private rtt: { ms: number; at: number } | undefined;
  private netRtt: { ms: number; at: number } | undefined;
  private unavailableUntil = 0;
  private readonly routes = new Map<string, WasmRoute>();
  private spent: TandemUsage;

  constructor(
    private readonly rules: RulesOptions,
    private readonly env: Required<Environment>,
    private readonly storage?: KeyValueStorage,
    private readonly retryAfterMs = DEFAULT_RETRY_AFTER_MS,
  ) {
    this.spent = this.load();
  }

  private load(): TandemUsage {
    const today = day(this.env.now());
    try {
      const v = JSON.parse(this.storage?.getItem(BUDGET_KEY) ?? 'null') as TandemUsage | null;
      if (v && v.day === today && Number.isFinite(v.calls) && Number.isFinite(v.tokens)) {
        return { day: today, calls: v.calls, tokens: v.tokens };
      }
    } catch {
      // Unreadable: start the day afresh.
    }
    return { day: today, calls: 0, tokens: 0 };
  }

  private save(): void {
    try {
      this.storage?.setItem(BUDGET_KEY, JSON.stringify(this.spent));
    } catch {
      // Storage full or refused: the count lives on in memory.
    }
  }

  /** Today's server calls and tokens (a new day starts at zero). */
  usage(): TandemUsage {
    const today = day(this.env.now());
    if (this.spent.day !== today) this.spent = { day: today, calls: 0, tokens: 0 };
    return { ...this.spent };
  }

  /** A request is about to be sent to the server. */
  countCall(): void {
    const u = this.usage();
    this.spent = { ...u, calls: u.calls + 1 };
    this.save();
  }

  /** The server reported `n` tokens (prompt + completion) for a call. */
  countTokens(n: number): void {
    if (!(n > 0)) return;
    const u = this.usage();
    this.spent = { ...u, tokens: u.tokens + n };
    this.save();
  }

  /** The server answered (headers in after `rttMs`). */
  serverAnswered(rttMs: number): void {
    const now = this.env.now();
    const fresh = this.rtt && now - this.rtt.at <= RTT_MAX_AGE_MS;
    const ms = fresh ? RTT_WEIGHT * rttMs + (1 - RTT_WEIGHT) * this.rtt!.ms : rttMs;
    this.rtt = { ms, at: now };
  }

  /** A verify answered after `networkMs` of network round trip (its wall time less the
   * server's own time): what speculation plans with. Chat completions' time to headers
   * includes the server's prefill (or a whole JSON answer), so it is kept apart. */
  verifyAnswered(networkMs: number): void {
    const now = this.env.now();
    const fresh = this.netRtt && now - this.netRtt.at <= RTT_MAX_AGE_MS;
    const ms = fresh ? RTT_WEIGHT * networkMs + (1 - RTT_WEIGHT) * this.netRtt!.ms : networkMs;
    this.netRtt = { ms, at: now };
  }

  /** The measured network round trip of verify calls (ms), while it is recent. */
  networkRttMs(): number | undefined {
    return this.netRtt && this.env.now() - this.netRtt.at <= RTT_MAX_AGE_MS ? this.netRtt.ms : undefined;
  }

  /** The measured round trip to the server (ms), while it is recent. */
  rttMs(): number | undefined {
    return this.rtt && this.env.now() - this.rtt.at <= RTT_MAX_AGE_MS ? this.rtt.ms : undefined;
  }

  /** A call failed: the server counts as unreachable for `retryAfterMs` (its Retry-After) or
   * the configured default. */
  serverFailed(retryAfterMs?: number): void {
    this.unavailableUntil = this.env.now() + (retryAfterMs ?? this.retryAfterMs);
  }

  /** A call succeeded: the server is reachable again. */
  serverOk(): void {
    this.unavailableUntil = 0;
  }

  /** The route the conversation took (when stickiness is on). */
  stuck(conversation: string): WasmRoute | undefined {
    return this.rules.sticky === false ? undefined : this.routes.get(conversation);
  }

  stick(conversation: string, route: WasmRoute): void {
    if (this.rules.sticky === false) return;
    this.routes.delete(conversation);
    this.routes.set(conversation, route);
    if (this.routes.size > STICKY_MAX) {
      const oldest = this.routes.keys().next().value;
      if (oldest !== undefined) this.routes.delete(oldest);
    }
  }

  private budget(): WasmBudget | undefined {
    const b = this.rules.budget;
    if (!b || (b.maxCallsPerDay === undefined && b.maxTokensPerDay === undefined)) return undefined;
    const u = this.usage();
    return {
      calls_today: u.calls,
      tokens_today: u.tokens,
      max_calls_per_day: b.maxCallsPerDay ?? null,
      max_tokens_per_day: b.maxTokensPerDay ?? null,
    };
  }

  /** The context `decide` takes for one request, now. */
  async snapshot(req: SnapshotRequest = {}): Promise<WasmContext> {
    const now = this.env.now();
    const ctx: WasmContext = {
      online: this.env.online() ?? true,
      server_available: now >= this.unavailableUntil,
    };
    if (req.privacy !== undefined) ctx.privacy = req.privacy;
    const budget = this.budget();
    if (budget) ctx.budget = budget;
    const rtt = this.rttMs();
    if (rtt !== undefined) ctx.rtt_ms = rtt;
    if (this.rules.latencyTargetMs !== undefined) ctx.latency_target_ms = this.rules.latencyTargetMs;
    if (this.rules.metered !== false) {
      const m = this.env.metered();
      if (m !== undefined) ctx.metered = m;
    }
    if (this.rules.battery !== false) {
      const b = await this.env.batteryLow();
      if (b !== undefined) ctx.battery_low = b;
    }
    if (req.sticky) ctx.sticky = req.sticky;
    if (req.forced) ctx.forced = req.forced;
    return ctx;
  }
}
