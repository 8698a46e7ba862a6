import { Injectable } from '@nestjs/common';
import type { ClaimSummary } from '../claims/article.response';
import type { ArticleEntity } from '../articles/article.entity';
import { ArticlesQueryService } from '../articles/articles-query.service';
import { ClaimsQueryService } from '../claims/claims-query.service';
import type { Principal } from '../auth/principal';
import type { UiArticlesQuery } from './dto/ui-articles.query';
import { PagesRepository, type NamedRecord } from './pages.repository';

export const ARTICLES_PER_PAGE = 25;

export type ArticleSource = NamedRecord;

export interface ArticleListPage {
  items: { article: ArticleEntity; summary: ClaimSummary }[];
  nextCursor: string | null;
  /** Who may have posted articles; empty for integrators, who see only their own. */
  sources: ArticleSource[];
}

@Injectable()
export class ArticleListService {
  constructor(
    private readonly articles: ArticlesQueryService,
    private readonly claims: ClaimsQueryService,
    private readonly pages: PagesRepository,
  ) {}

  async load(principal: Principal, query: UiArticlesQuery): Promise<ArticleListPage> {
    const page = await this.articles.list(principal, {
      status: query.status,
      source: query.source,
      from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
      // The form's "to" day is inclusive.
      to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : undefined,
      cursor: query.cursor,
      limit: ARTICLES_PER_PAGE,
    });
    const [summaries, sources] = await Promise.all([
      this.claims.summaries(page.items.map((a) => a.id)),
      this.sources(principal),
    ]);
    return {
      items: page.items.map((article) => ({ article, summary: summaries.get(article.id)! })),
      nextCursor: page.nextCursor,
      sources,
    };
  }

  /** Articles belong to an integrator or to the key that posted them (see ownerIdOf). */
  private async sources(principal: Principal): Promise<ArticleSource[]> {
    if (principal.role === 'integrator') return [];
    return this.pages.articleSources();
  }
}
