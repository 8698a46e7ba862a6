import { Module } from '@nestjs/common';
import { FactCheckQueueModule } from '../fact-checks/fact-check-queue.module';
import { ReviewModule } from '../review/review.module';
import { ClaimTransitionService } from './claim-transition.service';
import { ClaimsController } from './claims.controller';
import { ClaimsQueryService } from './claims-query.service';

@Module({
  imports: [ReviewModule, FactCheckQueueModule],
  controllers: [ClaimsController],
  providers: [ClaimsQueryService, ClaimTransitionService],
  exports: [ClaimsQueryService, ClaimTransitionService],
})
export class ClaimsModule {}
