import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('answers from memory within the TTL, loads again after it, and shares a load in flight', async () => {
    let clock = 5000;
    let loads = 0;
    const cache = new TtlCache<number, string>(1000, { now: () => clock });
    const load = async () => `answer ${++loads}`;
    const [first, concurrent] = await Promise.all([cache.get(30, load), cache.get(30, load)]);
    expect([first, concurrent]).toEqual(['answer 1', 'answer 1']);
    clock = 6000;
    expect(await cache.get(30, load)).toBe('answer 1');
    expect(await cache.get(7, load)).toBe('answer 2');
    clock = 6001;
    expect(await cache.get(30, load)).toBe('answer 3');
  });

  it('remembers nothing with a TTL of 0, and still shares a load in flight', async () => {
    let loads = 0;
    const cache = new TtlCache<string, number>(0);
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    expect(await cache.get('k', load)).toBe(2);
  });

  it('forgets a failed load, so the next caller tries again', async () => {
    const cache = new TtlCache<string, number>(60_000);
    await expect(cache.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('k', async () => 42)).toBe(42);
  });

  it('does not remember the answers it is told not to keep', async () => {
    let loads = 0;
    const cache = new TtlCache<string, number | null>(60_000, { keeps: (value) => value !== null });
    const load = async () => (++loads < 3 ? null : loads);
    expect(await cache.get('k', load)).toBeNull();
    expect(await cache.get('k', load)).toBeNull();
    expect(await cache.get('k', load)).toBe(3);
    expect(await cache.get('k', load)).toBe(3);
    expect(loads).toBe(3);
  });

  it('forgets the answers a change touched, and loads in flight, keeping the rest', async () => {
    let loads = 0;
    const cache = new TtlCache<string, { owner: string; n: number }>(60_000);
    const load = (owner: string) => async () => ({ owner, n: ++loads });
    await cache.get('a', load('ada'));
    await cache.get('b', load('bo'));
    let release!: () => void;
    const inFlight = cache.get('c', () => new Promise((done) => (release = () => done({ owner: 'cy', n: ++loads }))));
    cache.forgetWhere((value) => value.owner === 'ada');
    release();
    await inFlight;
    expect((await cache.get('a', load('ada'))).n).toBe(4);
    expect((await cache.get('b', load('bo'))).n).toBe(2);
    expect((await cache.get('c', load('cy'))).n).toBe(5);
  });

  it('stays within maxEntries by dropping the answer least recently used', async () => {
    let loads = 0;
    const cache = new TtlCache<string, number>(60_000, { maxEntries: 2 });
    const load = async () => ++loads;
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('a', load); // 'a' used again: 'b' is now the least recently used
    await cache.get('c', load);
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('c', load)).toBe(3);
    expect(await cache.get('b', load)).toBe(4);
  });
});
