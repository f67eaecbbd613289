/**
 * `chat.completions.create` over any GenerationCore: a whole completion, or an async iterable
 * of chunks when `stream` is set — OpenAI's shapes (with `logprobs` / `top_logprobs` on
 * request), and each token's id, logprob and entropy in the namespaced `tandem` field.
 */
import { abortError } from './errors.js';
import { normalizeRequest, type DoneEvent, type EngineFinish, type GenerationCore, type GenRequest, type TokenEvent } from './generation.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  CompletionUsage,
  EngineBackend,
  FinishReason,
  TokenInfo,
  TokenLogprob,
} from './types.js';

export function finishReason(f: EngineFinish): FinishReason {
  return f === 'length' || f === 'context_full' ? 'length' : 'stop';
}

let counter = 0;
export function completionId(): string {
  counter = (counter + 1) % 1e9;
  return `chatcmpl-tandem-${Date.now().toString(36)}-${counter.toString(36)}`;
}

/** A token event as OpenAI's `logprobs.content` entry. */
function tokenLogprob(ev: TokenEvent): TokenLogprob {
  return {
    token: ev.token,
    logprob: ev.logprob,
    bytes: ev.bytes,
    top_logprobs: ev.topLogprobs.map((t) => ({ token: t.token, logprob: t.logprob, bytes: t.bytes })),
  };
}

/** OpenAI's `usage` of an answer of `completionTokens` after `promptTokens`. */
export function usageOf(promptTokens: number, completionTokens: number, cachedTokens = 0): CompletionUsage {
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: { cached_tokens: cachedTokens },
  };
}

function usage(ev: DoneEvent): CompletionUsage {
  return usageOf(ev.promptTokens, ev.completionTokens, ev.cachedTokens);
}

export async function createCompletion(
  core: GenerationCore,
  modelName: () => string,
  req: ChatCompletionRequest,
): Promise<ChatCompletion | AsyncIterable<ChatCompletionChunk>> {
  const gen = normalizeRequest(req);
  const signal = req.signal;
  if (signal?.aborted) throw abortError(signal);
  const id = completionId();
  const created = Math.floor(Date.now() / 1000);
  const model = modelName();
  if (req.stream) return stream(core, gen, signal, id, created, model, !!req.stream_options?.include_usage);

  const logprobs = gen.params.logprobs === true;
  const tokens: TokenInfo[] = [];
  const content: TokenLogprob[] = [];
  for await (const ev of core.generate(gen, signal)) {
    if (ev.type === 'token') {
      tokens.push({ id: ev.id, logprob: ev.logprob, entropy: ev.entropy });
      if (logprobs) content.push(tokenLogprob(ev));
      continue;
    }
    return {
      id,
      object: 'chat.completion',
      created,
      model,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: ev.text },
          finish_reason: finishReason(ev.finishReason),
          logprobs: logprobs ? { content, refusal: null } : null,
        },
      ],
      usage: usage(ev),
      tandem: { backend: ev.backend, tokens, finish_detail: ev.finishReason },
    };
  }
  throw abortError(signal);
}

/** A role chunk, one chunk per token (its text may be '' while held back; with `logprobs` it
 * carries the token's entry), a finish chunk, and usage when asked for. */
async function* stream(
  core: GenerationCore,
  gen: GenRequest,
  signal: AbortSignal | undefined,
  id: string,
  created: number,
  model: string,
  includeUsage: boolean,
): AsyncGenerator<ChatCompletionChunk> {
  const logprobs = gen.params.logprobs === true;
  const chunk = (
    delta: ChatCompletionChunk['choices'][0]['delta'],
    finish: FinishReason | null,
    extra?: Partial<{ tokens: TokenInfo[]; backend: EngineBackend; finish_detail: string }>,
    entry?: TokenLogprob,
  ): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: entry ? { content: [entry], refusal: null } : null }],
    // OpenAI's shape: with include_usage every chunk has `usage: null` but the last.
    ...(includeUsage ? { usage: null } : {}),
    ...(extra ? { tandem: extra } : {}),
  });
  yield chunk({ role: 'assistant', content: '' }, null);
  for await (const ev of core.generate(gen, signal)) {
    if (ev.type === 'token') {
      yield chunk(
        { content: ev.text },
        null,
        { tokens: [{ id: ev.id, logprob: ev.logprob, entropy: ev.entropy }] },
        logprobs ? tokenLogprob(ev) : undefined,
      );
      continue;
    }
    yield chunk({}, finishReason(ev.finishReason), { backend: ev.backend, finish_detail: ev.finishReason });
    if (includeUsage) {
      yield { id, object: 'chat.completion.chunk', created, model, choices: [], usage: usage(ev) };
    }
    return;
  }
  throw abortError(signal);
}
