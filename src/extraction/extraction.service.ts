import { Inject, Injectable, Logger } from '@nestjs/common';
import { claimStatusChanged } from '../claims/claim-callback';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inOneStatement, inTransaction } from '../database/unit-of-work';
import { ArticlesRepository } from '../articles/articles.repository';
import { SYSTEM_ACTOR } from '../claims/claim-history';
import { ClaimsRepository } from '../claims/claims.repository';
import { CANDIDATE } from '../claims/claim-status';
import type { Environment } from '../config/environment';
import { FactCheckQueueService } from '../fact-checks/fact-check-queue.service';
import { CallbackOutboxService } from '../integrations/callback-outbox.service';
import { isPublishedVerdict } from '../integrations/claim-review';
import type { ExtractArticleJob } from '../queue/job-data';
import { ReviewQueueService } from '../review/review-queue.service';
import { ExtractionPool } from './extraction-pool.service';
import type { ExtractedClaim } from './lib/claim-extractor';
import { planRevision } from './revision-plan';
import { clip } from '../common/text-rules';

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
    private readonly articles: ArticlesRepository,
    private readonly claims: ClaimsRepository,
  ) {}

  async extractArticle({ articleId, revision }: ExtractArticleJob): Promise<void> {
    const article = await this.articles.startExtraction(articleId, revision);
    if (!article) return; // already extracted, or superseded by a newer revision

    let extracted: ExtractedClaim[];
    try {
      extracted = await this.extractor.extract(article.body, {
        minCheckworthiness: article.minCheckworthiness ?? (await this.defaultThreshold()),
        candidateFloor: this.config.get('CANDIDATE_FLOOR', { infer: true }),
      });
    } catch (error) {
      // The extractor is deterministic: retrying the same text fails the same way.
      this.logger.error(`Extraction of ${articleId} r${revision} failed: ${(error as Error).stack}`);
      await this.fail(articleId, revision, `extraction failed: ${(error as Error).message}`);
      return;
    }
    const maxClaims = this.config.get('MAX_ARTICLE_CLAIMS', { infer: true });
    const claimCount = extracted.filter((c) => c.tier === 'claim').length;
    if (claimCount > maxClaims) {
      await this.fail(
        articleId,
        revision,
        `too many claims: ${claimCount} found, at most ${maxClaims} per article (MAX_ARTICLE_CLAIMS); raise minCheckworthiness or split the article`,
      );
      return;
    }

    const firstWritten = await inOneStatement(this.dataSource, (em) =>
      this.writeFirstExtraction(em, articleId, revision, extracted),
    );
    if (firstWritten) return;
    await inTransaction(this.dataSource, (em) => this.writeClaims(em, articleId, revision, article.body, extracted));
  }

  /**
   * An article with no claims yet (most extractions) is written in one call: nothing to keep or withdraw, so no plan
   * and no transaction held across round trips. False when it has claims: its revision is planned instead.
   */
  private async writeFirstExtraction(
    em: EntityManager,
    articleId: string,
    revision: number,
    extracted: ExtractedClaim[],
  ): Promise<boolean> {
    const written = await this.claims.recordFirstExtraction(
      em,
      articleId,
      revision,
      extracted,
      new Date().toISOString(),
    );
    if (!written) return false;
    const created = written.claims.filter((c) => c.status !== CANDIDATE);
    this.outbox.enqueueOnCommit(em, written.deliveries);
    this.reviewQueue.enqueueAssignmentsOnCommit(em, created);
    this.factCheckQueue.enqueueMatchingOnCommit(
      em,
      created.map((c) => c.id),
    );
    return true;
  }

  /** The worker's extraction threads load their model before the first article comes (a failure here only leaves them cold). */
  async warmUp(): Promise<void> {
    try {
      await this.extractor.warmUp();
    } catch (error) {
      this.logger.warn(
        `Could not warm the extraction threads; the first articles load them: ${(error as Error).message}`,
      );
    }
  }

  async defaultThreshold(): Promise<number> {
    return this.config.get('MIN_CHECKWORTHINESS', { infer: true }) ?? (await this.extractor.modelThreshold());
  }

  private async fail(articleId: string, revision: number, reason: string): Promise<void> {
    await this.articles.failExtraction(articleId, revision, clip(reason, 500));
  }

  /**
   * Writes nothing when another run got here first; after the commit, waiting claims are queued and withdrawn ones free
   * their reviewers. Candidates are written but neither queued, matched nor counted.
   */
  private async writeClaims(
    em: EntityManager,
    articleId: string,
    revision: number,
    body: string,
    extracted: ExtractedClaim[],
  ): Promise<void> {
    if (!(await this.articles.markExtracted(em, articleId, revision))) return;

    const existing = await this.claims.currentOfArticle(em, articleId);
    const plan = planRevision(existing, extracted, body);
    const inserted = await this.claims.insertExtracted(em, articleId, revision, plan.create);
    const created = inserted.filter((c) => c.status !== CANDIDATE);
    await this.claims.dropCandidates(em, plan.drop);
    await this.claims.place(
      em,
      revision,
      plan.keep.map((k) => ({ id: k.id, ...k.claim })),
    );
    if (plan.withdraw.length > 0) {
      const withdrawn = await this.claims.withdraw(em, plan.withdraw);
      await this.claims.appendEvents(
        em,
        withdrawn.map((w) => ({
          claimId: w.id,
          articleId,
          type: 'withdrawn' as const,
          actor: SYSTEM_ACTOR,
          fromStatus: w.from,
          toStatus: 'withdrawn' as const,
          note: `not in revision ${revision}`,
        })),
      );
      for (const w of withdrawn) {
        if (w.assigneeId) this.reviewQueue.offerWorkOnCommit(em, w.assigneeId, 1);
        // A withdrawn verdict no longer stands: its fact-check leaves the desk's archive.
        if (isPublishedVerdict(w.from)) this.factCheckQueue.enqueueVerdictOnCommit(em, w.id, w.version);
      }
      await this.outbox.record(
        em,
        articleId,
        withdrawn.map((w) => ({
          type: 'claim.status_changed' as const,
          data: claimStatusChanged(w, w.from, [], []),
        })),
      );
    }
    const keptIds = new Set(plan.keep.map((k) => k.id));
    const kept = existing.filter((c) => keptIds.has(c.id));
    const claimCount = created.length + kept.filter((c) => c.status !== CANDIDATE).length;
    // A revision that only withdrew claims (or added candidates) can leave every remaining one with a verdict.
    await this.outbox.record(
      em,
      articleId,
      [{ type: 'article.extracted', data: { revision, claims: claimCount } }],
      created.length === 0,
    );

    const keptWaiting = kept.filter((c) => c.status === 'unverified' && !c.assigneeId);
    this.reviewQueue.enqueueAssignmentsOnCommit(em, [...created, ...keptWaiting]);
    // New claims are matched against fact-checks and earlier verdicts.
    this.factCheckQueue.enqueueMatchingOnCommit(
      em,
      created.map((c) => c.id),
    );
  }
}
