import { Module } from '@nestjs/common';
import { FactCheckQueueModule } from '../fact-checks/fact-check-queue.module';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimEventEntity } from '../claims/claim-event.entity';
import { ClaimEntity } from '../claims/claim.entity';
import { ArticleRevisionEntity } from '../articles/article-revision.entity';
import { ArticleEntity } from '../articles/article.entity';
import { ReviewModule } from '../review/review.module';
import { ArticleAcceptedListener } from './article-accepted.listener';
import { ExtractionQueueService } from './extraction-queue.service';
import { ExtractionService } from './extraction.service';
import { ExtractionPool } from './extraction-pool.service';
import { ManualClaimService } from './manual-claim.service';

@Module({
  imports: [TypeOrmModule.forFeature([ArticleEntity, ArticleRevisionEntity, ClaimEntity, ClaimEventEntity]), ReviewModule, FactCheckQueueModule],
  providers: [ArticleAcceptedListener, ExtractionQueueService, ExtractionService, ManualClaimService, ExtractionPool],
  exports: [ExtractionQueueService, ExtractionService, ManualClaimService],
})
export class ExtractionModule {}
