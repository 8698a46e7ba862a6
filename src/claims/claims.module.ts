import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimEventEntity } from './claim-event.entity';
import { ClaimEntity } from './claim.entity';
import { ClaimTransitionService } from './claim-transition.service';
import { ClaimsController } from './claims.controller';
import { ClaimsQueryService } from './claims-query.service';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity, ClaimEventEntity])],
  controllers: [ClaimsController],
  providers: [ClaimsQueryService, ClaimTransitionService],
  exports: [ClaimsQueryService, ClaimTransitionService],
})
export class ClaimsModule {}
