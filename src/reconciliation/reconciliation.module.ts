import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module';
import { ClaimsModule } from '../claims/claims.module';
import { ExtractionModule } from '../extraction/extraction.module';
import { FactCheckQueueModule } from '../fact-checks/fact-check-queue.module';
import { FactChecksModule } from '../fact-checks/fact-checks.module';
import { ReviewModule } from '../review/review.module';
import { QueueReconcilerService } from './queue-reconciler.service';
import { ReconciliationRepository } from './reconciliation.repository';

@Module({
  imports: [ArticlesModule, ClaimsModule, ExtractionModule, ReviewModule, FactCheckQueueModule, FactChecksModule],
  providers: [ReconciliationRepository, QueueReconcilerService],
  exports: [QueueReconcilerService],
})
export class ReconciliationModule {}
