import { Module } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import { ArticlesModule } from './articles/articles.module';
import { AuthModule } from './auth/auth.module';
import { ClaimsModule } from './claims/claims.module';
import { RateLimitModule } from './common/rate-limit';
import { AppConfigModule } from './config/config.module';
import { AppLoggerModule } from './config/logger.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { CallbackOutboxModule } from './integrations/callback-outbox.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { QueueModule } from './queue/queue.module';
import { ReviewModule } from './review/review.module';
import { ReviewersModule } from './reviewers/reviewers.module';
import { UiModule } from './ui/ui.module';

/** The api process: HTTP only. It produces jobs and never consumes them. */
@Module({
  imports: [
    AppConfigModule,
    AppLoggerModule,
    DatabaseModule,
    QueueModule,
    CallbackOutboxModule,
    AuthModule,
    RateLimitModule,
    ArticlesModule,
    ClaimsModule,
    ReviewModule,
    ReviewersModule,
    AdminModule,
    IntegrationsModule,
    HealthModule,
    UiModule,
  ],
})
export class AppModule {}
