import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';
import { ExtractionQueueService } from '../extraction/extraction-queue.service';
import { CallbackQueueService, type DueDelivery } from '../integrations/callback-queue.service';
import { extractArticleJobOptions } from '../queue/job-options';
import { ARTICLE_EXTRACTION_QUEUE, CLAIM_REVIEW_QUEUE } from '../queue/queue-names';
import { RedisService } from '../queue/redis.service';
import { AssignmentService } from '../review/assignment.service';
import { ReviewQueueService } from '../review/review-queue.service';

/** Any constant: workers share it so that one reconciles at a time. */
const RECONCILE_LOCK = 7_301_994;
const CHUNK = 5000;
/** A flush is noticed within this long: the marker key is gone. */
const FLUSH_CHECK_MS = 2000;

export interface ReconcileReport {
  articles: number;
  claims: number;
  leases: number;
  callbacks: number;
  expired: number;
  ms: number;
}

/**
 * Rebuilds the work list from Postgres: on start, on every Redis reconnect, when the marker key vanishes
 * (a flush), and on a timer. jobIds are deterministic, so running it twice enqueues nothing twice.
 */
@Injectable()
export class QueueReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueReconcilerService.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private running: Promise<ReconcileReport | null> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redis: RedisService,
    private readonly extractionQueue: ExtractionQueueService,
    private readonly reviewQueue: ReviewQueueService,
    private readonly assignments: AssignmentService,
    private readonly callbackQueue: CallbackQueueService,
    private readonly config: ConfigService<Environment, true>,
    @InjectQueue(ARTICLE_EXTRACTION_QUEUE) private readonly extractionJobs: Queue,
    @InjectQueue(CLAIM_REVIEW_QUEUE) private readonly reviewJobs: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcileSafely('start');
    this.redis.client.on('ready', () => void this.reconcileSafely('redis reconnected'));
    this.timers.push(setInterval(() => void this.reconcileSafely('timer'), this.config.get('RECONCILE_INTERVAL_MS', { infer: true })));
    this.timers.push(setInterval(() => void this.reconcileIfFlushed(), FLUSH_CHECK_MS));
  }

  onApplicationShutdown(): void {
    this.timers.forEach(clearInterval);
  }

  /** Runs one pass, unless one is already running here or in another worker. */
  reconcile(): Promise<ReconcileReport | null> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async reconcileSafely(reason: string): Promise<void> {
    try {
      const report = await this.reconcile();
      if (report && report.articles + report.claims + report.expired > 0) this.logger.log({ reason, ...report }, 'reconciled queues from Postgres');
    } catch (error) {
      this.logger.warn(`Reconcile (${reason}) failed; the next one retries: ${(error as Error).message}`);
    }
  }

  private async reconcileIfFlushed(): Promise<void> {
    try {
      if (this.redis.client.status === 'ready' && !(await this.redis.client.exists(this.markerKey()))) await this.reconcileSafely('queue data missing');
    } catch {
      // Redis is away; the reconnect handler reconciles when it is back.
    }
  }

  private async pass(): Promise<ReconcileReport | null> {
    const started = Date.now();
    const report = await this.dataSource.transaction(async (em) => {
      const [{ locked }] = await em.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [RECONCILE_LOCK]);
      if (!locked) return null;
      const expired = await this.assignments.expireLeases();

      const articles: { id: string; revision: number }[] = await em.query(
        `SELECT id, revision FROM articles WHERE extracted_revision < revision AND status <> 'failed' ORDER BY created_at`,
      );
      await this.enqueueInChunks(articles, (chunk) => this.extractionQueue.enqueueMany(chunk));
      await this.retryFailed(this.extractionJobs, articles.map((a) => extractArticleJobOptions(a.id, a.revision).jobId!));

      const waiting = await this.reviewQueue.waitingWithinReach(em, null, null);
      await this.enqueueInChunks(waiting, (chunk) => this.reviewQueue.enqueueAssignments(chunk));
      await this.retryFailed(this.reviewJobs, waiting.map((c) => c.id));

      const leases: { claimId: string; leaseExpiresAt: Date }[] = await em.query(
        `SELECT id AS "claimId", lease_expires_at AS "leaseExpiresAt" FROM claims WHERE assignee_id IS NOT NULL`,
      );
      await this.enqueueInChunks(leases, (chunk) => this.reviewQueue.scheduleLeaseExpiries(chunk));

      // Each job waits for its delivery's due time, so retries scheduled hours ahead survive a flush.
      const callbacks: DueDelivery[] = await em.query(
        `SELECT id, next_attempt_at AS "nextAttemptAt" FROM callback_deliveries WHERE status = 'pending' ORDER BY next_attempt_at`,
      );
      await this.enqueueInChunks(callbacks, (chunk) => this.callbackQueue.enqueue(chunk));

      return { articles: articles.length, claims: waiting.length, leases: leases.length, callbacks: callbacks.length, expired, ms: 0 };
    });
    if (!report) return null;
    await this.redis.client.set(this.markerKey(), new Date().toISOString());
    return { ...report, ms: Date.now() - started };
  }

  /**
   * A job that used up its attempts (say, through a long Postgres outage) keeps its id in the failed set, where
   * re-adding it does nothing: if Postgres still says the work is pending, it is retried.
   */
  private async retryFailed(queue: Queue, pendingJobIds: string[]): Promise<void> {
    if (pendingJobIds.length === 0) return;
    const pending = new Set(pendingJobIds);
    const failed = await queue.getFailed();
    await Promise.all(failed.filter((job) => job.id && pending.has(job.id)).map((job) => job.retry('failed')));
  }

  /** A pass that could not reach Redis must not set the marker: it throws, and the next trigger retries. */
  private async enqueueInChunks<T>(items: T[], enqueue: (chunk: T[]) => Promise<boolean>): Promise<void> {
    for (let i = 0; i < items.length; i += CHUNK) {
      if (!(await enqueue(items.slice(i, i + CHUNK)))) throw new Error('Redis did not take the jobs');
    }
  }

  private markerKey(): string {
    return `${this.config.get('QUEUE_PREFIX', { infer: true })}:reconciled`;
  }
}
