import { Module } from '@nestjs/common';
import { FactCheckQueueModule } from '../fact-checks/fact-check-queue.module';
import { ReviewModule } from '../review/review.module';
import { ExtractionQueueService } from './extraction-queue.service';
import { ExtractionService } from './extraction.service';
import { ExtractionPool } from './extraction-pool.service';
import { ManualClaimService } from './manual-claim.service';

@Module({
  imports: [ReviewModule, FactCheckQueueModule],
  providers: [ExtractionQueueService, ExtractionService, ManualClaimService, ExtractionPool],
  exports: [ExtractionQueueService, ExtractionService, ManualClaimService],
})
export class ExtractionModule {}
