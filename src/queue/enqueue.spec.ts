import { enqueueInBatches } from './enqueue';

// Nest's package loads as an ES module, which this runner cannot require; only its logger is used here.
jest.mock('@nestjs/common', () => ({
  Logger: class {
    warn(): void {}
  },
}));

describe('enqueueInBatches', () => {
  const items = Array.from({ length: 2600 }, (_, i) => i);

  it('writes every item once, in order, with at most two batches awaiting Redis at a time', async () => {
    const written: number[] = [];
    let inFlight = 0;
    let most = 0;
    const ok = await enqueueInBatches('items', items, async (batch) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      written.push(...batch);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
    });
    expect(ok).toBe(true);
    expect(written).toEqual(items);
    expect(most).toBe(2);
  });

  it('answers false once a batch fails, and sends none after it is known failed', async () => {
    const sent: number[] = [];
    const ok = await enqueueInBatches('items', items, async (batch) => {
      sent.push(batch[0]);
      if (batch[0] === 500) throw new Error('Redis is away');
      await new Promise((resolve) => setTimeout(resolve, 5));
    });
    expect(ok).toBe(false);
    // The second batch failed while the first was in flight: no batch left after it.
    expect(sent).toEqual([0, 500]);
  });
});
