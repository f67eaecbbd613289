/** Server-sent events (the WHATWG event-stream format) from a byte stream: each event's `event`
 * name (default "message") and its `data` lines joined by "\n". Comments and `id`/`retry`
 * fields are skipped; lines end with "\n", "\r\n" or "\r". */
export interface SseEvent {
  event: string;
  data: string;
}

export async function* parseSse(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];

  function* lines(final: boolean): Generator<string> {
    let start = 0;
    for (let i = 0; i < buffer.length; i++) {
      const c = buffer[i];
      if (c !== '\n' && c !== '\r') continue;
      // A "\r" that ends a read may be the first half of "\r\n": wait for the next read.
      if (c === '\r' && i + 1 === buffer.length && !final) break;
      yield buffer.slice(start, i);
      if (c === '\r' && buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    buffer = buffer.slice(start);
    if (final && buffer) {
      yield buffer;
      buffer = '';
    }
  }

  function* field(line: string): Generator<SseEvent> {
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
      event = '';
      data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') data.push(value);
    else if (name === 'event') event = value;
  }

  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true });
    for (const line of lines(false)) yield* field(line);
  }
  buffer += decoder.decode();
  for (const line of lines(true)) yield* field(line);
  // An event not followed by a blank line is dropped, as the standard says.
}
