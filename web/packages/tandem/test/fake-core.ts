/** A GenerationCore that "generates" the characters of a fixed reply, one per token. */
import { abortError, TandemError } from '../src/errors.js';
import type { GenerationCore, GenEvent, GenRequest } from '../src/generation.js';
import type { ChatMessage, DraftRequest, EngineInfo, NextRequest, NextToken, PromptFeatures } from '../src/types.js';
import type { WasmDraft } from '../src/wasm-types.js';

/** FakeCore's token ids: a character is its code; these three are special. */
export const EOS = 0;
const BOS = 1;
/** Ends the prompt: the answer's tokens follow it. */
export const ANSWER = 2;

/** Where the answer starts in `ids` (after the last ANSWER marker). */
export function answerStart(ids: number[]): number {
  return ids.lastIndexOf(ANSWER) + 1;
}

const utf8 = (s: string) => [...new TextEncoder().encode(s)];

export class FakeCore implements GenerationCore {
  steps = 0;
  cancelled = 0;
  prefills = 0;
  lastRequest?: GenRequest;
  /** Every token's logprob and entropy (what a cascade judges). */
  logprob = -0.5;
  entropy = 1.25;
  /** The prompt features (hidden size 8): by default 1 in every place when the last message
   * says "hard", else -1 (a router with positive weights then sends "hard" prompts away). */
  featuresOf = (messages: ChatMessage[]): PromptFeatures => {
    const v = messages.at(-1)!.content.includes('hard') ? 1 : -1;
    return { mean: Array(8).fill(v), last: Array(8).fill(v), tokens: messages.length * 3 };
  };
  private lastPrompt = 0;
  maxContext = 64;
  /**
   * @param hold indexes of characters whose text is held back (as a possible stop string would
   * be): their step's `text` is '' and the next step's carries it.
   */
  constructor(
    private reply = 'Hello there!',
    private delayMs = 0,
    private hold = new Set<number>(),
  ) {}

  async *generate(req: GenRequest, signal?: AbortSignal): AsyncGenerator<GenEvent> {
    this.lastRequest = req;
    const p = req.params;
    let done = false;
    try {
      const n = Math.min(p.max_completion_tokens ?? p.max_tokens ?? 256, this.reply.length);
      const top = p.logprobs ? (p.top_logprobs ?? 0) : 0;
      let pending = '';
      for (let i = 0; i < n; i++) {
        if (signal?.aborted) throw abortError(signal);
        if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
        this.steps++;
        const ch = this.reply[i]!;
        pending += ch;
        const text = this.hold.has(i) && i + 1 < n ? '' : pending;
        if (text) pending = '';
        // The picked character first, then the next ones in the alphabet, less likely each.
        const topLogprobs = Array.from({ length: top }, (_, r) => {
          const alt = String.fromCharCode(ch.charCodeAt(0) + r);
          return { id: alt.charCodeAt(0), token: alt, bytes: utf8(alt), logprob: -0.5 - r };
        });
        yield { type: 'token', id: ch.charCodeAt(0), text, token: ch, bytes: utf8(ch), logprob: this.logprob, entropy: this.entropy, topLogprobs };
      }
      done = true;
      const promptTokens = req.messages.length * 3;
      const cachedTokens = Math.min(this.lastPrompt, promptTokens);
      this.lastPrompt = promptTokens;
      yield {
        type: 'done',
        finishReason: n < this.reply.length ? 'length' : 'stop_token',
        promptTokens,
        cachedTokens,
        completionTokens: n,
        text: this.reply.slice(0, n),
        backend: 'cpu',
      };
    } finally {
      if (!done) this.cancelled++;
    }
  }
  async info(): Promise<EngineInfo> {
    return {
      model: 'fake', backend: 'cpu', architecture: 'llama', vocabSize: 256, hiddenSize: 8, numLayers: 1,
      maxContext: this.maxContext, hasTokenizer: true, hasChatTemplate: true, eosTokenIds: [0], gpuWeightBytes: 0,
      cachedTokens: this.lastPrompt, fromCache: false, loadMs: 1,
      store: 'none', storageError: null, shared: false, clients: 1, restarts: 0,
    };
  }
  async promptFeatures(messages: ChatMessage[]): Promise<PromptFeatures> {
    this.prefills++;
    return this.featuresOf(messages);
  }
  /** What `draft` proposes: the reply's characters, then EOS (default: the reply). */
  draftReply?: string;
  drafts: DraftRequest[] = [];
  async promptIds(messages: ChatMessage[]): Promise<number[]> {
    return [BOS, ...[...messages.map((m) => m.content).join('\n')].map((c) => c.charCodeAt(0)), ANSWER];
  }
  async decode(ids: number[]): Promise<string> {
    return String.fromCharCode(...ids.filter((id) => id > ANSWER));
  }
  async draft(req: DraftRequest): Promise<WasmDraft> {
    this.drafts.push(req);
    const reply = [...(this.draftReply ?? this.reply)].map((c) => c.charCodeAt(0)).concat(EOS);
    // Past its reply the fake drafter proposes the end (a model always proposes something).
    const at = Math.min(req.ids.length - answerStart(req.ids), reply.length - 1);
    const ids: number[] = [];
    for (let i = at; i < reply.length && ids.length < req.k; i++) {
      ids.push(reply[i]!);
      if (reply[i] === EOS) break;
    }
    // A one-hot "distribution" per token when sampling (the fake drafter is certain).
    return { ids, dists: req.temperature > 0 ? ids.map((id) => [[id, 1]]) : null };
  }
  nexts: NextRequest[] = [];
  /** The entropy `next` reports at answer position `pos` (default: `entropy`). */
  nextEntropy?: (pos: number) => number;
  /** The next-token distribution: the draft reply's character at the answer's position (then
   * EOS), logprob `logprob`, and the next characters in the alphabet, one nat less likely each. */
  /** `next` throws this on its call number `failNextAt` (0-based), once. */
  failNextAt?: number;
  async next(req: NextRequest): Promise<NextToken> {
    this.nexts.push(req);
    if (this.failNextAt === this.nexts.length - 1) throw new TandemError('internal', 'the local engine failed');
    const reply = [...(this.draftReply ?? this.reply)].map((c) => c.charCodeAt(0)).concat(EOS);
    const pos = req.ids.length - answerStart(req.ids);
    const id = reply[Math.min(pos, reply.length - 1)]!;
    const top = Array.from({ length: req.topK }, (_, r): [number, number] => [(id + r) % 256, this.logprob - r]);
    return { top, entropy: this.nextEntropy?.(pos) ?? this.entropy };
  }
  unloads = 0;
  async unload() {
    this.unloads++;
  }
  async simulateDeviceLoss() {}
  async simulatePanic() {}
}
