interface Entry<V> {
  at: number;
  value: Promise<V>;
  /** Set once the load has answered (and the answer is kept). */
  settled?: { value: V };
}

export interface TtlCacheOptions<V> {
  now?: () => number;
  /** Answers not to remember (a key that does not exist, say): the next caller loads again. */
  keeps?: (value: V) => boolean;
  /** For keys a client picks (addresses): past this many, answers out of date are dropped, then all if none is. */
  maxEntries?: number;
}

/**
 * Remembers each key's answer for `ttlMs`; callers of a key while its load runs share that load. A load that fails
 * is forgotten at once, so the next caller tries again.
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, Entry<V>>();
  private readonly now: () => number;
  private readonly keeps: (value: V) => boolean;
  private readonly maxEntries: number;

  constructor(
    private readonly ttlMs: number,
    options: TtlCacheOptions<V> = {},
  ) {
    this.now = options.now ?? Date.now;
    this.keeps = options.keeps ?? (() => true);
    this.maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
  }

  get(key: K, load: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.value;
    const entry: Entry<V> = { at: this.now(), value: load() };
    this.remember(key, entry);
    const drop = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    entry.value.then((value) => (this.keeps(value) ? (entry.settled = { value }) : drop()), drop);
    return entry.value;
  }

  /** Takes an answer learnt otherwise (the count a write returned), as if just loaded; one not to keep is forgotten. */
  set(key: K, value: V): void {
    if (this.keeps(value)) this.remember(key, { at: this.now(), value: Promise.resolve(value), settled: { value } });
    else this.entries.delete(key);
  }

  private remember(key: K, entry: Entry<V>): void {
    if (this.entries.size >= this.maxEntries && !this.entries.has(key)) {
      for (const [old, { at }] of this.entries) if (this.now() - at >= this.ttlMs) this.entries.delete(old);
      if (this.entries.size >= this.maxEntries) this.entries.clear();
    }
    this.entries.set(key, entry);
  }

  /** Forgets every answer that `matches`, and every load still running (it may have read before the change). */
  forgetWhere(matches: (value: V) => boolean): void {
    for (const [key, entry] of this.entries)
      if (!entry.settled || matches(entry.settled.value)) this.entries.delete(key);
  }
}
