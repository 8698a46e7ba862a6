import { Module } from '@nestjs/common';
import { InfrastructureModule } from './infrastructure.module';
import { ExtractionModule } from './extraction/extraction.module';
import { ExtractArticleProcessor } from './extraction/jobs/extract-article.processor';
import { FactChecksModule } from './fact-checks/fact-checks.module';
import { WorkerStatusModule } from './health/worker-status.module';
import { ClaimMatchingProcessor } from './fact-checks/jobs/claim-matching.processor';
import { CallbackDeliveryModule } from './integrations/callback-delivery.module';
import { CallbackDeliveryProcessor } from './integrations/jobs/callback-delivery.processor';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { NotificationsModule } from './notifications/notifications.module';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { RetentionModule } from './retention/retention.module';
import { ClaimReviewProcessor } from './review/jobs/claim-review.processor';
import { ReviewModule } from './review/review.module';

/** The worker process: the only place processors are provided, so importing a domain module never starts a consumer. */
@Module({
  imports: [
    InfrastructureModule,
    ExtractionModule,
    ReviewModule,
    NotificationsModule,
    NotificationsWorkerModule,
    ReconciliationModule,
    CallbackDeliveryModule,
    RetentionModule,
    FactChecksModule,
    WorkerStatusModule,
  ],
  providers: [ExtractArticleProcessor, ClaimReviewProcessor, CallbackDeliveryProcessor, ClaimMatchingProcessor],
})
export class WorkerModule {}
