/**
 * A streamed answer: one stream of OpenAI chunks (one id) whatever produced them. Tokens are
 * passed on as they come. When what was streamed is replaced — the cascade escalates after the
 * local answer, or the server fails mid-answer and the local engine takes over — a chunk with
 * `tandem: { superseded: true, route, rule, reason, scores }` and an empty delta says so: the
 * content before it is void, what follows is the answer. The finish chunk (and the usage chunk
 * after it, with `stream_options.include_usage`) carries the whole `tandem` field.
 */
import { completionId, usageOf } from '../completions.js';
import { isAbortError } from '../errors.js';
import type { ChatCompletionChunk, CompletionUsage, FinishReason, TandemExtra, TokenInfo } from '../types.js';
import type { WasmDecision } from '../wasm-types.js';
import type { Job } from './job.js';
import { afterLocal, type Plan } from './plan.js';
import { verifyPolicy, type VerifyPolicyRun } from './verify-policy.js';
import type { CollabInfo, TandemChunk } from './types.js';

interface Part {
  finish: FinishReason;
  usage: CompletionUsage | undefined;
}

interface LocalPart extends Part {
  tokens: TokenInfo[];
  text: string;
  engine: Partial<TandemExtra>;
}

type ServerPart = ({ ok: true } & Part) | { ok: false; error: unknown };

/** Builds the stream's chunks: one id and creation time, usage only where asked for. */
class Out {
  private readonly id = completionId();
  private readonly created = Math.floor(Date.now() / 1000);
  model: string;

  constructor(
    private readonly includeUsage: boolean,
    model: string,
  ) {
    this.model = model;
  }

  private chunk(delta: TandemChunk['choices'][0]['delta'], finish: FinishReason | null, extra: Partial<TandemChunk> = {}): TandemChunk {
    return {
      id: this.id,
      object: 'chat.completion.chunk',
      created: this.created,
      model: this.model,
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
      ...(this.includeUsage ? { usage: null } : {}),
      ...extra,
    };
  }

  role(): TandemChunk {
    return this.chunk({ role: 'assistant', content: '' }, null);
  }

  /** A producer's content chunk, re-badged. */
  pass(c: ChatCompletionChunk): TandemChunk {
    if (c.model) this.model = c.model;
    const ch = c.choices[0]!;
    const out = this.chunk({ content: ch.delta?.content ?? '' }, null, c.tandem ? { tandem: c.tandem } : {});
    out.choices[0]!.logprobs = ch.logprobs ?? null;
    return out;
  }

  content(content: string): TandemChunk {
    return this.chunk({ content }, null);
  }

  text(content: string, tokens: TokenInfo[]): TandemChunk {
    return this.chunk({ content }, null, { tandem: { tokens } });
  }

  superseded(d: WasmDecision): TandemChunk {
    return this.chunk({}, null, { tandem: { superseded: true, route: d.route, rule: d.rule, reason: d.reason, scores: d.scores } });
  }

  *finish(p: Part, info: CollabInfo): Generator<TandemChunk> {
    yield this.chunk({}, p.finish, { tandem: info });
    if (!this.includeUsage) return;
    const usage: CompletionUsage = p.usage ?? {
      prompt_tokens: 0,
      completion_tokens: info.route === 'local' ? info.local_tokens : info.server_tokens,
      total_tokens: info.route === 'local' ? info.local_tokens : info.server_tokens,
      prompt_tokens_details: { cached_tokens: 0 },
    };
    yield { id: this.id, object: 'chat.completion.chunk', created: this.created, model: this.model, choices: [], usage, tandem: info };
  }
}

/** The local engine's tokens, streamed; its finish and usage held back for the caller. */
async function* localPart(job: Job, out: Out): AsyncGenerator<TandemChunk, LocalPart> {
  const stream = (await job.deps.local.chat.completions.create(job.localRequest(true))) as AsyncIterable<ChatCompletionChunk>;
  const part: LocalPart = { finish: 'stop', usage: undefined, tokens: [], text: '', engine: {} };
  for await (const c of stream) {
    if (c.usage) part.usage = c.usage;
    const ch = c.choices[0];
    if (!ch) continue;
    const tokens = c.tandem?.tokens ?? [];
    part.tokens.push(...tokens);
    job.localTokens += tokens.length;
    if (ch.finish_reason) {
      part.finish = ch.finish_reason;
      part.engine = { backend: c.tandem?.backend, tokens: part.tokens, finish_detail: c.tandem?.finish_detail };
      continue;
    }
    if (ch.delta?.role && !ch.delta.content && tokens.length === 0) continue;
    part.text += ch.delta?.content ?? '';
    yield out.pass(c);
  }
  return part;
}

