import { Module } from '@nestjs/common';
import { InfrastructureModule } from './infrastructure.module';
import { AdminModule } from './admin/admin.module';
import { ArticlesModule } from './articles/articles.module';
import { AuthModule } from './auth/auth.module';
import { ClaimsModule } from './claims/claims.module';
import { CommentsModule } from './comments/comments.module';
import { DeskModule } from './desk/desk.module';
import { RateLimitModule } from './auth/rate-limit';
import { FactChecksModule } from './fact-checks/fact-checks.module';
import { HealthModule } from './health/health.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { PeopleModule } from './people/people.module';
import { PublishingModule } from './publishing/publishing.module';
import { NotificationsModule } from './notifications/notifications.module';
import { ReviewModule } from './review/review.module';
import { ReviewersModule } from './reviewers/reviewers.module';
import { SettingsModule } from './settings/settings.module';
import { UiModule } from './ui/ui.module';

/** The api process: HTTP only. It produces jobs and never consumes them. */
@Module({
  imports: [
    InfrastructureModule,
    AuthModule,
    RateLimitModule,
    ArticlesModule,
    ClaimsModule,
    DeskModule,
    FactChecksModule,
    ReviewModule,
    NotificationsModule,
    CommentsModule,
    ReviewersModule,
    SettingsModule,
    AdminModule,
    PeopleModule,
    IntegrationsModule,
    HealthModule,
    // After FactChecksModule: its /fact-checks/search is matched before the public /fact-checks/:slug.
    PublishingModule,
    UiModule,
  ],
})
export class AppModule {}
