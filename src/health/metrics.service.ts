import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { StatsRepository, type StatusCount } from '../admin/stats.repository';
import { TtlCache } from '../common/ttl-cache';
import { EVERY_QUEUE } from '../queue/queue.module';

const CLAIM_COUNT_TTL_MS = 30_000;

/** Prometheus metrics: request latencies, queue depths and claims by status (the last two read at scrape time). */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly requestDuration = new Histogram({
    name: 'claimdesk_http_request_duration_seconds',
    help: 'HTTP request latency',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly requestErrors = new Counter({
    name: 'claimdesk_http_errors_total',
    help: 'HTTP answers of 5xx',
    labelNames: ['route'],
    registers: [this.registry],
  });

  constructor(stats: StatsRepository, @Inject(EVERY_QUEUE) queues: Queue[]) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'claimdesk_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const queue of queues) {
          const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
          for (const [state, count] of Object.entries(counts)) this.set({ queue: queue.name, state }, count);
        }
      },
    });
    // Counting claims scans the table (≈100 ms at 1M): scrapes reuse a count for CLAIM_COUNT_TTL_MS.
    const counts = new TtlCache<'claims', StatusCount[]>(CLAIM_COUNT_TTL_MS);
    new Gauge({
      name: 'claimdesk_claims',
      help: 'Claims per status (recounted at most every 30 s)',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        const rows = await counts.get('claims', () => stats.claimsPerStatus());
        this.reset();
        for (const row of rows) this.set({ status: row.status }, row.count);
      },
    });
  }
}
