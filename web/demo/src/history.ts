/** The conversation as data, kept in localStorage: a reload (offline too) shows every answer,
 * and an "ask the server too" queued offline survives it until it is replayed. */
import type { CollabInfo, CompletionUsage } from '@tandem-llm/tandem';

export interface Answer {
  text: string;
  info: CollabInfo;
  usage?: CompletionUsage | null;
  /** The completion's id (what `tandem.feedback` takes; valid in the page that answered). */
  completionId: string;
}

export interface ServerToo {
  state: 'queued' | 'asking' | 'done' | 'kept-local' | 'failed';
  answer?: Answer;
  /** Why it is queued, kept local or failed. */
  note?: string;
}

export interface Turn {
  id: string;
  prompt: string;
  answer?: Answer;
  error?: string;
  also?: ServerToo;
  /** What the feedback buttons reported. */
  feedback?: string;
}

const KEY = 'tandem-demo-chat-v1';
const KEEP = 100;

export class History {
  turns: Turn[];

  constructor() {
    try {
      const t = JSON.parse(localStorage.getItem(KEY) ?? '[]') as Turn[];
      this.turns = Array.isArray(t) ? t : [];
    } catch {
      this.turns = [];
    }
    // A request the page was making when it closed did not finish: say so, do not pretend.
    for (const t of this.turns) {
      if (t.also?.state === 'asking') t.also = { state: 'queued', note: 'interrupted by a reload' };
      if (!t.answer && !t.error) t.error = 'interrupted by a reload';
    }
  }

  add(prompt: string): Turn {
    const t: Turn = { id: crypto.randomUUID(), prompt };
    this.turns.push(t);
    this.save();
    return t;
  }

  queued(): Turn[] {
    return this.turns.filter((t) => t.also?.state === 'queued');
  }

  clear(): void {
    this.turns = [];
    this.save();
  }

  save(): void {
    if (this.turns.length > KEEP) this.turns.splice(0, this.turns.length - KEEP);
    try {
      localStorage.setItem(KEY, JSON.stringify(this.turns));
    } catch {
      // Storage full: the conversation lasts for this visit.
    }
  }
}
