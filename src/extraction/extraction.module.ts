import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module';
import { ExtractionQueueService } from './extraction-queue.service';
import { ExtractionService } from './extraction.service';
import { ClaimExtractor } from './lib/claim-extractor';

@Module({
  imports: [ReviewModule],
  providers: [ExtractionQueueService, ExtractionService, { provide: ClaimExtractor, useFactory: () => new ClaimExtractor() }],
  exports: [ExtractionQueueService, ExtractionService, ClaimExtractor],
})
export class ExtractionModule {}
