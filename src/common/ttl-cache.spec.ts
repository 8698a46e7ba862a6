import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('answers from memory within the TTL, loads again after it, and shares a load in flight', async () => {
    let clock = 0;
    let loads = 0;
    const cache = new TtlCache<number, string>(1000, () => clock);
    const load = async () => `answer ${++loads}`;
    const [first, concurrent] = await Promise.all([cache.get(30, load), cache.get(30, load)]);
    expect([first, concurrent]).toEqual(['answer 1', 'answer 1']);
    clock = 999;
    expect(await cache.get(30, load)).toBe('answer 1');
    expect(await cache.get(7, load)).toBe('answer 2');
    clock = 1000;
    expect(await cache.get(30, load)).toBe('answer 3');
  });

  it('forgets a failed load, so the next caller tries again', async () => {
    const cache = new TtlCache<string, number>(60_000);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 42)).toBe(42);
  });
});
