import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { ClaimsModule } from '../claims/claims.module';
import { ClaimVerdictListener } from './claim-verdict.listener';
import { FactCheckQueueModule } from './fact-check-queue.module';
import { ClaimMatchDecisionService } from './claim-match-decision.service';
import { ClaimMatchingService } from './claim-matching.service';
import { DeskVerdictService } from './desk-verdict.service';
import { FactCheckImportService } from './fact-check-import.service';
import { FactCheckRematchService } from './fact-check-rematch.service';
import { FactCheckSearchService } from './fact-check-search.service';
import { FactChecksController } from './fact-checks.controller';
import { FactChecksRepository } from './fact-checks.repository';
import { FactCheckSentenceVectorsRepository } from './fact-check-sentence-vectors.repository';
import { SentenceEncoder } from './sentence-encoder';
import { SentenceSimilarityService } from './sentence-similarity.service';

/** What other modules use of this one (everything but its listener). */
const SHARED_PROVIDERS = [
  FactChecksRepository,
  FactCheckImportService,
  FactCheckRematchService,
  FactCheckSearchService,
  ClaimMatchingService,
  ClaimMatchDecisionService,
  DeskVerdictService,
];

@Module({
  imports: [ClaimsModule, FactCheckQueueModule, SettingsModule],
  controllers: [FactChecksController],
  providers: [
    ClaimVerdictListener,
    FactCheckSentenceVectorsRepository,
    SentenceEncoder,
    SentenceSimilarityService,
    ...SHARED_PROVIDERS,
  ],
  exports: SHARED_PROVIDERS,
})
export class FactChecksModule {}
