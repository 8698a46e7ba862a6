import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimEventEntity } from './claim-event.entity';
import { ClaimEntity } from './claim.entity';
import { ClaimTransitionService } from './claim-transition.service';
import { ClaimsController } from './claims.controller';
import { ClaimsQueryService } from './claims-query.service';
import { ClaimsRepository } from './claims.repository';
import { ClaimChangesRepository } from './claim-changes.repository';
import { setPublicBaseUrl } from './public-page';
import type { Environment } from '../config/environment';
import { SettingsModule } from '../settings/settings.module';
import { ClaimTagsService } from './claim-tags.service';
import { ClaimDueDatesService } from './claim-due-dates.service';
import { TagsController } from './tags.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity, ClaimEventEntity]), SettingsModule],
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
export class ClaimsModule {
  constructor(config: ConfigService<Environment, true>) {
    setPublicBaseUrl(config.get('PUBLIC_URL', { infer: true }));
  }
}
