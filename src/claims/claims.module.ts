import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimEventEntity } from './claim-event.entity';
import { ClaimEntity } from './claim.entity';
import { ReviewModule } from '../review/review.module';
import { ClaimTransitionService } from './claim-transition.service';
import { ClaimsController } from './claims.controller';
import { ClaimsQueryService } from './claims-query.service';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity, ClaimEventEntity]), ReviewModule],
  controllers: [ClaimsController],
  providers: [ClaimsQueryService, ClaimTransitionService],
  exports: [ClaimsQueryService, ClaimTransitionService],
})
export class ClaimsModule {}
