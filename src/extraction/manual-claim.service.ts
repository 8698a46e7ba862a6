import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ownerFilterOf } from '../articles/article-visibility';
import type { Principal } from '../auth/principal';
import { actorOf, appendClaimEvents } from '../claims/claim-history';
import { ClaimEntity } from '../claims/claim.entity';
import { ApiError } from '../common/api-error';
import { inTransaction } from '../database/unit-of-work';
import { FactCheckQueueService } from '../fact-checks/fact-check-queue.service';
import { ReviewQueueService } from '../review/review-queue.service';
import { ExtractionPool } from './extraction-pool.service';

/** Editors correct the extractor: a span it missed becomes a claim, scored and typed like the others. */
@Injectable()
export class ManualClaimService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly extractor: ExtractionPool,
    private readonly reviewQueue: ReviewQueueService,
    private readonly factCheckQueue: FactCheckQueueService,
  ) {}

  /** The span is analysed off the event loop and before any lock is taken; the article must not have changed meanwhile. */
  async add(principal: Principal, articleId: string, span: { start: number; end: number }): Promise<ClaimEntity> {
    const owner = ownerFilterOf(principal);
    const [article]: { body: string; revision: number; status: string }[] = await this.dataSource.query(
      `SELECT body, revision, status FROM articles WHERE id = $1 ${owner ? 'AND owner_id = $2' : ''}`,
      owner ? [articleId, owner] : [articleId],
    );
    if (!article) throw ApiError.notFound('Article', articleId);
    if (article.status !== 'ready') throw new ApiError(HttpStatus.CONFLICT, 'conflict', `The article is ${article.status}; add claims once it is ready`);
    if (span.end <= span.start || span.end > article.body.length) {
      throw ApiError.validation({ end: [`end must be after start and at most ${article.body.length}`] });
    }
    const text = article.body.slice(span.start, span.end);
    if (!text.trim()) throw ApiError.validation({ start: ['the span holds no text'] });
    const analysed = await this.extractor.analyseSpan(article.body, span);

    return inTransaction(this.dataSource, async (em) => {
      const still = await em.query(`SELECT 1 FROM articles WHERE id = $1 AND revision = $2 AND status = 'ready' FOR UPDATE`, [articleId, article.revision]);
      if (still.length === 0) throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'The article changed while the claim was being added; add it again');
      const duplicate = await em.query(`SELECT id FROM claims WHERE article_id = $1 AND start = $2 AND "end" = $3 AND status <> 'withdrawn'`, [articleId, span.start, span.end]);
      if (duplicate.length > 0) throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'That span is already a claim', { claimId: duplicate[0].id });

      const [{ ordinal }] = await em.query(`SELECT coalesce(max(ordinal), -1) + 1 AS ordinal FROM claims WHERE article_id = $1 AND revision = $2`, [articleId, article.revision]);
      // Where the analysis could not tell the sentence, the nearest claim before the span does.
      const [inserted] = await em.query(
        `INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type, claimant, entities)
         VALUES ($1, $2, $3, $4, $5, $6,
                 coalesce($7::int, (SELECT sentence_index FROM claims WHERE article_id = $1 AND start <= $5 ORDER BY start DESC LIMIT 1), 0),
                 $8, $9, $10, $11) RETURNING id`,
        [articleId, article.revision, ordinal, text, span.start, span.end, analysed.sentenceIndex, analysed.checkworthiness, analysed.type, analysed.claimant, JSON.stringify(analysed.entities)],
      );
      await appendClaimEvents(em, [{ claimId: inserted.id, articleId, type: 'created', actor: actorOf(principal), toStatus: 'unverified', note: 'added by hand' }]);
      const claim = await em.findOneByOrFail(ClaimEntity, { id: inserted.id });
      this.reviewQueue.enqueueAssignmentsOnCommit(em, [claim]);
      this.factCheckQueue.enqueueMatchingOnCommit(em, [claim.id]);
      return claim;
    });
  }
}
