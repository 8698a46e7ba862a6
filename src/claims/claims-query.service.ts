import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ownerFilterOf } from '../articles/article-visibility';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { ClaimEventEntity } from './claim-event.entity';
import { ClaimEntity } from './claim.entity';
import { emptySummary, type ClaimSummary } from './article.response';
import type { ClaimStatus } from './claim-status';
import type { ListClaimsQuery } from './dto/list-claims.query';

/** Claims that come with an article (GET /articles/:id, the editor page); the rest follow by cursor. */
const ARTICLE_CLAIMS_PAGE = 200;

@Injectable()
export class ClaimsQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(principal: Principal, id: string): Promise<ClaimEntity> {
    const claim = await this.visible(principal).andWhere('c.id = :id', { id }).getOne();
    if (!claim) throw ApiError.notFound('Claim', id);
    return claim;
  }

  /** Keyset pagination: newest first, or most check-worthy first. */
  async list(principal: Principal, query: ListClaimsQuery): Promise<Page<ClaimEntity>> {
    const limit = query.limit ?? 50;
    const byScore = query.sort === 'checkworthiness';
    const qb = this.visible(principal).addSelect(byScore ? 'c.checkworthiness::text' : 'c.created_at::text', 'cursor_key');
    if (query.articleId) qb.andWhere('c.article_id = :articleId', { articleId: query.articleId });
    if (query.status) qb.andWhere('c.status = :status', { status: query.status });
    if (query.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    const cursor = decodeCursor(query.cursor, [byScore ? 'real' : 'timestamp', 'uuid']);
    const sortColumn = byScore ? 'c.checkworthiness' : 'c.created_at';
    const sortType = byScore ? 'real' : 'timestamptz';
    if (cursor) qb.andWhere(`(${sortColumn}, c.id) < (CAST(:key AS ${sortType}), CAST(:after AS uuid))`, { key: cursor[0], after: cursor[1] });
    qb.orderBy(sortColumn, 'DESC').addOrderBy('c.id', 'DESC').limit(limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_key: string }>();
    const keys = new Map(entities.map((claim, i) => [claim.id, raw[i].cursor_key]));
    return toPage(entities, limit, (claim) => [keys.get(claim.id)!, claim.id]);
  }

  async events(principal: Principal, claimId: string, query: { cursor?: string; limit?: number }): Promise<Page<ClaimEventEntity>> {
    await this.get(principal, claimId);
    const limit = query.limit ?? 100;
    const cursor = decodeCursor(query.cursor, ['integer']);
    const qb = this.dataSource
      .getRepository(ClaimEventEntity)
      .createQueryBuilder('e')
      .where('e.claim_id = :claimId', { claimId })
      .orderBy('e.seq', 'ASC')
      .limit(limit + 1);
    if (cursor) qb.andWhere('e.seq > CAST(:after AS bigint)', { after: cursor[0] });
    return toPage(await qb.getMany(), limit, (e) => [e.seq]);
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

  private visible(principal: Principal): SelectQueryBuilder<ClaimEntity> {
    const qb = this.dataSource.getRepository(ClaimEntity).createQueryBuilder('c');
    const owner = ownerFilterOf(principal);
    if (owner) qb.innerJoin('articles', 'a', 'a.id = c.article_id AND a.owner_id = :owner', { owner });
    return qb;
  }
}
