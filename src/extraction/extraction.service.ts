import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../database/sql';
import { inTransaction } from '../database/unit-of-work';
import { appendClaimEvents, nextVersion, SYSTEM_ACTOR } from '../claims/claim-history';
import type { Environment } from '../config/environment';
import { FactCheckQueueService } from '../fact-checks/fact-check-queue.service';
import { CallbackOutboxService } from '../integrations/callback-outbox.service';
import type { ExtractArticleJob } from '../queue/job-data';
import { ReviewQueueService, type PendingClaim } from '../review/review-queue.service';
import { ExtractionPool } from './extraction-pool.service';
import type { ExtractedClaim } from './lib/claim-extractor';
import { planRevision, type ExistingClaim } from './revision-plan';

const INSERT_BATCH = 1000;

interface ArticleToExtract {
  body: string;
  min_checkworthiness: number | null;
}

/** The extract-article job: claims are written with the article's status change in one transaction. */
@Injectable()
export class ExtractionService {
  private readonly logger = new Logger(ExtractionService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly extractor: ExtractionPool,
    private readonly reviewQueue: ReviewQueueService,
    @Inject(ConfigService) private readonly config: ConfigService<Environment, true>,
    private readonly outbox: CallbackOutboxService,
    private readonly factCheckQueue: FactCheckQueueService,
  ) {}

  async extractArticle({ articleId, revision }: ExtractArticleJob): Promise<void> {
    const rows: ArticleToExtract[] = await returningRows(this.dataSource,
      `UPDATE articles SET status = 'extracting', updated_at = now()
       WHERE id = $1 AND revision = $2 AND extracted_revision < $2 RETURNING body, min_checkworthiness`,
      [articleId, revision],
    );
    if (!rows[0]) return; // already extracted, or superseded by a newer revision

    let extracted: ExtractedClaim[];
    try {
      extracted = await this.extractor.extract(rows[0].body, { minCheckworthiness: rows[0].min_checkworthiness ?? (await this.defaultThreshold()) });
    } catch (error) {
      // The extractor is deterministic: retrying the same text fails the same way.
      this.logger.error(`Extraction of ${articleId} r${revision} failed: ${(error as Error).stack}`);
      await this.fail(articleId, revision, `extraction failed: ${(error as Error).message}`);
      return;
    }
    const maxClaims = this.config.get('MAX_ARTICLE_CLAIMS', { infer: true });
    if (extracted.length > maxClaims) {
      await this.fail(articleId, revision, `too many claims: ${extracted.length} found, at most ${maxClaims} per article (MAX_ARTICLE_CLAIMS); raise minCheckworthiness or split the article`);
      return;
    }

    await inTransaction(this.dataSource, (em) => this.writeClaims(em, articleId, revision, rows[0].body, extracted));
  }

  async defaultThreshold(): Promise<number> {
    return this.config.get('MIN_CHECKWORTHINESS', { infer: true }) ?? (await this.extractor.modelThreshold());
  }

  private async fail(articleId: string, revision: number, reason: string): Promise<void> {
    await this.dataSource.query(`UPDATE articles SET status = 'failed', failure_reason = $3, updated_at = now() WHERE id = $1 AND revision = $2`, [articleId, revision, reason.slice(0, 500)]);
  }

