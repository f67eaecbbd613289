/**
 * `chat.completions.create` over any GenerationCore: a whole completion, or an async iterable
 * of chunks when `stream` is set — OpenAI's shapes, with each token's logprob and entropy in the
 * namespaced `tandem` field.
 */
import { abortError } from './errors.js';
import { normalizeRequest, type EngineFinish, type GenerationCore } from './generation.js';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionRequest,
  EngineBackend,
  FinishReason,
  TokenInfo,
} from './types.js';

export function finishReason(f: EngineFinish): FinishReason {
  return f === 'length' || f === 'context_full' ? 'length' : 'stop';
}

let counter = 0;
function completionId(): string {
  counter = (counter + 1) % 1e9;
  return `chatcmpl-tandem-${Date.now().toString(36)}-${counter.toString(36)}`;
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

  const tokens: TokenInfo[] = [];
  for await (const ev of core.generate(gen, signal)) {
    if (ev.type === 'token') {
      tokens.push({ id: ev.id, logprob: ev.logprob, entropy: ev.entropy });
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
          logprobs: null,
        },
      ],
      usage: {
        prompt_tokens: ev.promptTokens,
        completion_tokens: ev.completionTokens,
        total_tokens: ev.promptTokens + ev.completionTokens,
      },
      tandem: { backend: ev.backend, tokens, finish_detail: ev.finishReason },
    };
  }
  throw abortError(signal);
}

async function* stream(
  core: GenerationCore,
  gen: ReturnType<typeof normalizeRequest>,
  signal: AbortSignal | undefined,
  id: string,
  created: number,
  model: string,
  includeUsage: boolean,
): AsyncGenerator<ChatCompletionChunk> {
  const chunk = (
    delta: ChatCompletionChunk['choices'][0]['delta'],
    finish: FinishReason | null,
    extra?: Partial<{ tokens: TokenInfo[]; backend: EngineBackend; finish_detail: string }>,
  ): ChatCompletionChunk => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    ...(extra ? { tandem: extra } : {}),
  });
  yield chunk({ role: 'assistant', content: '' }, null);
  for await (const ev of core.generate(gen, signal)) {
    if (ev.type === 'token') {
      yield chunk({ content: ev.text }, null, { tokens: [{ id: ev.id, logprob: ev.logprob, entropy: ev.entropy }] });
      continue;
    }
    yield chunk({}, finishReason(ev.finishReason), { backend: ev.backend, finish_detail: ev.finishReason });
    if (includeUsage) {
      yield {
        id,
        object: 'chat.completion.chunk',
        created,
        model,
        choices: [],
        usage: {
          prompt_tokens: ev.promptTokens,
          completion_tokens: ev.completionTokens,
          total_tokens: ev.promptTokens + ev.completionTokens,
        },
      };
    }
    return;
  }
  throw abortError(signal);
}
