import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module';
import { ExtractionQueueService } from './extraction-queue.service';
import { ExtractionService } from './extraction.service';
import { ClaimExtractor } from './lib/claim-extractor';
import { ManualClaimService } from './manual-claim.service';

@Module({
  imports: [ReviewModule],
  providers: [ExtractionQueueService, ExtractionService, ManualClaimService, { provide: ClaimExtractor, useFactory: () => new ClaimExtractor() }],
  exports: [ExtractionQueueService, ExtractionService, ManualClaimService, ClaimExtractor],
})
export class ExtractionModule {}
