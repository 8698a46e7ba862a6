import { Module } from '@nestjs/common';
import { ExtractionModule } from '../extraction/extraction.module';
import { FactCheckQueueModule } from '../fact-checks/fact-check-queue.module';
import { ReviewModule } from '../review/review.module';
import { QueueReconcilerService } from './queue-reconciler.service';

@Module({
  imports: [ExtractionModule, ReviewModule, FactCheckQueueModule],
  providers: [QueueReconcilerService],
  exports: [QueueReconcilerService],
})
export class ReconciliationModule {}
