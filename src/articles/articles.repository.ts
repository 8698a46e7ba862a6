import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, SelectQueryBuilder } from 'typeorm';
import { ReadDatabase } from '../database/read-database';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { entityFromRow, returningRows } from '../database/sql';
import { ArticleRevisionEntity } from './article-revision.entity';
import { ArticleEntity, type ArticleStatus } from './article.entity';

/** An article's fields as a client sends them. */
export interface ArticleFields {
  title: string;
  body: string;
  url: string | null;
  language: string;
  publishedAt: Date | null;
  dueAt: Date | null;
  topics: string[];
  minCheckworthiness: number | null;
}

/** Which identity a new article may not share with an existing one of its owner. */
export type ArticleIdentity = 'content' | 'external-id';

const ON_CONFLICT: Record<ArticleIdentity, string> = {
  content: `ON CONFLICT (owner_id, content_hash) WHERE external_id IS NULL DO NOTHING`,
  'external-id': `ON CONFLICT (owner_id, external_id) WHERE external_id IS NOT NULL DO NOTHING`,
};

export interface ArticleFilter {
  status?: ArticleStatus;
  ownerId?: string;
  from?: Date;
  to?: Date;
}

/** Every statement on `articles` and `article_revisions`. Methods that take an `EntityManager` run in the caller's transaction. */
@Injectable()
export class ArticlesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: ReadDatabase,
  ) {}

  /** The article, if `owner` (null: any) may see it. */
  findVisible(owner: string | null, id: string): Promise<ArticleEntity | null> {
    return this.visible(owner).andWhere('a.id = :id', { id }).getOne();
  }

  /** Newest first, keyset-paginated. */
  async listVisible(
    owner: string | null,
    filter: ArticleFilter,
    page: { cursor?: string; limit: number },
  ): Promise<Page<ArticleEntity>> {
    const qb = this.visible(owner, this.reads.dataSource).addSelect('a.created_at::text', 'cursor_key');
    if (filter.status) qb.andWhere('a.status = :status', { status: filter.status });
    if (filter.ownerId) qb.andWhere('a.owner_id = :source', { source: filter.ownerId });
    if (filter.from) qb.andWhere('a.created_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.created_at < :to', { to: filter.to });
    const cursor = decodeCursor(page.cursor, ['timestamp', 'uuid']);
    if (cursor)
      qb.andWhere('(a.created_at, a.id) < (CAST(:key AS timestamptz), CAST(:after AS uuid))', {
        key: cursor[0],
        after: cursor[1],
      });
    qb.orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(page.limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_key: string }>();
    const keys = new Map(entities.map((article, i) => [article.id, raw[i].cursor_key]));
    return toPage(entities, page.limit, (article) => [keys.get(article.id)!, article.id]);
  }

  /** Body, revision and status of an article `owner` (null: any) may see. */
  async findTextVisible(
    owner: string | null,
    id: string,
  ): Promise<{ body: string; revision: number; status: ArticleStatus } | null> {
    const [article] = await this.dataSource.query(
      `SELECT body, revision, status FROM articles WHERE id = $1 ${owner ? 'AND owner_id = $2' : ''}`,
      owner ? [id, owner] : [id],
    );
    return article ?? null;
  }

  /**
   * The article and its first revision row in one statement (the hot path of ingestion); null when the owner has an
   * article of that identity already.
   */
  async insertWithRevision(
    em: EntityManager,
    identity: ArticleIdentity,
    article: ArticleFields & { ownerId: string; externalId: string | null; contentHash: string },
  ): Promise<ArticleEntity | null> {
    const rows: Record<string, unknown>[] = await em.query(
      `WITH article AS (
         INSERT INTO articles (owner_id, external_id, content_hash, title, body, url, language, published_at, topics, min_checkworthiness, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ${ON_CONFLICT[identity]} RETURNING *
       ), revision AS (
         INSERT INTO article_revisions (article_id, revision, title, body, content_hash)
         SELECT id, revision, title, body, content_hash FROM article
       )
       SELECT * FROM article`,
      [
        article.ownerId,
        article.externalId,
        article.contentHash,
        article.title,
        article.body,
        article.url,
        article.language,
        article.publishedAt,
        article.topics,
        article.minCheckworthiness,
        article.dueAt,
      ],
    );
    return rows[0] ? entityFromRow(em, ArticleEntity, rows[0]) : null;
  }

  findByContent(em: EntityManager, ownerId: string, contentHash: string): Promise<ArticleEntity> {
    return em.findOneByOrFail(ArticleEntity, { ownerId, contentHash, externalId: IsNull() });
  }

  lockById(em: EntityManager, id: string): Promise<ArticleEntity | null> {
    return em.createQueryBuilder(ArticleEntity, 'a').setLock('pessimistic_write').where('a.id = :id', { id }).getOne();
  }

  lockByExternalId(em: EntityManager, ownerId: string, externalId: string): Promise<ArticleEntity> {
    return em
      .createQueryBuilder(ArticleEntity, 'a')
      .setLock('pessimistic_write')
      .where('a.owner_id = :ownerId AND a.external_id = :externalId', { ownerId, externalId })
      .getOneOrFail();
  }

  /** Sets the due date; the trigger `articles_pass_due_at` gives it to the article's claims. Null: no such article. */
  async setDueAt(em: EntityManager, id: string, dueAt: Date | null): Promise<ArticleEntity | null> {
    const rows: Record<string, unknown>[] = await returningRows(
      em,
      `UPDATE articles SET due_at = $2, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, dueAt],
    );
    return rows[0] ? entityFromRow(em, ArticleEntity, rows[0]) : null;
  }

  /** Saves the article as changed (a new revision) and records that revision's text. */
  async saveRevision(em: EntityManager, article: ArticleEntity): Promise<ArticleEntity> {
    const saved = await em.save(article);
    await em.insert(ArticleRevisionEntity, {
      articleId: saved.id,
      revision: saved.revision,
      title: saved.title,
      body: saved.body,
      contentHash: saved.contentHash,
    });
    return saved;
  }

  /** Marks the revision as being extracted, unless it is extracted already or superseded; returns what to extract. */
  async startExtraction(
    id: string,
    revision: number,
  ): Promise<{ body: string; minCheckworthiness: number | null } | null> {
    const rows: { body: string; minCheckworthiness: number | null }[] = await returningRows(
      this.dataSource,
      `UPDATE articles SET status = 'extracting', updated_at = now()
       WHERE id = $1 AND revision = $2 AND extracted_revision < $2 RETURNING body, min_checkworthiness AS "minCheckworthiness"`,
      [id, revision],
    );
    return rows[0] ?? null;
  }

  async failExtraction(id: string, revision: number, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE articles SET status = 'failed', failure_reason = $3, updated_at = now() WHERE id = $1 AND revision = $2`,
      [id, revision, reason],
    );
  }

  /**
   * Marks the revision extracted while it is still unextracted, which locks the row until the caller's transaction ends
   * (its claims are written after, in the same transaction); false when another run got there first.
   */
  async markExtracted(em: EntityManager, id: string, revision: number): Promise<boolean> {
    const marked: unknown[] = await returningRows(
      em,
      `UPDATE articles SET status = 'ready', extracted_revision = $2, failure_reason = NULL, updated_at = now()
       WHERE id = $1 AND revision = $2 AND extracted_revision < $2 RETURNING 1`,
      [id, revision],
    );
    return marked.length > 0;
  }

  /** Locks the article while this revision is current and ready; false when it changed. */
  async lockReadyRevision(em: EntityManager, id: string, revision: number): Promise<boolean> {
    const still: unknown[] = await em.query(
      `SELECT 1 FROM articles WHERE id = $1 AND revision = $2 AND status = 'ready' FOR UPDATE`,
      [id, revision],
    );
    return still.length > 0;
  }

  /** Revisions waiting for extraction (not failed), oldest first, after the key `after` (`created_at|id`). */
  awaitingExtraction(after: string | null, limit: number): Promise<{ id: string; revision: number; key: string }[]> {
    return this.dataSource.query(
      `SELECT id, revision, created_at::text || '|' || id AS key FROM articles
       WHERE extracted_revision < revision AND status <> 'failed' AND ($1::text IS NULL OR (created_at, id) > (split_part($1, '|', 1)::timestamptz, split_part($1, '|', 2)::uuid))
       ORDER BY created_at, id LIMIT ${limit}`,
      [after],
    );
  }

  /** `from`: the listings read the replica (`ReadDatabase`); single rows, read after writes, the primary. */
  private visible(owner: string | null, from: DataSource = this.dataSource): SelectQueryBuilder<ArticleEntity> {
    const qb = from.getRepository(ArticleEntity).createQueryBuilder('a').where('true');
    if (owner) qb.andWhere('a.owner_id = :owner', { owner });
    return qb;
  }
}
