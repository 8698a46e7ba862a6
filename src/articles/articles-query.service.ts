import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/pagination';
import type { ArticleEntity } from './article.entity';
import { ownerFilterOf } from './article-visibility';
import { ArticlesRepository } from './articles.repository';
import type { ListArticlesQuery } from './dto/list-articles.query';

@Injectable()
export class ArticlesQueryService {
  constructor(private readonly articles: ArticlesRepository) {}

  async get(principal: Principal, id: string): Promise<ArticleEntity> {
    const article = await this.articles.findVisible(ownerFilterOf(principal), id);
    if (!article) throw ApiError.notFound('Article', id);
    return article;
  }

  /** Newest first, keyset-paginated; the body is left out of lists. */
  list(principal: Principal, query: ListArticlesQuery): Promise<Page<ArticleEntity>> {
    const filter = { status: query.status, ownerId: query.source, from: query.from, to: query.to };
    return this.articles.listVisible(ownerFilterOf(principal), filter, {
      cursor: query.cursor,
      limit: query.limit ?? 50,
    });
  }
}
