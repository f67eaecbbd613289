/** A GenerationCore that "generates" the characters of a fixed reply, one per token. */
import { abortError } from '../src/errors.js';
import type { GenerationCore, GenEvent, GenRequest } from '../src/generation.js';
import type { EngineInfo } from '../src/types.js';

export class FakeCore implements GenerationCore {
  steps = 0;
  cancelled = 0;
  lastRequest?: GenRequest;
  constructor(
    private reply = 'Hello there!',
    private delayMs = 0,
  ) {}

  async *generate(req: GenRequest, signal?: AbortSignal): AsyncGenerator<GenEvent> {
    this.lastRequest = req;
    let done = false;
    try {
      const n = Math.min(req.params.max_tokens, this.reply.length);
      for (let i = 0; i < n; i++) {
        if (signal?.aborted) throw abortError(signal);
        if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
        this.steps++;
        yield { type: 'token', id: this.reply.charCodeAt(i), text: this.reply[i]!, logprob: -0.5, entropy: 1.25 };
      }
      done = true;
      yield {
        type: 'done',
        finishReason: n < this.reply.length ? 'length' : 'stop_token',
        promptTokens: req.messages.length * 3,
        completionTokens: n,
        text: this.reply.slice(0, n),
        backend: 'cpu',
      };
    } finally {
      if (!done) this.cancelled++;
    }
  }
  async info(): Promise<EngineInfo> {
    return {
      model: 'fake', backend: 'cpu', architecture: 'llama', vocabSize: 256, hiddenSize: 8, numLayers: 1,
      maxContext: 64, hasChatTemplate: true, gpuWeightBytes: 0, fromCache: false, loadMs: 1,
    };
  }
  async unload() {}
  async simulateDeviceLoss() {}
}
