import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from '../config/environment';
import { ClaimMatchingService } from './claim-matching.service';
import { FactChecksRepository } from './fact-checks.repository';
import { SentenceSimilarityService } from './sentence-similarity.service';

/** Fact-checks read for candidate claims in one statement. */
const FACT_CHECKS_PER_BATCH = 100;
/** Open claims a fact-check sends to the scorer: those sharing most of its words. */
const CLAIMS_PER_FACT_CHECK = 20;
/** Claims matched in one transaction, as a new article's matching job does. */
const CLAIMS_PER_MATCH = 50;

/**
 * Runs in the worker: a claim posted before an import learns that the import checked it, and the import's
 * fact-checks are encoded for matching's sentence features, so the next claims' matching finds them ready.
 */
@Injectable()
export class FactCheckRematchService {
  private readonly logger = new Logger(FactCheckRematchService.name);

  constructor(
    private readonly repository: FactChecksRepository,
    private readonly matching: ClaimMatchingService,
    private readonly sentences: SentenceSimilarityService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * Idempotent: each claim's suggestions are replaced as a new claim's are; the import is stamped once all its
   * batches are done, so a retry or the reconciler's re-send redoes it whole and changes nothing twice.
   */
  async rematchImport(importId: string): Promise<number> {
    const factCheckIds = await this.repository.importAwaitingRematch(importId);
    if (!factCheckIds) return 0;
    const maxAgeDays = this.config.get('REMATCH_VERDICT_MAX_AGE_DAYS', { infer: true });
    const seen = new Set<string>();
    for (let i = 0; i < factCheckIds.length; i += FACT_CHECKS_PER_BATCH) {
      const batch = factCheckIds.slice(i, i + FACT_CHECKS_PER_BATCH);
      await this.sentences.encode(await this.repository.textsOf(batch));
      const near = await this.repository.openClaimsNear(batch, maxAgeDays, CLAIMS_PER_FACT_CHECK);
      const fresh = near.filter((id) => !seen.has(id));
      fresh.forEach((id) => seen.add(id));
      for (let j = 0; j < fresh.length; j += CLAIMS_PER_MATCH)
        await this.matching.matchClaims(fresh.slice(j, j + CLAIMS_PER_MATCH));
    }
    await this.repository.markRematched(importId);
    this.logger.debug(`import ${importId}: ${factCheckIds.length} fact-checks, ${seen.size} open claims re-matched`);
    return seen.size;
  }
}
