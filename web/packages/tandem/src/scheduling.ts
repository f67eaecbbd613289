/** Small async helpers of the generation loop. */

/** Returns to the event loop (a macrotask, without setTimeout's 4 ms clamp) so that messages —
 * an abort from the page, another tab's request to the SharedWorker — are handled between
 * tokens even when a step runs synchronously (the CPU path). A message task of its own, queued
 * behind those messages: not `scheduler.yield()`, whose continuation Chromium runs ahead of
 * queued messages, so that a whole generation ran before another port's message got in
 * (tests/browser/pwa-engine.test.ts, the shared crash: noticed after 930 ms, not 8). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

/** Runs async jobs one at a time, in call order. */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    return release;
  }
}
