import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment';
import { ExtractionQueueService } from '../extraction/extraction-queue.service';
import { FactCheckQueueService } from '../fact-checks/fact-check-queue.service';
import { CallbackQueueService, type DueDelivery } from '../integrations/callback-queue.service';
import { extractArticleJobOptions } from '../queue/job-options';
import { reconciledMarkerKey } from '../queue/queue-keys';
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
  matching: number;
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
    private readonly factCheckQueue: FactCheckQueueService,
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

  /**
   * Holds only a session-level advisory lock, on a connection of its own, while it writes to Redis: no transaction
   * stays open across the pass (that would hold back vacuum). Every read is one short statement, a chunk by key.
   */
  private async pass(): Promise<ReconcileReport | null> {
    const started = Date.now();
    const lock = this.dataSource.createQueryRunner();
    try {
      const [{ locked }] = await lock.query(`SELECT pg_try_advisory_lock($1) AS locked`, [RECONCILE_LOCK]);
      if (!locked) return null;
      try {
        const report = await this.rebuild();
        await this.redis.client.set(this.markerKey(), new Date().toISOString());
        return { ...report, ms: Date.now() - started };
      } finally {
        await lock.query(`SELECT pg_advisory_unlock($1)`, [RECONCILE_LOCK]);
      }
    } finally {
      await lock.release();
    }
  }

  private async rebuild(): Promise<Omit<ReconcileReport, 'ms'>> {
    const expired = await this.assignments.expireLeases();

    const extractionJobIds: string[] = [];
    const articles = await this.inChunks<{ id: string; revision: number; key: string }>(
      (after) => this.dataSource.query(
        `SELECT id, revision, created_at::text || '|' || id AS key FROM articles
         WHERE extracted_revision < revision AND status <> 'failed' AND ($1::text IS NULL OR (created_at, id) > (split_part($1, '|', 1)::timestamptz, split_part($1, '|', 2)::uuid))
         ORDER BY created_at, id LIMIT ${CHUNK}`,
        [after],
      ),
      async (chunk) => {
        extractionJobIds.push(...chunk.map((a) => extractArticleJobOptions(a.id, a.revision).jobId!));
        return this.extractionQueue.enqueueMany(chunk);
      },
    );
    await this.retryFailed(this.extractionJobs, extractionJobIds);

    // Bounded by the reviewers' free capacity, not by the backlog.
    const waiting = await this.reviewQueue.waitingWithinReach(this.dataSource.manager, null, null);
    await this.enqueueInChunks(waiting, (chunk) => this.reviewQueue.enqueueAssignments(chunk));
    await this.retryFailed(this.reviewJobs, waiting.map((c) => c.id));

    // Leases due within two passes: a later lease gets its job from a later pass, well before it falls due.
    const horizonMs = 2 * this.config.get('RECONCILE_INTERVAL_MS', { infer: true });
    const leases = await this.inChunks<{ claimId: string; leaseExpiresAt: Date; key: string }>(
      (after) => this.dataSource.query(
        `SELECT id AS "claimId", lease_expires_at AS "leaseExpiresAt", id::text AS key FROM claims
         WHERE assignee_id IS NOT NULL AND lease_expires_at <= now() + make_interval(secs => $2::int / 1000.0) AND ($1::uuid IS NULL OR id > $1::uuid)
         ORDER BY id LIMIT ${CHUNK}`,
        [after, horizonMs],
      ),
      (chunk) => this.reviewQueue.scheduleLeaseExpiries(chunk),
    );

    // Each job waits for its delivery's due time, so retries scheduled hours ahead survive a flush.
    const callbacks = await this.inChunks<DueDelivery & { key: string }>(
      (after) => this.dataSource.query(
        `SELECT id, next_attempt_at AS "nextAttemptAt", id::text AS key FROM callback_deliveries
         WHERE status = 'pending' AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT ${CHUNK}`,
        [after],
      ),
      (chunk) => this.callbackQueue.enqueue(chunk),
    );

    // Matching lost with Redis: claims never matched, once their own job has had two passes' time to run.
    const matching = await this.inChunks<{ id: string; key: string }>(
      (after) => this.dataSource.query(
        `SELECT id, id::text AS key FROM claims
         WHERE matched_at IS NULL AND created_at < now() - make_interval(secs => $2::int / 1000.0) AND ($1::uuid IS NULL OR id > $1::uuid)
         ORDER BY id LIMIT ${CHUNK}`,
        [after, horizonMs],
      ),
      (chunk) => this.factCheckQueue.enqueueMatching(chunk.map((c) => c.id)),
    );

    return { articles, claims: waiting.length, leases, callbacks, expired, matching };
  }

  /** Reads by keyset, a chunk at a time, handing each to Redis before the next read; returns how many there were. */
  private async inChunks<T extends { key: string }>(read: (after: string | null) => Promise<T[]>, enqueue: (chunk: T[]) => Promise<boolean>): Promise<number> {
    let count = 0;
    for (let after: string | null = null; ; ) {
      const chunk = await read(after);
      if (chunk.length > 0) await this.enqueueInChunks(chunk, enqueue);
      count += chunk.length;
      if (chunk.length < CHUNK) return count;
      after = chunk[chunk.length - 1].key;
    }
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
    return reconciledMarkerKey(this.config.get('QUEUE_PREFIX', { infer: true }));
  }
}
