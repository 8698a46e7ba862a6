import { isUniqueViolation } from '../database/sql';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAuditEvent, type AuditActor } from '../audit/audit.repository';
import { ApiError } from '../common/api-error';
import { normalizeTopics } from '../common/topics';
import type { Environment } from '../config/environment';
import { DomainEvents } from '../database/domain-events';
import { inTransaction } from '../database/unit-of-work';
import { ownerIdOf, type Principal } from '../auth/principal';
import { ARTICLE_ACCEPTED } from './article-events';
import { contentHashOf } from './article-identity';
import { estimateSentences } from './article-limits';
import type { ArticleEntity } from './article.entity';
import { ArticlesRepository, type ArticleFields, type ArticleIdentity } from './articles.repository';
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
    private readonly articles: ArticlesRepository,
  ) {}

  /**
   * Writes the article (or its next revision) and announces it (extraction queues it); `alsoWrite` runs in the same
   * transaction (a webhook's receipt), so both are written or neither.
   */
  async accept(
    principal: Principal,
    dto: CreateArticleDto,
    alsoWrite?: (em: EntityManager, accepted: AcceptedArticle) => Promise<unknown>,
  ): Promise<AcceptedArticle> {
    this.refuseTooLong(dto.body);
    const ownerId = ownerIdOf(principal);
    const contentHash = contentHashOf(dto.title, dto.body);
    return inTransaction(this.dataSource, async (em) => {
      const accepted = dto.externalId
        ? await this.upsertByExternalId(em, ownerId, dto, contentHash)
        : await this.insertByContent(em, ownerId, dto, contentHash);
      await alsoWrite?.(em, accepted);
      return this.announced(em, accepted);
    });
  }

  /** A new article or revision is announced in its own transaction (extraction queues it once it commits). */
  private async announced(em: EntityManager, accepted: AcceptedArticle): Promise<AcceptedArticle> {
    if (accepted.created)
      await this.events.publish(em, ARTICLE_ACCEPTED, {
        articleId: accepted.article.id,
        revision: accepted.article.revision,
      });
    return accepted;
  }

  private refuseTooLong(body: string): void {
    const limit = this.config.get('MAX_ARTICLE_SENTENCES', { infer: true });
    const sentences = estimateSentences(body);
    if (sentences > limit) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'article_too_long',
        `The body has about ${sentences} sentences; an article may have at most ${limit}`,
        { sentences, limit },
      );
    }
  }

  private async insertByContent(
    em: EntityManager,
    ownerId: string,
    dto: CreateArticleDto,
    contentHash: string,
  ): Promise<AcceptedArticle> {
    const inserted = await this.insertArticle(em, 'content', ownerId, dto, contentHash);
    if (inserted) return { article: inserted, created: true };
    return { article: await this.articles.findByContent(em, ownerId, contentHash), created: false };
  }

  private async upsertByExternalId(
    em: EntityManager,
    ownerId: string,
    dto: CreateArticleDto,
    contentHash: string,
  ): Promise<AcceptedArticle> {
    const inserted = await this.insertArticle(em, 'external-id', ownerId, dto, contentHash);
    if (inserted) return { article: inserted, created: true };
    return this.reviseLocked(em, await this.articles.lockByExternalId(em, ownerId, dto.externalId!), dto, contentHash);
  }

  /**
   * An editor's new revision of an article, by its id (from the pages): the article keeps its owner and identity, so
   * its claims carry over as they do for a revision its owner posts.
   */
  async revise(articleId: string, dto: CreateArticleDto): Promise<AcceptedArticle> {
    this.refuseTooLong(dto.body);
    const contentHash = contentHashOf(dto.title, dto.body);
    try {
      return await inTransaction(this.dataSource, async (em) => {
        const existing = await this.articles.lockById(em, articleId);
        if (!existing) throw ApiError.notFound('Article', articleId);
        return this.announced(em, await this.reviseLocked(em, existing, dto, contentHash));
      });
    } catch (error) {
      // An article known by its text may not take the text of another article of the same owner.
      if (isUniqueViolation(error)) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'conflict',
          'Another article of the same owner has exactly this title and body',
        );
      }
      throw error;
    }
  }

  /**
   * An editor's new due date (null: none), audited; the article's claims take it in the same statement
   * (`articles_pass_due_at`).
   */
  async setDueAt(articleId: string, dueAt: Date | null, actor: AuditActor): Promise<ArticleEntity> {
    return inTransaction(this.dataSource, async (em) => {
      const article = await this.articles.setDueAt(em, articleId, dueAt);
      if (!article) throw ApiError.notFound('Article', articleId);
      await recordAuditEvent(em, {
        action: 'article.due_at_changed',
        actor,
        targetType: 'article',
        targetId: article.id,
        details: { dueAt: article.dueAt?.toISOString() ?? null },
      });
      return article;
    });
  }

  private async reviseLocked(
    em: EntityManager,
    existing: ArticleEntity,
    dto: CreateArticleDto,
    contentHash: string,
  ): Promise<AcceptedArticle> {
    if (existing.contentHash === contentHash) return { article: existing, created: false };
    existing.revision += 1;
    // A revision that does not name a due date keeps the article's.
    const dueAt = dto.dueAt === undefined ? existing.dueAt : dto.dueAt;
    Object.assign(existing, this.articleFields(dto), { dueAt, contentHash, status: 'received', failureReason: null });
    return { article: await this.articles.saveRevision(em, existing), created: true };
  }

  private insertArticle(
    em: EntityManager,
    identity: ArticleIdentity,
    ownerId: string,
    dto: CreateArticleDto,
    contentHash: string,
  ): Promise<ArticleEntity | null> {
    return this.articles.insertWithRevision(em, identity, {
      ...this.articleFields(dto),
      ownerId,
      externalId: dto.externalId ?? null,
      contentHash,
    });
  }

  private articleFields(dto: CreateArticleDto): ArticleFields {
    return {
      title: dto.title,
      body: dto.body,
      url: dto.url ?? null,
      language: dto.language ?? 'en',
      publishedAt: dto.publishedAt ?? null,
      dueAt: dto.dueAt ?? null,
      topics: normalizeTopics(dto.topics ?? []),
      minCheckworthiness: dto.minCheckworthiness ?? null,
    };
  }
}
