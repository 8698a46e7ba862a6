import { Module } from '@nestjs/common';
import { FactCheckQueueModule } from '../fact-checks/fact-check-queue.module';
import { ArticlesModule } from '../articles/articles.module';
import { ClaimsModule } from '../claims/claims.module';
import { ReviewModule } from '../review/review.module';
import { ArticleAcceptedListener } from './article-accepted.listener';
import { ExtractionQueueService } from './extraction-queue.service';
import { ExtractionService } from './extraction.service';
import { ExtractionPool } from './extraction-pool.service';
import { ManualClaimService } from './manual-claim.service';

@Module({
  imports: [ArticlesModule, ClaimsModule, ReviewModule, FactCheckQueueModule],
  providers: [ArticleAcceptedListener, ExtractionQueueService, ExtractionService, ManualClaimService, ExtractionPool],
  exports: [ExtractionQueueService, ExtractionService, ManualClaimService],
})
export class ExtractionModule {}
