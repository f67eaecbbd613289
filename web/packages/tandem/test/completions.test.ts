import { describe, expect, it } from 'vitest';
import { createCompletion } from '../src/completions.js';
import { normalizeRequest } from '../src/generation.js';
import type { ChatCompletion, ChatCompletionChunk } from '../src/types.js';
import { FakeCore } from './fake-core.js';

const messages = [{ role: 'user', content: 'hi' }];

describe('normalizeRequest', () => {
  it('maps OpenAI defaults and names', () => {
    expect(normalizeRequest({ messages })).toEqual({ messages, params: { max_tokens: 256, temperature: 1, stop: [] } });
    const r = normalizeRequest({ messages, max_completion_tokens: 9, max_tokens: 3, temperature: 0, top_p: 0.5, seed: 4, stop: 'x', top_k: 5 });
    expect(r.params).toEqual({ max_tokens: 9, temperature: 0, top_p: 0.5, seed: 4, stop: ['x'], top_k: 5 });
  });
  it.each([
    [{ messages: [] }, /messages/],
    [{ messages: [{ role: 'user', content: 3 }] }, /content/],
    [{ messages, max_tokens: 0 }, /max_tokens/],
    [{ messages, max_tokens: 1.5 }, /integer/],
    [{ messages, temperature: 3 }, /temperature/],
    [{ messages, temperature: NaN }, /finite/],
    [{ messages, top_p: 0 }, /top_p/],
    [{ messages, stop: ['a', 'b', 'c', 'd', 'e'] }, /at most 4/],
    [{ messages, stop: [''] }, /stop/],
    [{ messages, n: 2 }, /n = 1/],
    [{ messages, seed: -1 }, /seed/],
  ])('rejects %j', (req, msg) => {
    expect(() => normalizeRequest(req as never)).toThrow(msg);
  });
});

describe('chat.completions.create', () => {
  it('returns an OpenAI-shaped completion with per-token logprob and entropy', async () => {
    const c = (await createCompletion(new FakeCore('abc'), () => 'm', { messages, temperature: 0 })) as ChatCompletion;
    expect(c.object).toBe('chat.completion');
    expect(c.model).toBe('m');
    expect(c.choices[0]).toEqual({ index: 0, message: { role: 'assistant', content: 'abc' }, finish_reason: 'stop', logprobs: null });
    expect(c.usage).toEqual({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6 });
    expect(c.tandem.tokens).toEqual([97, 98, 99].map((id) => ({ id, logprob: -0.5, entropy: 1.25 })));
    expect(c.tandem.finish_detail).toBe('stop_token');
  });

  it('maps the length limit to finish_reason "length"', async () => {
    const c = (await createCompletion(new FakeCore('abcdef'), () => 'm', { messages, max_tokens: 2 })) as ChatCompletion;
    expect(c.choices[0]!.finish_reason).toBe('length');
    expect(c.choices[0]!.message.content).toBe('ab');
  });

  it('streams a role chunk, one chunk per token, a finish chunk, and usage on request', async () => {
    const s = (await createCompletion(new FakeCore('hey'), () => 'm', {
      messages, stream: true, stream_options: { include_usage: true },
    })) as AsyncIterable<ChatCompletionChunk>;
    const chunks: ChatCompletionChunk[] = [];
    for await (const c of s) chunks.push(c);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks.slice(1, 4).map((c) => c.choices[0]!.delta.content).join('')).toBe('hey');
    expect(chunks[1]!.tandem!.tokens).toEqual([{ id: 104, logprob: -0.5, entropy: 1.25 }]);
    expect(chunks[4]!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks[5]!.choices).toEqual([]);
    expect(chunks[5]!.usage!.completion_tokens).toBe(3);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
  });

  it('aborts: before the call, and mid-stream (the core generation is cancelled)', async () => {
    const core = new FakeCore('a long reply that goes on', 1);
    const done = new AbortController();
    done.abort();
    await expect(createCompletion(core, () => 'm', { messages, signal: done.signal })).rejects.toMatchObject({ name: 'AbortError' });

    const ac = new AbortController();
    const s = (await createCompletion(core, () => 'm', { messages, stream: true, signal: ac.signal })) as AsyncIterable<ChatCompletionChunk>;
    let n = 0;
    const err = await (async () => {
      for await (const _ of s) if (++n === 4) ac.abort();
    })().catch((e) => e);
    expect(err.name).toBe('AbortError');
    expect(n).toBe(4);
    expect(core.cancelled).toBe(1);
  });

  it('cancels the generation when the consumer stops iterating', async () => {
    const core = new FakeCore('abcdefgh');
    const s = (await createCompletion(core, () => 'm', { messages, stream: true })) as AsyncIterable<ChatCompletionChunk>;
    for await (const c of s) if (c.choices[0]!.delta.content === 'b') break;
    expect(core.cancelled).toBe(1);
    expect(core.steps).toBe(2);
  });
});
