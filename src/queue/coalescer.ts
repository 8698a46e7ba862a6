/**
 * Gathers what concurrent requests hand in during one turn of the event loop and handles it all in one call: a
 * busy api then makes one Redis or Postgres round trip for many moves instead of one each (round trips, not work,
 * are what a move costs the api). Each caller's promise settles with the call that handled its item.
 */
export class Coalescer<T, R> {
  private pending: { item: T; done: (result: R) => void; fail: (error: unknown) => void }[] = [];

  constructor(private readonly handle: (items: T[]) => Promise<R>) {}

  add(item: T): Promise<R> {
    return new Promise<R>((done, fail) => {
      // The first item of a turn schedules the call; it runs once the turn's I/O callbacks have handed theirs in.
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ item, done, fail });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const result = await this.handle(batch.map((entry) => entry.item));
      for (const entry of batch) entry.done(result);
    } catch (error) {
      for (const entry of batch) entry.fail(error);
    }
  }
}
