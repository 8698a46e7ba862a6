import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ownerFilterOf } from '../articles/article-visibility';
import type { Principal } from '../auth/principal';
import { actorOf, appendClaimEvents } from '../claims/claim-history';
import { ClaimEntity } from '../claims/claim.entity';
import { ApiError } from '../common/api-error';
import { ReviewQueueService } from '../review/review-queue.service';
import { ClaimExtractor, type ExtractedClaim } from './lib/claim-extractor';

/** Editors correct the extractor: a span it missed becomes a claim, scored and typed like the others. */
@Injectable()
export class ManualClaimService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly extractor: ClaimExtractor,
    private readonly reviewQueue: ReviewQueueService,
  ) {}

  async add(principal: Principal, articleId: string, span: { start: number; end: number }): Promise<ClaimEntity> {
    const claim = await this.dataSource.transaction(async (em) => {
      const owner = ownerFilterOf(principal);
      const [article] = await em.query(
        `SELECT id, body, revision, status FROM articles WHERE id = $1 ${owner ? 'AND owner_id = $2' : ''} FOR UPDATE`,
        owner ? [articleId, owner] : [articleId],
      );
      if (!article) throw ApiError.notFound('Article', articleId);
      if (article.status !== 'ready') throw new ApiError(HttpStatus.CONFLICT, 'conflict', `The article is ${article.status}; add claims once it is ready`);
      const text: string = article.body.slice(span.start, span.end);
      if (span.end <= span.start || span.end > article.body.length) {
        throw ApiError.validation({ end: [`end must be after start and at most ${article.body.length}`] });
      }
      if (!text.trim()) throw ApiError.validation({ start: ['the span holds no text'] });

      const duplicate = await em.query(`SELECT id FROM claims WHERE article_id = $1 AND start = $2 AND "end" = $3 AND status <> 'withdrawn'`, [articleId, span.start, span.end]);
      if (duplicate.length > 0) throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'That span is already a claim', { claimId: duplicate[0].id });

      const analysed = this.analyse(article.body, text, span);
      const [{ ordinal }] = await em.query(`SELECT coalesce(max(ordinal), -1) + 1 AS ordinal FROM claims WHERE article_id = $1 AND revision = $2`, [articleId, article.revision]);
      const [inserted] = await em.query(
        `INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type, claimant, entities)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [articleId, article.revision, ordinal, text, span.start, span.end, analysed.sentenceIndex, analysed.checkworthiness, analysed.type, analysed.claimant, JSON.stringify(analysed.entities)],
      );
      await appendClaimEvents(em, [{ claimId: inserted.id, articleId, type: 'created', actor: actorOf(principal), toStatus: 'unverified', note: 'added by hand' }]);
      return em.findOneByOrFail(ClaimEntity, { id: inserted.id });
    });
    await this.reviewQueue.enqueueAssignments([claim]);
    return claim;
  }

  /** Type and score come from the span itself; claimant and sentence from the article's reading of that place. */
  private analyse(body: string, text: string, span: { start: number; end: number }): Omit<ExtractedClaim, 'ordinal' | 'text' | 'start' | 'end'> {
    const own = this.extractor.extract(text, { minCheckworthiness: 0 });
    const around = this.extractor.extract(body, { minCheckworthiness: 0 });
    const overlapping = around.find((c) => c.start < span.end && c.end > span.start);
    const preceding = [...around].reverse().find((c) => c.start <= span.start);
    return {
      checkworthiness: Math.max(this.extractor.score(text), ...own.map((c) => c.checkworthiness)),
      type: own[0]?.type ?? overlapping?.type ?? 'other',
      claimant: overlapping?.claimant ?? own[0]?.claimant ?? null,
      sentenceIndex: overlapping?.sentenceIndex ?? preceding?.sentenceIndex ?? 0,
      entities: (overlapping?.entities ?? []).filter((e) => e.start >= span.start && e.end <= span.end),
    };
  }
}
