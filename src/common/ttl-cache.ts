import { LRUCache } from 'lru-cache';

export interface TtlCacheOptions<V> {
  now?: () => number;
  /** Answers not to remember (a key that does not exist, say): the next caller loads again. */
  keeps?: (value: V) => boolean;
  /** Past this many answers the least recently used is dropped. */
  maxEntries?: number;
}

/**
 * Remembers each key's answer for `ttlMs` (lru-cache holds them); callers of a key while its load runs share that
 * load. A load that fails is forgotten at once, so the next caller tries again.
 */
export class TtlCache<K extends NonNullable<unknown>, V> {
  /** Boxed, so that null and undefined can be answers too. */
  private readonly answers: LRUCache<K, { value: V }> | null;
  private readonly loading = new Map<K, Promise<V>>();
  private readonly keeps: (value: V) => boolean;

  constructor(ttlMs: number, options: TtlCacheOptions<V> = {}) {
    this.keeps = options.keeps ?? (() => true);
    this.answers =
      ttlMs > 0
        ? new LRUCache({
            max: options.maxEntries ?? 10_000,
            ttl: ttlMs,
            ttlResolution: 0,
            ...(options.now ? { perf: { now: options.now } } : {}),
          })
        : null;
  }

  get(key: K, load: () => Promise<V>): Promise<V> {
    const remembered = this.answers?.get(key);
    if (remembered) return Promise.resolve(remembered.value);
    const running = this.loading.get(key);
    if (running) return running;
    const loaded = load().then(
      (value) => {
        if (this.loading.get(key) === loaded) {
          this.loading.delete(key);
          if (this.keeps(value)) this.answers?.set(key, { value });
        }
        return value;
      },
      (error: unknown) => {
        if (this.loading.get(key) === loaded) this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, loaded);
    return loaded;
  }

  /** Forgets every answer that `matches`, and every load still running (it may have read before the change). */
  forgetWhere(matches: (value: V) => boolean): void {
    this.loading.clear();
    const touched = [...(this.answers?.entries() ?? [])].filter(([, { value }]) => matches(value));
    for (const [key] of touched) this.answers?.delete(key);
  }
}