  /** Writes nothing when another run got here first; after the commit, waiting claims are queued and withdrawn ones free their reviewers. */
  private async writeClaims(em: EntityManager, articleId: string, revision: number, body: string, extracted: ExtractedClaim[]): Promise<void> {
    const locked = await em.query(`SELECT 1 FROM articles WHERE id = $1 AND revision = $2 AND extracted_revision < $2 FOR UPDATE`, [articleId, revision]);
    if (locked.length === 0) return;

    const existing: (ExistingClaim & { assignee_id: string | null; checkworthiness: number })[] = await em.query(
      `SELECT id, text, status, assignee_id, checkworthiness FROM claims WHERE article_id = $1`,
      [articleId],
    );
    const plan = planRevision(existing, extracted, body);
    const created = await this.insertClaims(em, articleId, revision, plan.create);

    if (plan.keep.length > 0) {
      await em.query(
        `UPDATE claims c SET revision = $2, ordinal = k.ordinal, start = k.start, "end" = k.end, sentence_index = k.sentence_index, updated_at = now()
         FROM unnest($1::uuid[], $3::int[], $4::int[], $5::int[], $6::int[]) AS k(id, ordinal, start, "end", sentence_index)
         WHERE c.id = k.id`,
        [plan.keep.map((k) => k.id), revision, ...columns(plan.keep.map((k) => k.claim), ['ordinal', 'start', 'end', 'sentenceIndex'])],
      );
    }
    if (plan.withdraw.length > 0) {
      const withdrawn: { id: string; status: ExistingClaim['status']; assignee_id: string | null }[] = await returningRows(em,
        `UPDATE claims c SET status = 'withdrawn', ${nextVersion('c')}, assignee_id = NULL, assigned_at = NULL, lease_expires_at = NULL, updated_at = now()
         FROM claims old WHERE c.id = old.id AND c.id = ANY($1) RETURNING c.id, old.status, old.assignee_id`,
        [plan.withdraw],
      );
      await appendClaimEvents(
        em,
        withdrawn.map((w) => ({ claimId: w.id, articleId, type: 'withdrawn' as const, actor: SYSTEM_ACTOR, fromStatus: w.status as never, toStatus: 'withdrawn' as const, note: `not in revision ${revision}` })),
      );
      for (const w of withdrawn) if (w.assignee_id) this.reviewQueue.offerWorkOnCommit(em, w.assignee_id, 1);
      await this.outbox.record(
        em,
        articleId,
        withdrawn.map((w) => ({ type: 'claim.status_changed' as const, data: { claimId: w.id, from: w.status, to: 'withdrawn', note: `not in revision ${revision}` } })),
      );
    }
    await em.query(
      `UPDATE articles SET status = 'ready', extracted_revision = $2, failure_reason = NULL, updated_at = now() WHERE id = $1`,
      [articleId, revision],
    );
    const claimCount = created.length + plan.keep.length;
    await this.outbox.record(em, articleId, [{ type: 'article.extracted', data: { revision, claims: claimCount } }]);
    // A revision that only withdrew claims can leave every remaining one with a verdict.
    if (plan.create.length === 0) await this.outbox.recordIfReviewed(em, articleId);

    const keptIds = new Set(plan.keep.map((k) => k.id));
    const keptWaiting = existing.filter((c) => keptIds.has(c.id) && c.status === 'unverified' && !c.assignee_id);
    this.reviewQueue.enqueueAssignmentsOnCommit(em, [...created, ...keptWaiting]);
    // New claims are matched against fact-checks and earlier verdicts.
    this.factCheckQueue.enqueueMatchingOnCommit(em, created.map((c) => c.id));
  }

  /** One multi-row INSERT per article, or per batch of a long one: each statement's parameters are built on the event loop. */
  private async insertClaims(em: EntityManager, articleId: string, revision: number, claims: ExtractedClaim[]): Promise<PendingClaim[]> {
    const inserted: PendingClaim[] = [];
    for (let i = 0; i < claims.length; i += INSERT_BATCH) inserted.push(...(await this.insertBatch(em, articleId, revision, claims.slice(i, i + INSERT_BATCH))));
    return inserted;
  }

  private insertBatch(em: EntityManager, articleId: string, revision: number, claims: ExtractedClaim[]): Promise<PendingClaim[]> {
    return em.query(
      `INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type, claimant, entities)
       SELECT $1, $2, * FROM unnest($3::int[], $4::text[], $5::int[], $6::int[], $7::int[], $8::real[], $9::text[], $10::text[], $11::jsonb[])
       RETURNING id, checkworthiness`,
      [
        articleId,
        revision,
        ...columns(claims, ['ordinal', 'text', 'start', 'end', 'sentenceIndex', 'checkworthiness', 'type', 'claimant']),
        claims.map((c) => JSON.stringify(c.entities)),
      ],
    );
  }
}

function columns<T, K extends keyof T>(rows: T[], keys: K[]): T[K][][] {
  return keys.map((key) => rows.map((row) => row[key]));
}
