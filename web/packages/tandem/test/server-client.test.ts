// The server client's pieces: the SSE parser (line endings, split reads, comments, multi-line
// data) and each way a stream can fail (an error event, a chunk that is not JSON, silence).
import { describe, expect, it } from 'vitest';
import { ServerClient } from '../src/collab/server-client.js';
import { parseSse } from '../src/collab/sse.js';

const enc = new TextEncoder();

async function* reads(...parts: string[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield enc.encode(p);
}

async function events(...parts: string[]) {
  const out = [];
  for await (const e of parseSse(reads(...parts))) out.push(e);
  return out;
}

describe('parseSse', () => {
  it('reads events whatever the line endings and however the bytes are split', async () => {
    const want = [{ event: 'message', data: 'a' }, { event: 'error', data: 'x\ny' }, { event: 'message', data: 'é' }];
    expect(await events('data: a\n\nevent: error\ndata: x\ndata: y\n\ndata: é\n\n')).toEqual(want);
    expect(await events('data: a\r\n\r\nevent: error\r\ndata: x\r\ndata: y\r\n\r\ndata: é\r\n\r\n')).toEqual(want);
    expect(await events('data: a\r\revent: error\rdata: x\rdata: y\r\rdata: é\r\r')).toEqual(want);
    // "\r" | "\n" across reads is one line ending; a character split across reads survives.
    const bytes = enc.encode('data: a\r\n\r\nevent: error\ndata: x\ndata: y\n\ndata: é\n\n');
    const split = async function* () {
      for (const b of bytes) yield Uint8Array.of(b);
    };
    const out = [];
    for await (const e of parseSse(split())) out.push(e);
    expect(out).toEqual(want);
  });

  it('skips comments and other fields; an unterminated event is dropped', async () => {
    expect(await events(': keep-alive\n\nid: 3\nretry: 10\ndata:{"a":1}\n\ndata: half')).toEqual([{ event: 'message', data: '{"a":1}' }]);
  });
});

function sse(body: string, status = 200): typeof fetch {
  return async () => new Response(body, { status, headers: { 'content-type': 'text/event-stream' } });
}

async function drain(client: ServerClient) {
  const { value } = await client.stream({ messages: [] });
  const got = [];
  for await (const c of value) got.push(c);
  return got;
}

const opts = { baseURL: 'http://s/v1', model: 'm' };
const chunk = '{"id":"x","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}';

describe('ServerClient.stream', () => {
  it('yields chunks until [DONE]', async () => {
    expect(await drain(new ServerClient(opts, sse(`data: ${chunk}\n\ndata: [DONE]\n\n`)))).toHaveLength(1);
  });

  it.each([
    ['an error event', `data: ${chunk}\n\nevent: error\ndata: {"error":{"message":"shutting down"}}\n\n`, 'server', 'error event: shutting down'],
    ['a chunk that is not JSON', 'data: {oops\n\n', 'server', 'invalid response: an event that is not JSON: {oops'],
    ['a chunk without choices', 'data: {"id":"x"}\n\n', 'server', 'invalid response: a chunk without choices'],
    ['an end before [DONE]', `data: ${chunk}\n\n`, 'network', 'the stream ended before [DONE]'],
  ])('%s is a ServerError', async (_name, body, kind, message) => {
    await expect(drain(new ServerClient(opts, sse(body)))).rejects.toMatchObject({ name: 'TandemError', kind, message });
  });

  it('a silent stream times out', async () => {
    const silent: typeof fetch = async (_u, init) =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(enc.encode(`data: ${chunk}\n\n`));
            init?.signal?.addEventListener('abort', () => c.error(new DOMException('aborted', 'AbortError')));
          },
        }),
      );
    await expect(drain(new ServerClient({ ...opts, idleTimeoutMs: 30 }, silent))).rejects.toMatchObject({ kind: 'network', message: 'no data for 30 ms' });
  });

  it('an error status carries the server message and Retry-After', async () => {
    const f: typeof fetch = async () => new Response('{"error":{"message":"slow down"}}', { status: 429, headers: { 'retry-after': '7' } });
    await expect(new ServerClient(opts, f).complete({ messages: [] })).rejects.toMatchObject({ kind: 'server', status: 429, retryAfterMs: 7000, message: 'HTTP 429: slow down' });
    const notJson: typeof fetch = async () => new Response('<html>', { status: 200 });
    await expect(new ServerClient(opts, notJson).complete({ messages: [] })).rejects.toMatchObject({ kind: 'server', message: 'invalid response: not JSON' });
  });
});
