import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ownerFilterOf } from '../articles/article-visibility';
import type { Principal } from '../auth/principal';
import { ArticlesRepository } from '../articles/articles.repository';
import { actorOf } from '../claims/claim-history';
import type { ClaimEntity } from '../claims/claim.entity';
import { CANDIDATE } from '../claims/claim-status';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import { ClaimsRepository } from '../claims/claims.repository';
import { ApiError } from '../common/api-error';
import { inTransaction } from '../database/unit-of-work';
import { FactCheckQueueService } from '../fact-checks/fact-check-queue.service';
import { ReviewQueueService } from '../review/review-queue.service';
import { ExtractionPool } from './extraction-pool.service';
import { spanOfPassage, type Span } from './passage-span';
import { hasVisibleText } from '../common/text-rules';

const PASSAGE_PROBLEMS = {
  empty: 'the passage holds no text',
  not_found: 'the passage is not in the article’s text (copy it from the current revision)',
  ambiguous: 'the passage occurs more than once in the article; select a longer one',
} as const;

/** Editors correct the extractor: a span it missed becomes a claim, scored and typed like the others. */
@Injectable()
export class ManualClaimService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly extractor: ExtractionPool,
    private readonly reviewQueue: ReviewQueueService,
    private readonly factCheckQueue: FactCheckQueueService,
    private readonly articles: ArticlesRepository,
    private readonly claims: ClaimsRepository,
    private readonly transitions: ClaimTransitionService,
  ) {}

  /** A passage selected or pasted on the article page: found in the body (see spanOfPassage), then added as its span. */
  async addPassage(principal: Principal, articleId: string, passage: string, near?: Span): Promise<ClaimEntity> {
    const article = await this.articles.findTextVisible(ownerFilterOf(principal), articleId);
    if (!article) throw ApiError.notFound('Article', articleId);
    const match = spanOfPassage(article.body, passage, near);
    if (!match.ok) throw ApiError.validation({ passage: [PASSAGE_PROBLEMS[match.problem]] });
    return this.add(principal, articleId, match.span);
  }

  /** The span is analysed off the event loop and before any lock is taken; the article must not have changed meanwhile. */
  async add(principal: Principal, articleId: string, span: Span): Promise<ClaimEntity> {
    const article = await this.articles.findTextVisible(ownerFilterOf(principal), articleId);
    if (!article) throw ApiError.notFound('Article', articleId);
    if (article.status !== 'ready')
      throw new ApiError(
        HttpStatus.CONFLICT,
        'conflict',
        `The article is ${article.status}; add claims once it is ready`,
      );
    if (span.end <= span.start || span.end > article.body.length) {
      throw ApiError.validation({ end: [`end must be after start and at most ${article.body.length}`] });
    }
    const text = article.body.slice(span.start, span.end);
    if (!hasVisibleText(text)) throw ApiError.validation({ start: ['the span holds no visible text'] });
    const analysed = await this.extractor.analyseSpan(article.body, span);

    // The extractor kept this span below the threshold: the editor says it is a claim, so it is promoted.
    const candidate = await this.claims.liveAtSpan(this.dataSource.manager, articleId, span.start, span.end);
    if (candidate?.status === CANDIDATE) return this.transitions.promote(candidate.id, principal);

    return inTransaction(this.dataSource, async (em) => {
      if (!(await this.articles.lockReadyRevision(em, articleId, article.revision))) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'conflict',
          'The article changed while the claim was being added; add it again',
        );
      }
      const duplicate = await this.claims.liveAtSpan(em, articleId, span.start, span.end);
      if (duplicate)
        throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'That span is already a claim', { claimId: duplicate.id });

      const ordinal = await this.claims.nextOrdinal(em, articleId, article.revision);
      const claimId = await this.claims.insertOne(em, articleId, article.revision, {
        ordinal,
        text,
        start: span.start,
        end: span.end,
        ...analysed,
      });
      await this.claims.appendEvents(em, [
        {
          claimId,
          articleId,
          type: 'created',
          actor: actorOf(principal),
          toStatus: 'unverified',
          note: 'added by hand',
        },
      ]);
      const claim = await this.claims.findById(em, claimId);
      this.reviewQueue.enqueueAssignmentsOnCommit(em, [claim]);
      this.factCheckQueue.enqueueMatchingOnCommit(em, [claim.id]);
      return claim;
    });
  }
}
