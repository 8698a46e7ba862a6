import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import { Public } from '../auth/principal';
import { HealthChecksService } from './health-checks.service';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecksService) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary:
      "200 when Postgres and Redis answer, with the read replica's state when DATABASE_READ_URL is set; 503 naming what is down",
  })
  check() {
    return this.checks.check();
  }
}
