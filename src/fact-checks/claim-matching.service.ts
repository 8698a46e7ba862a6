import { Injectable, Logger } from '@nestjs/common';
import { statementOf } from '../claims/claim-statement';
import { CANDIDATE } from '../claims/claim-status';
import { ClaimsRepository } from '../claims/claims.repository';
import { FactCheckSearchService } from './fact-check-search.service';
import { paraphraseAnchors, SAME_CLAIM_SIMILARITY, sameClaimSimilarity } from './claim-paraphrase';
import { FactChecksRepository, type NewMatch } from './fact-checks.repository';
import { MatchRanker } from './match-ranker';
import { SentenceSimilarityService } from './sentence-similarity.service';
import { WordVectors } from './word-vectors';

/** Matches kept per claim, beside every claim with the same text. */
export const MATCHES_KEPT = 5;
/**
 * Below this a match is noise (a score is the learned ranker's chance that the match is right). Set on the train
 * queries (`npm run train:matching -- --write` prints what each threshold keeps): 0.75 keeps the right fact-check for
 * 438 of 800 and shows a wrong best match for 12 (0.74 would keep 471 and show 15 wrong).
 */
export const MIN_MATCH_SCORE = 0.75;
/** Other articles' claims read per claim for the same claim, in the same or other words (newest first). */
const SAME_CLAIMS_READ = 50;

/**
 * Runs in the worker: a new claim against the archive and the desk's earlier verdicts, and against other articles'
 * claims that say the same, in the same or other words (linked both ways, so a verdict on one is offered to the rest).
 */
@Injectable()
export class ClaimMatchingService {
  private readonly logger = new Logger(ClaimMatchingService.name);
  private readonly vectors = WordVectors.shared();

  constructor(
    private readonly repository: FactChecksRepository,
    private readonly search: FactCheckSearchService,
    private readonly claims: ClaimsRepository,
    private readonly sentences: SentenceSimilarityService,
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
      matches.flatMap((m) =>
        m.kind === 'same-text' || m.kind === 'same-claim'
          ? [{ fromClaimId: m.matchedClaimId!, toClaimId, kind: m.kind, score: m.score }]
          : [],
      ),
    );
    await this.repository.linkSameClaims(links);
    const matched = [...suggestions.values()].reduce((sum, matches) => sum + matches.length, 0);
    this.logger.debug(`${claims.length} claims: ${matched} matches`);
    return matched;
  }

  /**
   * Same-text claims first, then the same claim in other words in other articles, then the best fact-checks and
   * earlier verdicts above the floor.
   */
  private async matchesFor(claim: {
    id: string;
    text: string;
    statement: string | null;
    articleId: string;
  }): Promise<NewMatch[]> {
    const matches: NewMatch[] = [];
    const seenClaims = new Set<string>([claim.id]);
    for (const same of await this.repository.sameTextClaims(claim.id, claim.text, SAME_CLAIMS_READ)) {
      seenClaims.add(same.id);
      matches.push({ kind: 'same-text', factCheckId: null, matchedClaimId: same.id, score: 1 });
    }
    const candidates = await this.repository.paraphraseCandidates(
      claim,
      paraphraseAnchors(claim.text),
      SAME_CLAIMS_READ,
    );
    for (const other of candidates) {
      const score = sameClaimSimilarity(claim.text, other.text, this.vectors);
      if (score < SAME_CLAIM_SIMILARITY || seenClaims.has(other.id)) continue;
      seenClaims.add(other.id);
      matches.push({ kind: 'same-claim', factCheckId: null, matchedClaimId: other.id, score });
    }
    // A claim stated with its subject ("The bank raised the rate …", not "raised the rate …") is the better query.
    const prepared = await this.sentences.withSentenceFeatures(await this.search.prepare(statementOf(claim)));
    const ranked = this.search.rank(prepared, undefined, MatchRanker.withSentences());
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
