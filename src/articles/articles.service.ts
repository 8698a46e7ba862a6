import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ApiError } from '../common/api-error';
import { normalizeTopics } from '../common/topics';
import type { Environment } from '../config/environment';
import { DomainEvents } from '../database/domain-events';
import { entityFromRow } from '../database/sql';
import { inTransaction } from '../database/unit-of-work';
import { ownerIdOf, type Principal } from '../auth/principal';
import { ARTICLE_ACCEPTED } from './article-events';
import { contentHashOf } from './article-identity';
import { estimateSentences } from './article-limits';
import { ArticleRevisionEntity } from './article-revision.entity';
import { ArticleEntity } from './article.entity';
import type { CreateArticleDto } from './dto/create-article.dto';

export interface AcceptedArticle {
  article: ArticleEntity;
  /** false when the same identity and content was posted before: nothing was written. */
  created: boolean;
}

@Injectable()
export class ArticlesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /**
   * Writes the article (or its next revision) and announces it (extraction queues it); `alsoWrite` runs in the same
   * transaction (a webhook's receipt), so both are written or neither.
   */
  async accept(principal: Principal, dto: CreateArticleDto, alsoWrite?: (em: EntityManager, accepted: AcceptedArticle) => Promise<unknown>): Promise<AcceptedArticle> {
    this.refuseTooLong(dto.body);
    const ownerId = ownerIdOf(principal);
    const contentHash = contentHashOf(dto.title, dto.body);
    return inTransaction(this.dataSource, async (em) => {
      const accepted = dto.externalId ? await this.upsertByExternalId(em, ownerId, dto, contentHash) : await this.insertByContent(em, ownerId, dto, contentHash);
      await alsoWrite?.(em, accepted);
      if (accepted.created) await this.events.publish(em, ARTICLE_ACCEPTED, { articleId: accepted.article.id, revision: accepted.article.revision });
      return accepted;
    });
  }

  private refuseTooLong(body: string): void {
    const limit = this.config.get('MAX_ARTICLE_SENTENCES', { infer: true });
    const sentences = estimateSentences(body);
    if (sentences > limit) {
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'article_too_long', `The body has about ${sentences} sentences; an article may have at most ${limit}`, { sentences, limit });
    }
  }

  private async insertByContent(em: EntityManager, ownerId: string, dto: CreateArticleDto, contentHash: string): Promise<AcceptedArticle> {
    const inserted = await this.insertArticle(em, ownerId, dto, contentHash, `ON CONFLICT (owner_id, content_hash) WHERE external_id IS NULL DO NOTHING`);
    if (inserted) return { article: inserted, created: true };
    const existing = await em.findOneByOrFail(ArticleEntity, { ownerId, contentHash, externalId: IsNull() });
    return { article: existing, created: false };
  }

  private async upsertByExternalId(em: EntityManager, ownerId: string, dto: CreateArticleDto, contentHash: string): Promise<AcceptedArticle> {
    const inserted = await this.insertArticle(em, ownerId, dto, contentHash, `ON CONFLICT (owner_id, external_id) WHERE external_id IS NOT NULL DO NOTHING`);
    if (inserted) return { article: inserted, created: true };
    const existing = await em
      .createQueryBuilder(ArticleEntity, 'a')
      .setLock('pessimistic_write')
      .where('a.owner_id = :ownerId AND a.external_id = :externalId', { ownerId, externalId: dto.externalId })
      .getOneOrFail();
    if (existing.contentHash === contentHash) return { article: existing, created: false };

    existing.revision += 1;
    Object.assign(existing, this.articleFields(dto), { contentHash, status: 'received', failureReason: null });
    const saved = await em.save(existing);
    await this.recordRevision(em, saved);
    return { article: saved, created: true };
  }

  private async insertArticle(em: EntityManager, ownerId: string, dto: CreateArticleDto, contentHash: string, onConflict: string): Promise<ArticleEntity | null> {
    const fields = this.articleFields(dto);
    // The article and its first revision row in one statement: the hot path of ingestion.
    const rows: Record<string, unknown>[] = await em.query(
      `WITH article AS (
         INSERT INTO articles (owner_id, external_id, content_hash, title, body, url, language, published_at, topics, min_checkworthiness)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ${onConflict} RETURNING *
       ), revision AS (
         INSERT INTO article_revisions (article_id, revision, title, body, content_hash)
         SELECT id, revision, title, body, content_hash FROM article
       )
       SELECT * FROM article`,
      [ownerId, dto.externalId ?? null, contentHash, fields.title, fields.body, fields.url, fields.language, fields.publishedAt, fields.topics, fields.minCheckworthiness],
    );
    return rows[0] ? entityFromRow(em, ArticleEntity, rows[0]) : null;
  }

  private articleFields(dto: CreateArticleDto) {
    return {
      title: dto.title,
      body: dto.body,
      url: dto.url ?? null,
      language: dto.language ?? 'en',
      publishedAt: dto.publishedAt ?? null,
      topics: normalizeTopics(dto.topics ?? []),
      minCheckworthiness: dto.minCheckworthiness ?? null,
    };
  }

  private recordRevision(em: EntityManager, article: ArticleEntity): Promise<unknown> {
    return em.insert(ArticleRevisionEntity, {
      articleId: article.id,
      revision: article.revision,
      title: article.title,
      body: article.body,
      contentHash: article.contentHash,
    });
  }
}
