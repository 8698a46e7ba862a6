import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ArticleEntity } from '../articles/article.entity';
import { ArticlesService, type AcceptedArticle } from '../articles/articles.service';
import type { CreateArticleDto } from '../articles/dto/create-article.dto';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';

@Injectable()
export class WebhooksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly articles: ArticlesService,
  ) {}

  /** A `webhook-id` seen before is the same message again: its article, nothing written. */
  async receiveArticle(principal: Principal, webhookId: string, dto: CreateArticleDto): Promise<AcceptedArticle> {
    if (webhookId.length > 200) throw ApiError.validation({ 'webhook-id': ['webhook-id is at most 200 characters'] });
    const integratorId = principal.integratorId!;
    const [seen]: { article_id: string }[] = await this.dataSource.query(
      `SELECT article_id FROM webhook_receipts WHERE integrator_id = $1 AND webhook_id = $2`,
      [integratorId, webhookId],
    );
    if (seen) return { article: await this.dataSource.getRepository(ArticleEntity).findOneByOrFail({ id: seen.article_id }), created: false };
    return this.articles.accept(principal, dto, (em, accepted) =>
      em.query(`INSERT INTO webhook_receipts (integrator_id, webhook_id, article_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
        integratorId,
        webhookId,
        accepted.article.id,
      ]),
    );
  }
}
