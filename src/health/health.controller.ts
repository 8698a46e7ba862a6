import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/principal';
import { ReadDatabase } from '../database/read-database';
import { RedisHealthIndicator } from './redis.health';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly postgres: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly reads: ReadDatabase,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary:
      "200 when Postgres and Redis answer, with the read replica's state when DATABASE_READ_URL is set; 503 naming what is down",
  })
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
