import { TtlCache } from './ttl-cache';

describe('TtlCache', () => {
  it('answers from memory within the TTL, loads again after it, and shares a load in flight', async () => {
    let clock = 0;
    let loads = 0;
    const cache = new TtlCache<number, string>(1000, { now: () => clock });
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

  it('takes an answer it is told, and stays within maxEntries by dropping what is out of date first', async () => {
    let clock = 0;
    const cache = new TtlCache<string, number>(1000, { now: () => clock, maxEntries: 2 });
    const never = () => Promise.reject(new Error('not loaded'));
    cache.set('a', 1);
    expect(await cache.get('a', never)).toBe(1);
    clock = 1500;
    cache.set('b', 2);
    cache.set('c', 3); // 'a' is out of date: dropped to make room, 'b' kept
    expect(await cache.get('b', never)).toBe(2);
    expect(await cache.get('c', never)).toBe(3);
    cache.set('d', 4); // both in date: all dropped
    expect(await cache.get('d', never)).toBe(4);
    await expect(cache.get('b', never)).rejects.toThrow('not loaded');
  });

  it('forgets an entry it is told an answer not to keep', async () => {
    const cache = new TtlCache<string, number>(60_000, { keeps: (value) => value < 10 });
    cache.set('k', 3);
    expect(await cache.get('k', async () => 99)).toBe(3);
    cache.set('k', 10);
    expect(await cache.get('k', async () => 11)).toBe(11);
    expect(await cache.get('k', async () => 4)).toBe(4);
  });
});
