import { Module } from '@nestjs/common';
import { ExtractionModule } from '../extraction/extraction.module';
import { ReviewModule } from '../review/review.module';
import { QueueReconcilerService } from './queue-reconciler.service';

@Module({
  imports: [ExtractionModule, ReviewModule],
  providers: [QueueReconcilerService],
  exports: [QueueReconcilerService],
})
export class ReconciliationModule {}