/** The server's tokens, streamed; a failure (before or during) is returned, not thrown. */
async function* serverPart(job: Job, out: Out, emitted: { content: boolean }): AsyncGenerator<TandemChunk, ServerPart> {
  let finish: FinishReason = 'stop';
  let usage: CompletionUsage | undefined;
  try {
    for await (const c of await job.serverStream()) {
      if (c.usage) usage = c.usage;
      const ch = c.choices[0];
      if (!ch) continue;
      if (ch.finish_reason) finish = ch.finish_reason;
      if (!ch.delta?.content) continue;
      emitted.content = true;
      yield out.pass({ ...c, tandem: undefined });
    }
  } catch (e) {
    if (isAbortError(e)) throw e;
    return { ok: false, error: e };
  }
  return { ok: true, finish, usage };
}

/** Policies `speculative`, `token-defer` and `fusion`: the text as it is decided; after a failed
 * verify the local model's continuation follows in the same stream (nothing is superseded: what
 * was shown stands). */
async function* verifyRun(job: Job, v: VerifyPolicyRun, out: Out): AsyncGenerator<TandemChunk> {
  if (v.serverAnswer) out.model = job.deps.server.model;
  for (;;) {
    const n = await v.run.next();
    if (!n.done) {
      yield out.content(n.value);
      continue;
    }
    const r = n.value;
    if (r.kind === 'server_alone') {
      yield* route(job, r.decision, out);
      return;
    }
    if (v.serverAnswer && r.decision.route === 'server') job.stick(r.decision);
    yield* out.finish({ finish: r.finish, usage: usageOf(r.promptTokens, r.completionTokens) }, r.tandem);
    return;
  }
}

/** A decided route: the server (the local engine when it fails) or the local engine. */
async function* route(job: Job, d: WasmDecision, out: Out): AsyncGenerator<TandemChunk> {
  if (d.route === 'server') {
    const emitted = { content: false };
    const s = yield* serverPart(job, out, emitted);
    if (s.ok) {
      job.stick(d);
      job.logServed(d);
      yield* out.finish(s, job.info(d));
      return;
    }
    const fb = job.fallback(d, s.error);
    if (emitted.content) yield out.superseded(fb);
    const l = yield* localPart(job, out);
    yield* out.finish(l, job.info(fb, l.engine));
    return;
  }
  job.stick(d);
  const l = yield* localPart(job, out);
  yield* out.finish(l, job.info(d, l.engine));
}

async function* run(job: Job, p: Plan, out: Out): AsyncGenerator<TandemChunk> {
  yield out.role();
  const v = verifyPolicy(job, p);
  if (v) {
    yield* verifyRun(job, v, out);
    return;
  }
  if (!p.cascade) {
    yield* route(job, p.decision, out);
    return;
  }
  const l = yield* localPart(job, out);
  const d = await afterLocal(job, l.tokens);
  if (d.route === 'local') {
    job.stick(d);
    yield* out.finish(l, job.info(d, l.engine));
    return;
  }
  yield out.superseded(d);
  const s = yield* serverPart(job, out, { content: false });
  if (s.ok) {
    job.stick(d);
    job.logServed(d);
    yield* out.finish(s, job.info(d));
    return;
  }
  // The server failed: the local answer (already generated) is the answer again.
  const fb = job.fallback(d, s.error);
  yield out.superseded(fb);
  yield out.text(l.text, l.tokens);
  yield* out.finish(l, job.info(fb, l.engine));
}

export async function answerStream(job: Job, p: Plan, localModel: string): Promise<AsyncIterable<TandemChunk>> {
  return run(job, p, new Out(!!job.req.stream_options?.include_usage, localModel));
}
