/**
 * Collects single calls into batches: a call waits at most `maxWaitMs` or until `maxSize` calls are
 * collected, then one batch function handles them all. Each caller gets its own result or error.
 */
export class MicroBatcher<I, O> {
  private pending: Array<{ input: I; resolve: (o: O) => void; reject: (e: unknown) => void }> = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly run: (inputs: I[]) => Promise<Array<PromiseSettledResult<O>>>,
    private readonly maxSize = 100,
    private readonly maxWaitMs = 5,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ input, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.run(batch.map((b) => b.input)).then(
      (results) =>
        batch.forEach((b, i) => {
          const result = results[i];
          if (result.status === 'fulfilled') b.resolve(result.value);
          else b.reject(result.reason);
        }),
      (error: unknown) => batch.forEach((b) => b.reject(error)),
    );
  }
}
