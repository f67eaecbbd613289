// The official openai JS SDK (npm `openai`, pinned) in Chromium, on a page of another origin
// than `tandem serve`: the CORS preflights carrying the SDK's own headers (`x-stainless-*`,
// Authorization) pass, chat completions (JSON and streamed, content-part arrays) parse with the
// SDK's types and equal the CLI's greedy text, errors arrive as the SDK's typed errors, and a
// 429's Retry-After is readable by the page.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliPath, launch, ROOT, serve, startTandemServe, type Server } from './harness.js';

const MODEL = 'models/demo/license-llama';
const PROMPT = 'The Licensor grants You';
const KEY = 'sk-browser-test';

let srv: Server;
let api: string;
let server: ChildProcess;

beforeAll(async () => {
  srv = await serve();
  ({ api, process: server } = await startTandemServe(MODEL, KEY, srv.url, ['--rate-limit', '6']));
});

afterAll(async () => {
  server?.kill('SIGTERM');
  await srv?.close();
});

function cliText(maxTokens: number): string {
  const out = execFileSync(
    cliPath(),
    ['generate', '--model', join(ROOT, MODEL), '--prompt', PROMPT, '--chat', '--max-new-tokens', String(maxTokens), '--json'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out).text;
}

it('the official openai SDK talks to tandem serve from another origin', async () => {
  const ctx = await launch({ webgpu: false });
  try {
    const page = await ctx.newPage();
    await page.goto(`${srv.url}/tests/browser/openai-sdk.html`);
    await page.waitForFunction(() => (window as unknown as { openaiReady?: boolean }).openaiReady === true);
    const got = await page.evaluate(
      async ({ api, key, prompt }) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const OpenAI = (window as any).OpenAI;
        const client = new OpenAI({ baseURL: `${api}/v1`, apiKey: key, dangerouslyAllowBrowser: true, maxRetries: 0 });
        const messages = [{ role: 'user', content: [{ type: 'text', text: prompt }] }];
        const done = await client.chat.completions.create({ model: 'license-llama', messages, max_tokens: 16, temperature: 0 });
        const stream = await client.chat.completions.create({
          model: 'license-llama', messages, max_tokens: 16, temperature: 0, stream: true,
          stream_options: { include_usage: true },
        });
        let streamed = '';
        let usage = null;
        for await (const chunk of stream) {
          streamed += chunk.choices[0]?.delta?.content ?? '';
          if (chunk.usage) usage = chunk.usage;
        }
        let bad = null;
        try {
          await client.chat.completions.create({ model: 'license-llama', messages, max_tokens: 1_000_000 });
        } catch (e) {
          const err = e as { status?: number; param?: string; headers?: Headers };
          bad = { typed: e instanceof OpenAI.BadRequestError, status: err.status, param: err.param };
        }
        let limited = null;
        for (let i = 0; i < 10 && !limited; i++) {
          try {
            await client.models.list();
          } catch (e) {
            const err = e as { status?: number; param?: string; headers?: Headers };
            limited = { typed: e instanceof OpenAI.RateLimitError, status: err.status, retryAfter: err.headers?.get('retry-after') ?? null };
          }
        }
        return { json: done.choices[0].message.content, finish: done.choices[0].finish_reason, streamed, usage, bad, limited };
      },
      { api, key: KEY, prompt: PROMPT },
    );
    const want = cliText(16);
    expect(got.json).toBe(want);
    expect(got.streamed).toBe(want);
    expect(['stop', 'length']).toContain(got.finish);
    expect(got.usage).toMatchObject({ completion_tokens: expect.any(Number), prompt_tokens: expect.any(Number) });
    expect(got.bad).toEqual({ typed: true, status: 400, param: 'max_tokens' });
    expect(got.limited?.typed).toBe(true);
    expect(got.limited?.status).toBe(429);
    expect(Number(got.limited?.retryAfter)).toBeGreaterThan(0);
  } finally {
    await ctx.close();
  }
});
