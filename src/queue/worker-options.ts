import type { WorkerOptions } from 'bullmq';

/**
 * A killed worker's jobs come back after its lock lapses: short locks (renewed every half-period
 * while a job runs) make that seconds, not the default minute. Handlers are idempotent, so a rerun is safe.
 */
export const WORKER_OPTIONS: Omit<WorkerOptions, 'connection'> = {
  lockDuration: 15_000,
  stalledInterval: 5_000,
  maxStalledCount: 5,
};
