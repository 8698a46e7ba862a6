import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { ArticleEntity } from './article.entity';
import { ownerFilterOf } from './article-visibility';
import type { ListArticlesQuery } from './dto/list-articles.query';

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

  private visible(principal: Principal): SelectQueryBuilder<ArticleEntity> {
    const qb = this.dataSource.getRepository(ArticleEntity).createQueryBuilder('a').where('true');
    const owner = ownerFilterOf(principal);
    if (owner) qb.andWhere('a.owner_id = :owner', { owner });
    return qb;
  }
}
