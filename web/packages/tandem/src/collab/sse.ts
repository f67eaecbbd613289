/** Server-sent events (the WHATWG event-stream format) from a byte stream: each event's `event`
 * name (default "message") and its `data` lines joined by "\n". Comments and `id`/`retry`
 * fields are skipped; lines end with "\n", "\r\n" or "\r". Fuzzed: fuzz/run.mjs. */
export interface SseEvent {
  event: string;
  data: string;
}

/** The most characters one event may gather (its unfinished line and data lines): a stream
 * that never ends a line or an event must not take the page's memory. A completion chunk is
 * under a kilobyte. */
export const MAX_EVENT_CHARS = 8 << 20;

export async function* parseSse(body: AsyncIterable<Uint8Array>, maxEventChars = MAX_EVENT_CHARS): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  // The unfinished line, in pieces (one per read): each read is scanned once and a line is
  // joined once, so a long line arriving in many reads costs linear time. (Appending to one
  // string would flatten it at every scan, copying the whole line per read.)
  let pending: string[] = [];
  let pendingChars = 0;
  // The last read ended with "\r": that line has ended, but a "\n" starting the next read is
  // the second half of "\r\n", not an empty line.
  let afterCr = false;
  let event = '';
  let data: string[] = [];
  let dataChars = 0;

  function* lines(text: string): Generator<string> {
    if (text === '') return;
    let start = afterCr && text[0] === '\n' ? 1 : 0;
    afterCr = false;
    for (let i = start; i < text.length; i++) {
      const c = text[i];
      if (c !== '\n' && c !== '\r') continue;
      pending.push(text.slice(start, i));
      const line = pending.join('');
      pending = [];
      pendingChars = 0;
      yield line;
      if (c === '\r') {
        if (i + 1 === text.length) afterCr = true;
        else if (text[i + 1] === '\n') i++;
      }
      start = i + 1;
    }
    if (start < text.length) {
      pending.push(text.slice(start));
      pendingChars += text.length - start;
    }
  }

  function* field(line: string): Generator<SseEvent> {
    if (line === '') {
      if (data.length > 0) yield { event: event || 'message', data: data.join('\n') };
      event = '';
      data = [];
      dataChars = 0;
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (name === 'data') {
      data.push(value);
      dataChars += value.length + 1;
    } else if (name === 'event') event = value;
  }

  for await (const bytes of body) {
    for (const line of lines(decoder.decode(bytes, { stream: true }))) yield* field(line);
    if (pendingChars + dataChars > maxEventChars) {
      throw new RangeError(`an event-stream event over ${maxEventChars} characters`);
    }
  }
  for (const line of lines(decoder.decode())) yield* field(line);
  // An unfinished last line, and an event not followed by a blank line, are dropped, as the
  // standard says.
}
