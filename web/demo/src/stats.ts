/** The dashboard's figures: one record per answer, summed on demand, kept in localStorage so a
 * reload (or a day offline) does not lose them. */
import type { CollabInfo, CompletionUsage } from '@tandem-llm/tandem';
import { badgeOf, BADGES, type Badge } from './badge';

export interface AnswerRecord {
  badge: Badge;
  localTokens: number;
  serverTokens: number;
  /** Tokens the server was sent or wrote: what it billed. */
  billed: number;
  /** Tokens an always-server setup would have been billed for this request. */
  allServer: number;
  latencyMs: number;
  drafted: number;
  accepted: number;
  routerScore?: number;
}

const KEY = 'tandem-demo-stats-v1';

export function recordOf(info: CollabInfo, usage: CompletionUsage | null | undefined): AnswerRecord {
  const prompt = usage?.prompt_tokens ?? 0;
  const completion = usage?.completion_tokens ?? info.local_tokens + info.server_tokens;
  return {
    badge: badgeOf(info),
    localTokens: info.local_tokens,
    serverTokens: info.server_tokens,
    // Every server call reads the prompt; the server's completion tokens are billed once.
    billed: info.server_calls > 0 ? prompt * info.server_calls + info.server_tokens : 0,
    allServer: prompt + completion,
    latencyMs: info.latency_ms,
    drafted: info.speculative?.draft_tokens ?? 0,
    accepted: info.speculative?.accepted_tokens ?? 0,
    routerScore: info.scores?.router,
  };
}

export interface Summary {
  answers: number;
  local: number;
  byBadge: Record<Badge, number>;
  meanLatency: Partial<Record<Badge, number>>;
  localTokens: number;
  serverTokens: number;
  savedTokens: number;
  drafted: number;
  accepted: number;
  routerScores: number[];
}

export class Stats {
  records: AnswerRecord[];

  constructor() {
    try {
      this.records = JSON.parse(localStorage.getItem(KEY) ?? '[]') as AnswerRecord[];
      if (!Array.isArray(this.records)) this.records = [];
    } catch {
      this.records = [];
    }
  }

  add(r: AnswerRecord): void {
    this.records.push(r);
    this.save();
  }

  reset(): void {
    this.records = [];
    this.save();
  }

  private save(): void {
    try {
      localStorage.setItem(KEY, JSON.stringify(this.records.slice(-2000)));
    } catch {
      // Storage full: the figures last for this visit.
    }
  }

  summary(): Summary {
    const byBadge = Object.fromEntries(BADGES.map((b) => [b, 0])) as Record<Badge, number>;
    const latency: Partial<Record<Badge, number[]>> = {};
    const s: Summary = {
      answers: this.records.length, local: 0, byBadge, meanLatency: {}, localTokens: 0, serverTokens: 0,
      savedTokens: 0, drafted: 0, accepted: 0, routerScores: [],
    };
    for (const r of this.records) {
      byBadge[r.badge]++;
      if (r.badge === 'local') s.local++;
      (latency[r.badge] ??= []).push(r.latencyMs);
      s.localTokens += r.localTokens;
      s.serverTokens += r.serverTokens;
      s.savedTokens += r.allServer - r.billed;
      s.drafted += r.drafted;
      s.accepted += r.accepted;
      if (typeof r.routerScore === 'number') s.routerScores.push(r.routerScore);
    }
    for (const [b, v] of Object.entries(latency)) s.meanLatency[b as Badge] = v.reduce((a, x) => a + x, 0) / v.length;
    return s;
  }
}
