import { Injectable } from '@nestjs/common';
import { ArticlesQueryService } from '../articles/articles-query.service';
import { isReviewed, type ClaimSummary } from '../articles/article.response';
import type { ArticleEntity } from '../articles/article.entity';
import type { Principal } from '../auth/principal';
import type { ClaimEventEntity } from '../claims/claim-event.entity';
import type { ClaimEntity } from '../claims/claim.entity';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { PeopleService, type PeopleDirectory } from './people.service';

export interface ClaimDetail {
  claim: ClaimEntity;
  /** Oldest first; a claim's history is short, the first 200 events are shown. */
  events: ClaimEventEntity[];
}

export interface ArticlePage {
  article: ArticleEntity;
  summary: ClaimSummary;
  reviewed: boolean;
  claims: ClaimEntity[];
  selected: ClaimDetail | null;
  people: PeopleDirectory;
}

const HISTORY_LIMIT = 200;

/** Reads what the editor page shows, through the same visibility rules as the API (integrators see their own). */
@Injectable()
export class ArticlePageService {
  constructor(
    private readonly articles: ArticlesQueryService,
    private readonly claimsQuery: ClaimsQueryService,
    private readonly people: PeopleService,
  ) {}

  async load(principal: Principal, articleId: string, claimId: string | null): Promise<ArticlePage> {
    const article = await this.articles.get(principal, articleId);
    const [summaries, claims] = await Promise.all([this.articles.summaries([articleId]), this.articles.claimsOf(articleId)]);
    const summary = summaries.get(articleId)!;
    const claim = claimId ? claims.find((c) => c.id === claimId) : undefined;
    const events = claim ? (await this.claimsQuery.events(principal, claim.id, { limit: HISTORY_LIMIT })).items : [];
    const people = await this.people.directory(events.map((e) => e.actorKeyId));
    return { article, summary, reviewed: isReviewed(article, summary), claims, selected: claim ? { claim, events } : null, people };
  }
}
