import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ownerFilterOf } from '../articles/article-visibility';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { ClaimEventEntity } from './claim-event.entity';
import { ClaimEntity } from './claim.entity';
import type { ListClaimsQuery } from './dto/list-claims.query';

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

  private visible(principal: Principal): SelectQueryBuilder<ClaimEntity> {
    const qb = this.dataSource.getRepository(ClaimEntity).createQueryBuilder('c');
    const owner = ownerFilterOf(principal);
    if (owner) qb.innerJoin('articles', 'a', 'a.id = c.article_id AND a.owner_id = :owner', { owner });
    return qb;
  }
}
