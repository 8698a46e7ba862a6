import { Logger } from '@nestjs/common';

const ENQUEUE_TIMEOUT_MS = 2000;
const logger = new Logger('Enqueue');

/**
 * Runs a queue write without letting a Redis outage hold up the caller. The rows are already
 * committed, so a write that fails here is re-done by the reconciler from Postgres.
 */
export async function enqueueOrDefer(what: string, write: () => Promise<unknown>): Promise<boolean> {
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
