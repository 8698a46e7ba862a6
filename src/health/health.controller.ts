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
  @ApiOperation({ summary: '200 when Postgres (and its read replica, when DATABASE_READ_URL is set) and Redis answer; 503 naming what is down' })
  check() {
    const { replica } = this.reads;
    return this.health.check([
      () => this.postgres.pingCheck('postgres', { timeout: 1000 }),
      // The listings read it: when it does not answer they fail, so /health says so.
      ...(replica ? [() => this.postgres.pingCheck('postgres-replica', { connection: replica, timeout: 1000 })] : []),
      () => this.redis.isHealthy('redis'),
    ]);
  }
}
