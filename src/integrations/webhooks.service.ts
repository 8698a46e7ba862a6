import { Injectable } from '@nestjs/common';
import { ArticlesQueryService } from '../articles/articles-query.service';
import { ArticlesService, type AcceptedArticle } from '../articles/articles.service';
import type { CreateArticleDto } from '../articles/dto/create-article.dto';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';

@Injectable()
export class WebhooksService {
  constructor(
    private readonly seen: IdempotencyRepository,
    private readonly articles: ArticlesService,
    private readonly articlesQuery: ArticlesQueryService,
  ) {}

  /** A `webhook-id` seen before is the same message again: its article, nothing written. */
  async receiveArticle(principal: Principal, webhookId: string, dto: CreateArticleDto): Promise<AcceptedArticle> {
    if (webhookId.length > 200) throw ApiError.validation({ 'webhook-id': ['webhook-id is at most 200 characters'] });
    const integratorId = principal.integratorId!;
    const seenArticle = await this.seen.receivedArticle(integratorId, webhookId);
    if (seenArticle) return { article: await this.articlesQuery.get(principal, seenArticle), created: false };
    return this.articles.accept(principal, dto, (em, accepted) =>
      this.seen.recordReceipt(em, integratorId, webhookId, accepted.article.id),
    );
  }
}
