/**
 * `load`'s answer, asked for once and kept; a failed load is not kept, so the next call loads again (a cached
 * rejection would fail every later call for the life of the process).
 */
export function keptOnceLoaded<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    }));
}
