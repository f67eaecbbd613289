// The properties the SSE fuzz target checks (run.mjs drives it; test/sse-fuzz.test.ts replays the
// committed corpus through it). For any bytes:
// - parseSse gives the events of a plain reading of the WHATWG event-stream rules over the whole
//   text (reference() below: a different algorithm, splitting the decoded text at once);
// - and the same events however the bytes are cut into reads: inside a UTF-8 sequence, between
//   "\r" and "\n", one byte at a time.

/** The standard's parsing, whole-text: events `{event, data}` dispatched at blank lines. */
export function reference(text) {
  const out = [];
  let event = '';
  let data = null;
  // Lines end at "\r\n", "\r" or "\n". What follows the last end is an unfinished line: it
  // cannot dispatch anything (that needs a blank line after it), so it is dropped.
  const lines = text.split(/\r\n|\r|\n/);
  lines.pop();
  for (const line of lines) {
    if (line === '') {
      if (data !== null) out.push({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = null;
      continue;
    }
    if (line[0] === ':') continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value[0] === ' ') value = value.slice(1);
    if (name === 'data') (data ??= []).push(value);
    else if (name === 'event') event = value;
  }
  return out;
}

async function collect(parseSse, chunks) {
  async function* body() {
    for (const c of chunks) yield c;
  }
  const out = [];
  for await (const e of parseSse(body())) out.push(e);
  return out;
}

/** Cut points drawn from the input itself (so the fuzzer steers them). */
function cuts(bytes, n) {
  let h = 0x811c9dc5;
  const out = [];
  for (let i = 0; i < n; i++) {
    for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    h = Math.imul(h ^ i, 0x01000193) >>> 0;
    out.push(h % (bytes.length + 1));
  }
  return out.sort((a, b) => a - b);
}

function split(bytes, at) {
  const chunks = [];
  let from = 0;
  for (const c of at) {
    chunks.push(bytes.subarray(from, c));
    from = c;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Throws (a finding) when a property fails. */
export async function checkSse(parseSse, bytes) {
  // The stream's unfinished last line may be a "\r" that waits for a "\n": a trailing line only
  // ends at the end of the stream, which the reference sees too.
  const expected = reference(new TextDecoder().decode(bytes));
  const whole = await collect(parseSse, [bytes]);
  if (!same(whole, expected)) {
    throw new Error(`whole stream: ${JSON.stringify(whole)} != reference ${JSON.stringify(expected)}`);
  }
  const cut = await collect(parseSse, split(bytes, cuts(bytes, 4)));
  if (!same(cut, expected)) throw new Error(`cut stream: ${JSON.stringify(cut)} != ${JSON.stringify(expected)}`);
  if (bytes.length <= 256) {
    const bytewise = await collect(parseSse, split(bytes, [...bytes.keys()].slice(1)));
    if (!same(bytewise, expected)) {
      throw new Error(`byte by byte: ${JSON.stringify(bytewise)} != ${JSON.stringify(expected)}`);
    }
  }
}
