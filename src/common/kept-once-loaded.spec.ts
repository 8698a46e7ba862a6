import { keptOnceLoaded } from './kept-once-loaded';

describe('keptOnceLoaded', () => {
  it('loads again after a failed load, then keeps the loaded answer', async () => {
    const load = jest
      .fn<Promise<number>, []>()
      .mockRejectedValueOnce(new Error('the thread died'))
      .mockResolvedValue(0.42);
    const threshold = keptOnceLoaded(load);

    await expect(threshold()).rejects.toThrow('the thread died');
    await expect(threshold()).resolves.toBe(0.42);
    await expect(threshold()).resolves.toBe(0.42);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one load among concurrent callers', async () => {
    const load = jest.fn<Promise<string>, []>().mockResolvedValue('model');
    const get = keptOnceLoaded(load);

    await expect(Promise.all([get(), get(), get()])).resolves.toEqual(['model', 'model', 'model']);
    expect(load).toHaveBeenCalledTimes(1);
  });
});
