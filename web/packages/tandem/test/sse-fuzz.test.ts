// The SSE parser's fuzz corpus (fuzz/corpus/, and fuzz/regressions/ for inputs that once
// failed) replayed through the fuzz target's properties, so a fixed parser stays fixed without
// the fuzzer (scripts/fuzz.sh runs it).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { parseSse } from '../src/collab/sse';
// @ts-expect-error: a plain ES module shared with the fuzzer (fuzz/run.mjs), no types.
import { checkSse, reference } from '../fuzz/sse-check.mjs';

const fuzz = join(__dirname, '../fuzz');

function inputs(dir: string): [string, Uint8Array][] {
  const d = join(fuzz, dir);
  if (!existsSync(d)) return [];
  return readdirSync(d).map((n) => [`${dir}/${n}`, new Uint8Array(readFileSync(join(d, n)))]);
}

describe('SSE parser fuzz corpus', () => {
  const all = [...inputs('corpus'), ...inputs('regressions')];
  it('has seeds', () => expect(all.length).toBeGreaterThan(0));
  for (const [name, bytes] of all) {
    it(`replays ${name}`, async () => {
      await checkSse(parseSse, bytes);
    });
  }

  it('the reference drops an unfinished last line and a trailing line end is no blank line', () => {
    expect(reference('data: a\n\ndata: b\n')).toEqual([{ event: 'message', data: 'a' }]);
    expect(reference('data\n\n')).toEqual([{ event: 'message', data: '' }]);
  });
});

describe('parseSse bounds', () => {
  const chunked = (text: string, size: number) =>
    (async function* () {
      const b = new TextEncoder().encode(text);
      for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
    })();
  const all = async (it: AsyncIterable<unknown>) => {
    const out = [];
    for await (const e of it) out.push(e);
    return out;
  };

  it('a long line in many reads parses whole', async () => {
    const line = 'x'.repeat(1 << 20);
    const events = await all(parseSse(chunked(`data: ${line}\n\ndata: [DONE]\n\n`, 1000)));
    expect(events).toEqual([{ event: 'message', data: line }, { event: 'message', data: '[DONE]' }]);
  });

  it('an event over the bound is an error, however it is split into lines', async () => {
    await expect(all(parseSse(chunked(`data: ${'x'.repeat(5000)}`, 100), 4096))).rejects.toThrow(RangeError);
    await expect(all(parseSse(chunked('data: xxxxxxxxx\n'.repeat(500), 100), 4096))).rejects.toThrow(/over 4096/);
    // Many events, each under the bound, are fine.
    expect(await all(parseSse(chunked('data: xxxxxxxxx\n\n'.repeat(500), 100), 4096))).toHaveLength(500);
  });
});
