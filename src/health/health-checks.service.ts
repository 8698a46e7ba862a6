import { Injectable } from '@nestjs/common';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ReadDatabase } from '../database/read-database';
import { RedisHealthIndicator } from './redis.health';

/** What /health checks, in the api and in the worker: Postgres (and the replica's state) and Redis. */
@Injectable()
export class HealthChecksService {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly reads: ReadDatabase,
  ) {}

  /** Resolves with Terminus's report when all are up; throws its 503 (naming what is down) otherwise. */
  check() {
    return this.health.check([
      async () => {
        const primary = await this.postgres.pingCheck('postgres', { timeout: 1000 });
        // Reported, not failed: while the replica is down the listings read the primary, and every process still serves.
        const replica = this.reads.replicaState;
        return replica ? { postgres: { ...primary.postgres, replica } } : primary;
      },
      () => this.redis.isHealthy('redis'),
    ]);
  }
}
