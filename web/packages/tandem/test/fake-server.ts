/** A fetch that plays an OpenAI-compatible server: JSON or server-sent events, and the ways a
 * server fails (no connection, an error status, a stream cut short, silence). */
export type ServerMode =
  | { kind: 'ok' }
  | { kind: 'down' }
  | { kind: 'status'; status: number; message?: string; retryAfter?: string }
  /** Streams `after` content chunks, then the connection ends (no [DONE]). */
  | { kind: 'cut'; after: number }
  /** Never answers (until the request is aborted). */
  | { kind: 'hang' }
  /** Answers after `ms`. */
  | { kind: 'slow'; ms: number };

export interface SeenRequest {
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

const enc = new TextEncoder();

/** OpenAI's `logprobs.content` of `text`, one entry a character, with `top` alternatives. */
function logprobsOf(text: string, top: number) {
  return [...text].map((ch) => ({
    token: ch,
    logprob: -0.1,
    bytes: [...enc.encode(ch)],
    top_logprobs: [{ token: ch, logprob: -0.1, bytes: [...enc.encode(ch)] }, { token: '?', logprob: -2.5, bytes: [63] }].slice(0, top),
  }));
}

/** The fake tokens of fake-core.ts: a character is its code; the answer starts after the
 * prompt's last ANSWER marker (2); 0 ends it. */
const answerStart = (ids: number[]) => ids.lastIndexOf(2) + 1;

export class FakeServer {
  mode: ServerMode = { kind: 'ok' };
  /** `/verify` answers as `mode` says for this many calls, then as `verifyThen` says. */
  verifyOkCalls = Infinity;
  verifyThen: ServerMode = { kind: 'ok' };
  verifyCalls = 0;
  /** When set, `/verify`'s `top_logprobs` as given (a malformed answer), whatever was asked. */
  verifyTop?: unknown;
  reply = 'The server says 42';
  /** Stream the reply in chunks of this many characters (0: word by word). */
  chunkChars = 0;
  requests: SeenRequest[] = [];
  /** Usage reported per answer (null: none). */
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null = {
    prompt_tokens: 5,
    completion_tokens: 4,
    total_tokens: 9,
  };

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = JSON.parse(String(init?.body ?? '{}'));
    this.requests.push({ url: String(input), headers, body });
    const signal = init?.signal ?? undefined;
    const verify = String(input).endsWith('/verify');
    if (verify) this.verifyCalls++;
    const m = verify && this.verifyCalls > this.verifyOkCalls ? this.verifyThen : this.mode;
    if (m.kind === 'down') throw new TypeError('Failed to fetch');
    if (m.kind === 'hang' || m.kind === 'slow') {
      await new Promise<void>((resolve, reject) => {
        const t = m.kind === 'slow' ? setTimeout(resolve, m.ms) : undefined;
        signal?.addEventListener('abort', () => {
          clearTimeout(t);
          reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
        });
      });
    }
    if (m.kind === 'status') {
      const h: Record<string, string> = { 'content-type': 'application/json' };
      if (m.retryAfter) h['retry-after'] = m.retryAfter;
      return new Response(JSON.stringify({ error: { message: m.message ?? 'overloaded', type: 'server_error' } }), { status: m.status, headers: h });
    }
    if (verify) {
      // The server model's answer is `reply`: accept the draft's prefix that matches it.
      const mine = [...this.reply].map((c) => c.charCodeAt(0)).concat(0);
      const at = answerStart(body.prompt_ids) + 0;
      const pos = body.prompt_ids.length - at;
      const draft: number[] = body.draft_ids;
      let accepted = 0;
      while (accepted < draft.length && draft[accepted] === mine[pos + accepted]) accepted++;
      // With `top_logprobs` k: per draft position and the one after it, the server's own
      // token there (logprob -0.1), then the next characters (the fake reads positions only).
      const k: number = body.top_logprobs ?? 0;
      const top = this.verifyTop !== undefined
        ? this.verifyTop
        : k > 0
          ? Array.from({ length: draft.length + 1 }, (_, i) => {
            const id = mine[pos + i] ?? 0;
            return Array.from({ length: Math.min(k, 2) }, (_, r) => [(id + r) % 256, r === 0 ? -0.1 : -2.5]);
          })
          : undefined;
      return Response.json({
        object: 'verification', model: body.model, accepted, correction: mine[pos + accepted] ?? 0, server_ms: 1,
        ...(top !== undefined ? { top_logprobs: top } : {}),
      });
    }
    if (!body.stream) {
      return Response.json({
        id: 'chatcmpl-server',
        object: 'chat.completion',
        created: 1,
        model: body.model,
        choices: [{
          index: 0, message: { role: 'assistant', content: this.reply }, finish_reason: 'stop',
          logprobs: body.logprobs ? { content: logprobsOf(this.reply, body.top_logprobs ?? 0), refusal: null } : null,
        }],
        ...(this.usage ? { usage: this.usage } : {}),
      });
    }
    const words = this.chunkChars > 0
      ? Array.from({ length: Math.ceil(this.reply.length / this.chunkChars) }, (_, i) => this.reply.slice(i * this.chunkChars, (i + 1) * this.chunkChars))
      : this.reply.split(/(?<= )/);
    const events: string[] = [];
    const chunk = (delta: { content?: string }, finish: string | null) => {
      const logprobs = body.logprobs && delta.content ? { content: logprobsOf(delta.content, body.top_logprobs ?? 0), refusal: null } : undefined;
      return JSON.stringify({ id: 'chatcmpl-server', object: 'chat.completion.chunk', created: 1, model: body.model, choices: [{ index: 0, delta, finish_reason: finish, ...(logprobs ? { logprobs } : {}) }] });
    };
    events.push(`data: ${chunk({ role: 'assistant', content: '' }, null)}\n\n`);
    for (const w of words) events.push(`data: ${chunk({ content: w }, null)}\n\n`);
    const cutAt = m.kind === 'cut' ? 1 + m.after : Infinity;
    events.push(`data: ${chunk({}, 'stop')}\n\n`);
    if (this.usage) {
      events.push(`data: ${JSON.stringify({ id: 'chatcmpl-server', object: 'chat.completion.chunk', created: 1, model: body.model, choices: [], usage: this.usage })}\n\n`);
    }
    events.push('data: [DONE]\n\n');
    const sent = events.slice(0, cutAt);
    const stream = new ReadableStream<Uint8Array>({
      async pull(c) {
        const e = sent.shift();
        if (e === undefined) {
          c.close();
          return;
        }
        // Split an event across two reads, as networks do.
        const b = enc.encode(e);
        const half = Math.floor(b.length / 2);
        c.enqueue(b.slice(0, half));
        c.enqueue(b.slice(half));
      },
    });
    return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
}
