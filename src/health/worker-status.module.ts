import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthChecksService } from './health-checks.service';
import { RedisHealthIndicator } from './redis.health';
import { WorkerMetricsService } from './worker-metrics.service';
import { WorkerStatusServer } from './worker-status.server';

/** The worker's /health and /metrics (its own small server, not the api's app). */
@Module({
  imports: [TerminusModule],
  providers: [RedisHealthIndicator, HealthChecksService, WorkerMetricsService, WorkerStatusServer],
  exports: [WorkerMetricsService, WorkerStatusServer],
})
export class WorkerStatusModule {}
