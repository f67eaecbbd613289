/** An async queue: pushed values come out of `for await`, in order; `fail` ends it with an error. */
export class Channel<T> implements AsyncIterable<T> {
  private values: T[] = [];
  private waiting: { resolve: (r: IteratorResult<T>) => void; reject: (e: unknown) => void }[] = [];
  private closed = false;
  private error: unknown = undefined;
  private failed = false;

  push(v: T): void {
    if (this.closed) return;
    const w = this.waiting.shift();
    if (w) w.resolve({ value: v, done: false });
    else this.values.push(v);
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.resolve({ value: undefined, done: true });
  }

  fail(e: unknown): void {
    if (this.closed) return;
    this.failed = true;
    this.error = e;
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(e);
  }

  next(): Promise<IteratorResult<T>> {
    const v = this.values.shift();
    if (v !== undefined || this.values.length > 0) return Promise.resolve({ value: v as T, done: false });
    if (this.failed) return Promise.reject(this.error);
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return { next: () => this.next() };
  }
}
