import { describe, expect, it } from 'vitest';
import { createCompletion } from '../src/completions.js';
import { normalizeRequest } from '../src/generation.js';
import type { ChatCompletion, ChatCompletionChunk } from '../src/types.js';
import { FakeCore } from './fake-core.js';

const messages = [{ role: 'user', content: 'hi' }];

describe('normalizeRequest', () => {
  it('passes OpenAI\'s names through; defaults and ranges are the engine\'s', () => {
    expect(normalizeRequest({ messages })).toEqual({ messages, params: {} });
    const r = normalizeRequest({
      messages, max_completion_tokens: 9, max_tokens: 3, temperature: 0, top_p: 0.5, seed: 4, stop: 'x', top_k: 5,
      logprobs: true, top_logprobs: 2, stop_token_ids: [7], ignore_eos: false, n: 1, repetition_penalty: 1.1,
    });
    expect(r.params).toEqual({
      max_completion_tokens: 9, max_tokens: 3, temperature: 0, top_p: 0.5, seed: 4, stop: 'x', top_k: 5,
      logprobs: true, top_logprobs: 2, stop_token_ids: [7], ignore_eos: false, n: 1, repetition_penalty: 1.1,
    });
    // Out of range, but well-typed: the engine (Rust, one validation for server and wasm) decides.
    expect(normalizeRequest({ messages, temperature: 3, max_tokens: 0, n: 2, stop: ['a', 'b', 'c', 'd', 'e'] }).params)
      .toEqual({ temperature: 3, max_tokens: 0, n: 2, stop: ['a', 'b', 'c', 'd', 'e'] });
  });
  it('treats null as not given and ignores fields it does not pass on', () => {
    const r = normalizeRequest({ messages, temperature: null, stop: null, logprobs: null, model: 'x', user: 'u' } as never);
    expect(r.params).toEqual({});
  });
  it.each([
    [{ messages: [] }, /messages/],
    [{ messages: [{ role: 'user', content: 3 }] }, /content/],
    [{ messages: [{ content: 'x' }] }, /role/],
    [{ messages, max_tokens: '3' }, /max_tokens must be a finite number/],
    [{ messages, max_tokens: 1.5 }, /max_tokens must be an integer/],
    [{ messages, temperature: NaN }, /temperature must be a finite number/],
    [{ messages, top_p: Infinity }, /top_p/],
    [{ messages, top_logprobs: 1.5 }, /top_logprobs must be an integer/],
    [{ messages, logprobs: 'yes' }, /logprobs must be a boolean/],
    [{ messages, ignore_eos: 1 }, /ignore_eos must be a boolean/],
    [{ messages, stop: [1] }, /stop/],
    [{ messages, stop: { a: 1 } }, /stop/],
    [{ messages, stop_token_ids: [1.5] }, /stop_token_ids\[0\]/],
    [{ messages, stop_token_ids: 3 }, /stop_token_ids/],
    [{ messages, stream: 'yes' }, /stream/],
  ])('rejects %j', (req, msg) => {
    let err: unknown;
    try {
      normalizeRequest(req as never);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ name: 'TandemError', kind: 'invalid_request', message: expect.stringMatching(msg) });
  });
});

describe('chat.completions.create', () => {
  it('returns an OpenAI-shaped completion with per-token logprob and entropy', async () => {
    const c = (await createCompletion(new FakeCore('abc'), () => 'm', { messages, temperature: 0 })) as ChatCompletion;
    expect(c.object).toBe('chat.completion');
    expect(c.model).toBe('m');
    expect(c.choices[0]).toEqual({ index: 0, message: { role: 'assistant', content: 'abc' }, finish_reason: 'stop', logprobs: null });
    expect(c.usage).toEqual({ prompt_tokens: 3, completion_tokens: 3, total_tokens: 6, prompt_tokens_details: { cached_tokens: 0 } });
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
    expect(chunks[5]!.usage!.prompt_tokens_details).toEqual({ cached_tokens: 0 });
    // As OpenAI: every chunk before the usage chunk has `usage: null`.
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    expect(chunks.every((c) => c.choices.every((ch) => ch.logprobs === null))).toBe(true);
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

  it('reports the prompt tokens reused from the KV cache in usage', async () => {
    const core = new FakeCore('ab');
    await createCompletion(core, () => 'm', { messages });
    const c = (await createCompletion(core, () => 'm', { messages: [...messages, { role: 'assistant', content: 'ab' }] })) as ChatCompletion;
    expect(c.usage.prompt_tokens).toBe(6);
    expect(c.usage.prompt_tokens_details).toEqual({ cached_tokens: 3 });
  });
});

describe('logprobs', () => {
  const bytes = (s: string) => [...new TextEncoder().encode(s)];
  const entry = (ch: string, top: number) => ({
    token: ch, logprob: -0.5, bytes: bytes(ch),
    top_logprobs: Array.from({ length: top }, (_, r) => {
      const alt = String.fromCharCode(ch.charCodeAt(0) + r);
      return { token: alt, logprob: -0.5 - r, bytes: bytes(alt) };
    }),
  });

  it('a completion carries OpenAI\'s logprobs.content, top_logprobs included', async () => {
    const core = new FakeCore('hé');
    const c = (await createCompletion(core, () => 'm', { messages, logprobs: true, top_logprobs: 2, temperature: 0 })) as ChatCompletion;
    expect(core.lastRequest!.params).toEqual({ logprobs: true, top_logprobs: 2, temperature: 0 });
    expect(c.choices[0]!.logprobs).toEqual({ content: [entry('h', 2), entry('é', 2)], refusal: null });
    expect(c.choices[0]!.logprobs!.content![1]!.bytes).toEqual([0xc3, 0xa9]);
    // The tandem extension is unchanged.
    expect(c.tandem.tokens).toEqual([{ id: 104, logprob: -0.5, entropy: 1.25 }, { id: 233, logprob: -0.5, entropy: 1.25 }]);
  });

  it('logprobs without top_logprobs gives empty top_logprobs lists', async () => {
    const c = (await createCompletion(new FakeCore('ab'), () => 'm', { messages, logprobs: true })) as ChatCompletion;
    expect(c.choices[0]!.logprobs!.content).toEqual([entry('a', 0), entry('b', 0)]);
  });

  it('streams one entry per token chunk, also for a token whose text is held back', async () => {
    const s = (await createCompletion(new FakeCore('abc', 0, new Set([1])), () => 'm', {
      messages, stream: true, logprobs: true, top_logprobs: 1,
    })) as AsyncIterable<ChatCompletionChunk>;
    const chunks: ChatCompletionChunk[] = [];
    for await (const c of s) chunks.push(c);
    expect(chunks).toHaveLength(5); // role, a, b (held back), c (carries "bc"), finish
    expect(chunks.map((c) => c.choices[0]!.delta.content)).toEqual(['', 'a', '', 'bc', undefined]);
    expect(chunks[0]!.choices[0]!.logprobs).toBeNull();
    expect(chunks.slice(1, 4).map((c) => c.choices[0]!.logprobs)).toEqual(
      ['a', 'b', 'c'].map((ch) => ({ content: [entry(ch, 1)], refusal: null })),
    );
    expect(chunks[4]!.choices[0]!.logprobs).toBeNull();
    expect(chunks[2]!.tandem!.tokens).toEqual([{ id: 98, logprob: -0.5, entropy: 1.25 }]);
  });
});
