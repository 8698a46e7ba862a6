import { Injectable, Logger } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * The worker's Prometheus metrics: how long jobs take and how many attempts fail, per queue; and a log line for each
 * failed attempt saying which job and why (the metrics count them, the admin console lists them).
 */
@Injectable()
export class WorkerMetricsService {
  readonly registry = new Registry();
  private readonly duration = new Histogram({
    name: 'claimdesk_job_duration_seconds',
    help: 'Time a job attempt ran in this worker, by queue (failed attempts included)',
    labelNames: ['queue'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });
  private readonly logger = new Logger('Jobs');
  private readonly failed = new Counter({
    name: 'claimdesk_jobs_failed_total',
    help: 'Job attempts that failed in this worker, by queue (a retried job counts each failure)',
    labelNames: ['queue'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** Counts every job the consumer finishes, from BullMQ's own events. */
  watch(worker: Worker): void {
    const observe = (job: Job | undefined) => {
      // A failed attempt that will be retried has no finishedOn: it ends now.
      if (job?.processedOn)
        this.duration.observe({ queue: worker.name }, ((job.finishedOn ?? Date.now()) - job.processedOn) / 1000);
    };
    worker.on('completed', observe);
    worker.on('failed', (job, error) => {
      observe(job);
      this.failed.inc({ queue: worker.name });
      const attempts = job?.opts.attempts ?? 1;
      // A deduplicated job (an assignment try) is numbered by BullMQ; its deduplication id names what it works on.
      const subject = job?.deduplicationId ? ` for ${job.deduplicationId}` : '';
      const what = `${worker.name} job ${job?.name ?? '?'} ${job?.id ?? ''}${subject} (attempt ${job?.attemptsMade ?? '?'} of ${attempts})`;
      // A retried attempt may well succeed next time; the last one is the desk's problem.
      if (job && job.attemptsMade < attempts) this.logger.warn(`${what} failed, to be retried: ${error.message}`);
      else this.logger.error(`${what} failed: ${error.message}`);
    });
    // Every queue shows from the first scrape, at zero.
    this.failed.inc({ queue: worker.name }, 0);
  }
}
