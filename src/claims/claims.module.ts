import { Module } from '@nestjs/common';
import { ReviewModule } from '../review/review.module';
import { ClaimTransitionService } from './claim-transition.service';
import { ClaimsController } from './claims.controller';
import { ClaimsQueryService } from './claims-query.service';

@Module({
  imports: [ReviewModule],
  controllers: [ClaimsController],
  providers: [ClaimsQueryService, ClaimTransitionService],
  exports: [ClaimsQueryService, ClaimTransitionService],
})
export class ClaimsModule {}
