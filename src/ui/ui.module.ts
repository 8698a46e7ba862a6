import { FactChecksModule } from '../fact-checks/fact-checks.module';
import { SettingsModule } from '../settings/settings.module';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AdminModule } from '../admin/admin.module';
import { ArticlesModule } from '../articles/articles.module';
import { AuthModule } from '../auth/auth.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { ReviewersModule } from '../reviewers/reviewers.module';
import { PeopleModule } from '../people/people.module';
import { ClaimsModule } from '../claims/claims.module';
import { ReviewModule } from '../review/review.module';
import { ExtractionModule } from '../extraction/extraction.module';
import { ArticleListService } from './article-list.service';
import { ArticlePageService } from './article-page.service';
import { PagesRepository } from './pages.repository';
import { PeopleService } from './people.service';
import { QueueDashboardModule } from './queue-dashboard.module';
import { AuditPageService } from './audit-page.service';
import { UiAdminController } from './ui-admin.controller';
import { UiAdminIntegrationsController } from './ui-admin-integrations.controller';
import { UiAdminKeysController } from './ui-admin-keys.controller';
import { UiAdminPeopleController } from './ui-admin-people.controller';
import { UiAdminReviewersController } from './ui-admin-reviewers.controller';
import { UiAdminSettingsController } from './ui-admin-settings.controller';
import { UiAuditController } from './ui-audit.controller';
import { UiArticlesController } from './ui-articles.controller';
import { UiAssetsController } from './ui-assets.controller';
import { UiAccountController } from './ui-account.controller';
import { UiAuthController } from './ui-auth.controller';
import { UiEditorActionsController } from './ui-editor-actions.controller';
import { UiFallbackController } from './ui-fallback.controller';
import { UiLiveController } from './ui-live.controller';
import { LiveUpdatesService } from './live-updates.service';
import { TimeZoneInterceptor } from './time-zone.interceptor';
import { UiPasswordController } from './ui-password.controller';
import { UiSsoController } from './ui-sso.controller';
import { SessionCookies } from './session-cookie';
import { UiCandidatesController } from './ui-candidates.controller';
import { UiReviewActionsController } from './ui-review-actions.controller';
import { UiReviewController } from './ui-review.controller';
import { UiMatchesController } from './ui-matches.controller';
import { UiSearchController } from './ui-search.controller';
import { UiClaimsExportController } from './ui-claims-export.controller';
import { SearchPageService } from './search-page.service';
import { SearchRepository } from './search.repository';
import { WorkbenchService } from './workbench.service';
import { CommentsModule } from '../comments/comments.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UiNotificationsController } from './ui-notifications.controller';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SavedViewEntity } from './saved-view.entity';
import { SavedViewsController } from './saved-views.controller';
import { SavedViewsRepository } from './saved-views.repository';
import { SavedViewsService } from './saved-views.service';
import { SavedViewsNavInterceptor } from './saved-views-nav.interceptor';
import { UiViewsController } from './ui-views.controller';

/** The desk's pages (server-rendered HTML over the domain services) and the queue dashboard. */
@Module({
  imports: [
    AuthModule,
    SettingsModule,
    PeopleModule,
    ArticlesModule,
    ClaimsModule,
    FactChecksModule,
    ReviewModule,
    ReviewersModule,
    ExtractionModule,
    IntegrationsModule,
    AdminModule,
    QueueDashboardModule,
    CommentsModule,
    NotificationsModule,
    TypeOrmModule.forFeature([SavedViewEntity]),
  ],
  controllers: [
    SavedViewsController,
    UiAuthController,
    UiPasswordController,
    UiAccountController,
    UiSsoController,
    UiAssetsController,
    UiArticlesController,
    UiEditorActionsController,
    UiReviewController,
    UiReviewActionsController,
    UiCandidatesController,
    UiMatchesController,
    UiAdminController,
    UiAdminPeopleController,
    UiAdminReviewersController,
    UiAdminSettingsController,
    UiAdminKeysController,
    UiAdminIntegrationsController,
    UiAuditController,
    UiSearchController,
    UiViewsController,
    UiClaimsExportController,
    UiLiveController,
    UiNotificationsController,
    // Last: its catch-all answers only what no other controller routes.
    UiFallbackController,
  ],
  providers: [
    SessionCookies,
    PagesRepository,
    ArticleListService,
    ArticlePageService,
    PeopleService,
    WorkbenchService,
    SearchPageService,
    SearchRepository,
    LiveUpdatesService,
    AuditPageService,
    SavedViewsRepository,
    SavedViewsService,
    { provide: APP_INTERCEPTOR, useClass: TimeZoneInterceptor },
    { provide: APP_INTERCEPTOR, useClass: SavedViewsNavInterceptor },
  ],
})
export class UiModule {}
