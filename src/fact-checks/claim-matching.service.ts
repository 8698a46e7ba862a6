import { Injectable, Logger } from '@nestjs/common';
import { CANDIDATE } from '../claims/claim-status';
import { ClaimsRepository } from '../claims/claims.repository';
import { FactCheckSearchService } from './fact-check-search.service';
import { FactChecksRepository, type NewMatch } from './fact-checks.repository';

/** Matches kept per claim, beside every claim with the same text. */
export const MATCHES_KEPT = 5;
/** Below this a match is noise (the scorer's scale: 1 is every query term in the claim, plus the extra signals). */
export const MIN_MATCH_SCORE = 0.25;

/** Runs in the worker: a new claim against the archive and the desk's earlier verdicts, and against claims with the same text. */
@Injectable()
export class ClaimMatchingService {
  private readonly logger = new Logger(ClaimMatchingService.name);

  constructor(
    private readonly repository: FactChecksRepository,
    private readonly search: FactCheckSearchService,
    private readonly claims: ClaimsRepository,
  ) {}

  async matchClaims(claimIds: string[]): Promise<number> {
    let matched = 0;
    for (const id of claimIds) matched += await this.matchClaim(id);
    return matched;
  }

  /** Idempotent: the claim's suggestions are replaced, its decided matches kept. */
  async matchClaim(claimId: string): Promise<number> {
    const claim = await this.repository.claimForMatching(claimId);
    // A candidate is matched only once it is promoted.
    if (!claim || claim.status === CANDIDATE) return 0;
    const matches: NewMatch[] = [];
    const seenClaims = new Set<string>([claim.id]);
    for (const same of await this.repository.sameTextClaims(claim.id, claim.text, 50)) {
      seenClaims.add(same.id);
      matches.push({ kind: 'same-text', factCheckId: null, matchedClaimId: same.id, score: 1 });
    }
    const ranked = this.search.rank(await this.search.prepare(claim.text));
    let kept = 0;
    for (const { row, score } of ranked) {
      if (kept >= MATCHES_KEPT || score < MIN_MATCH_SCORE) break;
      if (row.sourceClaimId) {
        if (seenClaims.has(row.sourceClaimId)) continue;
        seenClaims.add(row.sourceClaimId);
        matches.push({ kind: 'claim', factCheckId: null, matchedClaimId: row.sourceClaimId, score });
      } else matches.push({ kind: 'fact-check', factCheckId: row.id, matchedClaimId: null, score });
      kept += 1;
    }
    await this.repository.transaction(async (em) => {
      await this.claims.markMatched(em, claim.id);
      await this.repository.replaceSuggestions(em, claim.id, matches);
    });
    await this.repository.linkSameText(matches.filter((m) => m.kind === 'same-text').map((m) => m.matchedClaimId!), claim.id);
    this.logger.debug(`claim ${claim.id}: ${matches.length} matches`);
    return matches.length;
  }
}
