import { Module } from '@nestjs/common';
import { InfrastructureModule } from './infrastructure.module';
import { ExtractionModule } from './extraction/extraction.module';
import { ExtractArticleProcessor } from './extraction/jobs/extract-article.processor';
import { CallbackDeliveryModule } from './integrations/callback-delivery.module';
import { CallbackDeliveryProcessor } from './integrations/jobs/callback-delivery.processor';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { RetentionModule } from './retention/retention.module';
import { ClaimReviewProcessor } from './review/jobs/claim-review.processor';
import { ReviewModule } from './review/review.module';

/** The worker process: the only place processors are provided, so importing a domain module never starts a consumer. */
@Module({
  imports: [
    InfrastructureModule,
    ExtractionModule,
    ReviewModule,
    ReconciliationModule,
    CallbackDeliveryModule,
    RetentionModule,
  ],
  providers: [ExtractArticleProcessor, ClaimReviewProcessor, CallbackDeliveryProcessor],
})
export class WorkerModule {}
