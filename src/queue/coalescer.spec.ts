import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('handles what is added in one turn of the event loop in one call, and answers every caller with its result', async () => {
    const calls: number[][] = [];
    const coalescer = new Coalescer(async (items: number[]) => {
      calls.push(items);
      return items.length;
    });
    const answers = await Promise.all([coalescer.add(1), coalescer.add(2), coalescer.add(3)]);
    expect(calls).toEqual([[1, 2, 3]]);
    expect(answers).toEqual([3, 3, 3]);
  });

  it('starts a new call for what is added after a call has begun', async () => {
    const calls: string[][] = [];
    const coalescer = new Coalescer(async (items: string[]) => {
      calls.push(items);
    });
    await coalescer.add('a');
    await Promise.all([coalescer.add('b'), coalescer.add('c')]);
    expect(calls).toEqual([['a'], ['b', 'c']]);
  });

  it('rejects every caller of a call that failed, and the next call still runs', async () => {
    let fail = true;
    const coalescer = new Coalescer(async (items: string[]) => {
      if (fail) throw new Error('Redis away');
      return items.join();
    });
    const failed = await Promise.allSettled([coalescer.add('a'), coalescer.add('b')]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    await expect(coalescer.add('c')).resolves.toBe('c');
  });
});
