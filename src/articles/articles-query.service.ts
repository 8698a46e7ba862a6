import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { ClaimEntity } from '../claims/claim.entity';
import type { ClaimStatus } from '../claims/claim-status';
import { emptySummary, type ClaimSummary } from './article.response';
import { ArticleEntity } from './article.entity';
import { ownerFilterOf } from './article-visibility';
import type { ListArticlesQuery } from './dto/list-articles.query';

/** Claims that come with an article (GET /articles/:id, the editor page); the rest follow by cursor. */
export const ARTICLE_CLAIMS_PAGE = 200;

@Injectable()
export class ArticlesQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(principal: Principal, id: string): Promise<ArticleEntity> {
    const article = await this.visible(principal).andWhere('a.id = :id', { id }).getOne();
    if (!article) throw ApiError.notFound('Article', id);
    return article;
  }

  /** Newest first, keyset-paginated; the body is left out of lists. */
  async list(principal: Principal, query: ListArticlesQuery): Promise<Page<ArticleEntity>> {
    const limit = query.limit ?? 50;
    const qb = this.visible(principal).addSelect('a.created_at::text', 'cursor_key');
    if (query.status) qb.andWhere('a.status = :status', { status: query.status });
    if (query.source) qb.andWhere('a.owner_id = :source', { source: query.source });
    if (query.from) qb.andWhere('a.created_at >= :from', { from: query.from });
    if (query.to) qb.andWhere('a.created_at < :to', { to: query.to });
    const cursor = decodeCursor(query.cursor, ['timestamp', 'uuid']);
    if (cursor) qb.andWhere('(a.created_at, a.id) < (CAST(:key AS timestamptz), CAST(:after AS uuid))', { key: cursor[0], after: cursor[1] });
    qb.orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_key: string }>();
    const keys = new Map(entities.map((article, i) => [article.id, raw[i].cursor_key]));
    return toPage(entities, limit, (article) => [keys.get(article.id)!, article.id]);
  }

  /** A page of the article's claims: current ones in text order, withdrawn ones after them. */
  async claimsOf(articleId: string, page: { cursor?: string; limit?: number } = {}): Promise<Page<ClaimEntity>> {
    const limit = page.limit ?? ARTICLE_CLAIMS_PAGE;
    const qb = this.dataSource
      .getRepository(ClaimEntity)
      .createQueryBuilder('c')
      .where('c.article_id = :articleId', { articleId })
      .orderBy(`(c.status = 'withdrawn')::int`, 'ASC')
      .addOrderBy('c.start', 'ASC')
      .addOrderBy('c.ordinal', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1);
    const cursor = decodeCursor(page.cursor, ['integer', 'integer', 'integer', 'uuid']);
    if (cursor) {
      qb.andWhere(`((c.status = 'withdrawn')::int, c.start, c.ordinal, c.id) > (CAST(:withdrawn AS int), CAST(:start AS int), CAST(:ordinal AS int), CAST(:after AS uuid))`, {
        withdrawn: cursor[0], start: cursor[1], ordinal: cursor[2], after: cursor[3],
      });
    }
    return toPage(await qb.getMany(), limit, (c) => [c.status === 'withdrawn' ? 1 : 0, c.start, c.ordinal, c.id]);
  }

  /** Every claim of the article in one of these statuses, in text order (as many as an article may have). */
  claimsInStatus(articleId: string, statuses: ClaimStatus[]): Promise<ClaimEntity[]> {
    return this.dataSource
      .getRepository(ClaimEntity)
      .createQueryBuilder('c')
      .where('c.article_id = :articleId AND c.status IN (:...statuses)', { articleId, statuses })
      .orderBy('c.start', 'ASC')
      .addOrderBy('c.ordinal', 'ASC')
      .getMany();
  }

  async summaries(articleIds: string[]): Promise<Map<string, ClaimSummary>> {
    const result = new Map(articleIds.map((id) => [id, emptySummary()]));
    if (articleIds.length === 0) return result;
    const rows: { article_id: string; status: ClaimStatus; count: number }[] = await this.dataSource.query(
      `SELECT article_id, status, count(*)::int AS count FROM claims WHERE article_id = ANY($1) GROUP BY article_id, status`,
      [articleIds],
    );
    for (const row of rows) {
      const summary = result.get(row.article_id)!;
      summary[row.status] = row.count;
      summary.total += row.count;
    }
    return result;
  }

  private visible(principal: Principal): SelectQueryBuilder<ArticleEntity> {
    const qb = this.dataSource.getRepository(ArticleEntity).createQueryBuilder('a').where('true');
    const owner = ownerFilterOf(principal);
    if (owner) qb.andWhere('a.owner_id = :owner', { owner });
    return qb;
  }
}
