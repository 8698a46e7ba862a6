import { Module } from '@nestjs/common';
import { AppConfigModule } from './config/config.module';
import { AppLoggerModule } from './config/logger.module';
import { DatabaseModule } from './database/database.module';
import { ExtractionModule } from './extraction/extraction.module';
import { ExtractArticleProcessor } from './extraction/jobs/extract-article.processor';
import { CallbackDeliveryModule } from './integrations/callback-delivery.module';
import { CallbackOutboxModule } from './integrations/callback-outbox.module';
import { CallbackDeliveryProcessor } from './integrations/jobs/callback-delivery.processor';
import { QueueModule } from './queue/queue.module';
import { ReconciliationModule } from './reconciliation/reconciliation.module';
import { ClaimReviewProcessor } from './review/jobs/claim-review.processor';
import { ReviewModule } from './review/review.module';

/** The worker process: the only place processors are provided, so importing a domain module never starts a consumer. */
@Module({
  imports: [
    AppConfigModule,
    AppLoggerModule,
    DatabaseModule,
    QueueModule,
    CallbackOutboxModule,
    ExtractionModule,
    ReviewModule,
    ReconciliationModule,
    CallbackDeliveryModule,
  ],
  providers: [ExtractArticleProcessor, ClaimReviewProcessor, CallbackDeliveryProcessor],
})
export class WorkerModule {}
