import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimEventEntity } from './claim-event.entity';
import { ClaimEntity } from './claim.entity';
import { ClaimTransitionService } from './claim-transition.service';
import { ClaimsController } from './claims.controller';
import { ClaimsQueryService } from './claims-query.service';
import { ClaimsRepository } from './claims.repository';
import { ClaimChangesRepository } from './claim-changes.repository';
import { ClaimTagsService } from './claim-tags.service';
import { ClaimDueDatesService } from './claim-due-dates.service';
import { TagsController } from './tags.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity, ClaimEventEntity])],
  controllers: [ClaimsController, TagsController],
  providers: [
    ClaimsRepository,
    ClaimsQueryService,
    ClaimTransitionService,
    ClaimChangesRepository,
    ClaimTagsService,
    ClaimDueDatesService,
  ],
  exports: [
    ClaimsRepository,
    ClaimsQueryService,
    ClaimTransitionService,
    ClaimChangesRepository,
    ClaimTagsService,
    ClaimDueDatesService,
  ],
})
export class ClaimsModule {}
