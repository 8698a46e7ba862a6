import { Injectable, Logger } from '@nestjs/common';
import { CANDIDATE } from '../claims/claim-status';
import { ClaimsRepository } from '../claims/claims.repository';
import { FactCheckSearchService } from './fact-check-search.service';
import { FactChecksRepository, type NewMatch } from './fact-checks.repository';

/** Matches kept per claim, beside every claim with the same text. */
export const MATCHES_KEPT = 5;
/**
 * Below this a match is noise (a score is the learned ranker's chance that the match is right). Set on the train
 * queries (`npm run train:matching -- --write` prints what each threshold keeps): 0.74 keeps the right fact-check for
 * 425 of 800 and shows a wrong best match for 11.
 */
export const MIN_MATCH_SCORE = 0.74;

/** Runs in the worker: a new claim against the archive and the desk's earlier verdicts, and against claims with the same text. */
@Injectable()
export class ClaimMatchingService {
  private readonly logger = new Logger(ClaimMatchingService.name);

  constructor(
    private readonly repository: FactChecksRepository,
    private readonly search: FactCheckSearchService,
    private readonly claims: ClaimsRepository,
  ) {}

  /**
   * Idempotent: each claim's suggestions are replaced, its decided matches kept. The job's writes go in one
   * transaction (a job is one article's claims), so a job costs three statements a claim and a few more in all.
   */
  async matchClaims(claimIds: string[]): Promise<number> {
    // A candidate is matched only once it is promoted.
    const claims = (await this.repository.claimsForMatching(claimIds)).filter((claim) => claim.status !== CANDIDATE);
    if (claims.length === 0) return 0;
    const suggestions = new Map<string, NewMatch[]>();
    for (const claim of claims) suggestions.set(claim.id, await this.matchesFor(claim));
    await this.repository.transaction(async (em) => {
      await this.claims.markMatched(em, [...suggestions.keys()]);
      await this.repository.replaceSuggestions(em, suggestions);
    });
    const links = [...suggestions].flatMap(([toClaimId, matches]) =>
      matches.filter((m) => m.kind === 'same-text').map((m) => ({ fromClaimId: m.matchedClaimId!, toClaimId })),
    );
    await this.repository.linkSameText(links);
    const matched = [...suggestions.values()].reduce((sum, matches) => sum + matches.length, 0);
    this.logger.debug(`${claims.length} claims: ${matched} matches`);
    return matched;
  }

  /** Same-text claims first, then the best fact-checks and earlier verdicts above the floor. */
  private async matchesFor(claim: { id: string; text: string }): Promise<NewMatch[]> {
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
    return matches;
  }
}
