import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { StatsRepository } from '../admin/stats.repository';
import { FailedAuthModule } from '../auth/rate-limit';
import { HealthChecksService } from './health-checks.service';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { MetricsInterceptor } from './metrics.interceptor';
import { MetricsService } from './metrics.service';
import { MetricsTokenGuard } from './metrics-token.guard';
import { RedisHealthIndicator } from './redis.health';

@Module({
  imports: [TerminusModule, FailedAuthModule],
  controllers: [HealthController, MetricsController],
  providers: [
    RedisHealthIndicator,
    HealthChecksService,
    StatsRepository,
    MetricsService,
    MetricsTokenGuard,
    { provide: APP_INTERCEPTOR, useClass: MetricsInterceptor },
  ],
})
export class HealthModule {}
