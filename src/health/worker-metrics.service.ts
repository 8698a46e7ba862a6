import { Injectable } from '@nestjs/common';
import type { Job, Worker } from 'bullmq';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** The worker's Prometheus metrics: how long jobs take and how many attempts fail, per queue. */
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
    worker.on('failed', (job) => {
      observe(job);
      this.failed.inc({ queue: worker.name });
    });
    // Every queue shows from the first scrape, at zero.
    this.failed.inc({ queue: worker.name }, 0);
  }
}
