import { Logger } from '@nestjs/common';

const ENQUEUE_TIMEOUT_MS = 2000;
const logger = new Logger('Enqueue');

/**
 * Runs a queue write without letting a Redis outage hold up the caller. The rows are already
 * committed, so a write that fails here is re-done by the reconciler from Postgres.
 */
async function enqueueOrDefer(what: string, write: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ENQUEUE_TIMEOUT_MS} ms`)), ENQUEUE_TIMEOUT_MS);
  });
  try {
    await Promise.race([write(), timeout]);
    return true;
  } catch (error) {
    logger.warn(`Could not enqueue ${what}; the reconciler will: ${(error as Error).message}`);
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Jobs per Redis round trip: a batch is serialised in one go on the event loop, so it stays small. */
const BATCH = 500;

/** Batches sent before the first is answered: the next one is serialised while Redis runs the one before. */
const IN_FLIGHT = 2;

/**
 * Queue writes for many items, batch by batch (at most IN_FLIGHT awaiting Redis), yielding to the event loop between
 * them; false once a batch is deferred, and no batch is sent after one is known deferred.
 */
export async function enqueueInBatches<T>(
  what: string,
  items: T[],
  write: (batch: T[]) => Promise<unknown>,
): Promise<boolean> {
  const inFlight: Promise<boolean>[] = [];
  let deferred = false;
  for (let i = 0; i < items.length; i += BATCH) {
    if (inFlight.length === IN_FLIGHT) await inFlight.shift();
    else if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    if (deferred) break;
    const label = `${what} (${i + 1}–${Math.min(i + BATCH, items.length)} of ${items.length})`;
    inFlight.push(
      enqueueOrDefer(label, () => write(items.slice(i, i + BATCH))).then((written) => {
        if (!written) deferred = true;
        return written;
      }),
    );
  }
  await Promise.all(inFlight);
  return !deferred;
}
