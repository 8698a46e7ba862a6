import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { ConfigService } from '@nestjs/config';
import { Job, type Queue } from 'bullmq';
import { ArticlesRepository } from '../articles/articles.repository';
import { ClaimDueDatesService } from '../claims/claim-due-dates.service';
import { ClaimsRepository } from '../claims/claims.repository';
import type { Environment } from '../config/environment';
import { ExtractionQueueService } from '../extraction/extraction-queue.service';
import { FactCheckQueueService } from '../fact-checks/fact-check-queue.service';
import { FactChecksRepository } from '../fact-checks/fact-checks.repository';
import { CallbackQueueService } from '../integrations/callback-queue.service';
import { extractArticleJobOptions, publishVerdictJobOptions, rematchImportJobOptions } from '../queue/job-options';
import { reconciledMarkerKey } from '../queue/queue-keys';
import { ARTICLE_EXTRACTION_QUEUE, CLAIM_MATCHING_QUEUE } from '../queue/queue-names';
import { RedisService } from '../queue/redis.service';
import { AssignmentService } from '../review/assignment.service';
import { ReviewQueueService } from '../review/review-queue.service';
import { ReconciliationRepository } from './reconciliation.repository';

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
  rematches: number;
  verdicts: number;
  dueSoon: number;
  ms: number;
}

/**
 * Rebuilds the work list from Postgres: on start, on every Redis reconnect, when the marker key vanishes
 * (a flush), and on a timer. Jobs are named (assignment tries: deduplicated) by what they work on, so a second pass
 * adds nothing beside what is queued; at most a claim whose try is running is tried once more after it.
 */
@Injectable()
export class QueueReconcilerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueReconcilerService.name);
  private readonly timers: NodeJS.Timeout[] = [];
  private running: Promise<ReconcileReport | null> | null = null;

  constructor(
    private readonly repository: ReconciliationRepository,
    private readonly articles: ArticlesRepository,
    private readonly claims: ClaimsRepository,
    private readonly dueDates: ClaimDueDatesService,
    private readonly redis: RedisService,
    private readonly extractionQueue: ExtractionQueueService,
    private readonly reviewQueue: ReviewQueueService,
    private readonly assignments: AssignmentService,
    private readonly callbackQueue: CallbackQueueService,
    private readonly factCheckQueue: FactCheckQueueService,
    private readonly factChecks: FactChecksRepository,
    private readonly config: ConfigService<Environment, true>,
    @InjectQueue(ARTICLE_EXTRACTION_QUEUE) private readonly extractionJobs: Queue,
    @InjectQueue(CLAIM_MATCHING_QUEUE) private readonly matchingJobs: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcileSafely('start');
    this.redis.client.on('ready', () => void this.reconcileSafely('redis reconnected'));
    this.timers.push(
      setInterval(() => void this.reconcileSafely('timer'), this.config.get('RECONCILE_INTERVAL_MS', { infer: true })),
    );
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
      if (report && report.articles + report.claims + report.expired > 0)
        this.logger.log({ reason, ...report }, 'reconciled queues from Postgres');
    } catch (error) {
      this.logger.warn(`Reconcile (${reason}) failed; the next one retries: ${(error as Error).message}`);
    }
  }

  private async reconcileIfFlushed(): Promise<void> {
    try {
      if (this.redis.client.status === 'ready' && !(await this.redis.client.exists(this.markerKey())))
        await this.reconcileSafely('queue data missing');
    } catch {
      // Redis is away; the reconnect handler reconciles when it is back.
    }
  }

  /** Every read is one short statement, a chunk by key; no transaction stays open across the pass. */
  private async pass(): Promise<ReconcileReport | null> {
    const started = Date.now();
    return this.repository.whileHoldingLock(async () => {
      const report = await this.rebuild();
      await this.redis.client.set(this.markerKey(), new Date().toISOString());
      return { ...report, ms: Date.now() - started };
    });
  }

  private async rebuild(): Promise<Omit<ReconcileReport, 'ms'>> {
    const expired = await this.assignments.expireLeases();

    const extractionJobIds: string[] = [];
    const articles = await this.inChunks(
      (after) => this.articles.awaitingExtraction(after, CHUNK),
      (article) => article.key,
      async (chunk) => {
        extractionJobIds.push(...chunk.map((a) => extractArticleJobOptions(a.id, a.revision).jobId!));
        return this.extractionQueue.enqueueMany(chunk);
      },
    );
    await this.retryFailed(this.extractionJobs, extractionJobIds);

    // Bounded by the reviewers' free capacity, not by the backlog; a claim whose try failed for good is among them.
    const waiting = await this.reviewQueue.waitingWithinReach();
    await this.enqueueInChunks(waiting, (chunk) => this.reviewQueue.enqueueAssignments(chunk));

    // Leases due within two passes: a later lease gets its job from a later pass, well before it falls due.
    const horizonMs = 2 * this.config.get('RECONCILE_INTERVAL_MS', { infer: true });
    const leases = await this.inChunks(
      (after) => this.claims.leasesDueWithin(horizonMs, after, CHUNK),
      (lease) => lease.claimId,
      (chunk) => this.reviewQueue.scheduleLeaseExpiries(chunk),
    );

    // Each job waits for its delivery's due time, so retries scheduled hours ahead survive a flush.
    const callbacks = await this.inChunks(
      (after) => this.repository.pendingDeliveries(after, CHUNK),
      (delivery) => delivery.id,
      (chunk) => this.callbackQueue.enqueue(chunk),
    );

    // Matching lost with Redis: claims never matched, once their own job has had two passes' time to run.
    const matching = await this.inChunks(
      (after) => this.claims.unmatchedOlderThan(horizonMs, after, CHUNK),
      (claim) => claim.id,
      (chunk) => this.factCheckQueue.enqueueRematching(chunk.map((c) => c.id)),
    );

    // Imports whose re-match of the open claims Redis lost, or whose job used up its attempts.
    const rematchJobIds: string[] = [];
    const rematches = await this.inChunks(
      (after) => this.factChecks.importsAwaitingRematch(horizonMs, after, CHUNK),
      (row) => row.id,
      (chunk) => {
        rematchJobIds.push(...chunk.map((row) => rematchImportJobOptions(row.id).jobId!));
        return this.factCheckQueue.enqueueImportRematches(chunk.map((row) => row.id));
      },
    );
    await this.retryFailed(this.matchingJobs, rematchJobIds);

    // Verdicts the desk's archive does not reflect yet: their publication (or removal) was lost with Redis, used up its
    // attempts, or was never queued (a revision's withdrawal). A job still queued under the same id is left as it is.
    const verdictJobIds: string[] = [];
    const verdicts = await this.inChunks(
      (after) => this.claims.archivePending(after, CHUNK),
      (claim) => claim.id,
      (chunk) => {
        verdictJobIds.push(...chunk.map((c) => publishVerdictJobOptions(c.id, c.version).jobId!));
        return this.factCheckQueue.enqueueVerdicts(chunk.map((c) => ({ claimId: c.id, version: c.version })));
      },
    );
    await this.retryFailed(this.matchingJobs, verdictJobIds);

    // Due-soon notices: each claim's is marked in Postgres as it is announced, so a pass never repeats one.
    const dueSoon = await this.dueDates.announceDueSoon();

    return { articles, claims: waiting.length, leases, callbacks, expired, matching, rematches, verdicts, dueSoon };
  }

  /** Reads by keyset, a chunk at a time, handing each to Redis before the next read; returns how many there were. */
  private async inChunks<T>(
    read: (after: string | null) => Promise<T[]>,
    keyOf: (row: T) => string,
    enqueue: (chunk: T[]) => Promise<boolean>,
  ): Promise<number> {
    let count = 0;
    for (let after: string | null = null; ;) {
      const chunk = await read(after);
      if (chunk.length > 0) await this.enqueueInChunks(chunk, enqueue);
      count += chunk.length;
      if (chunk.length < CHUNK) return count;
      after = keyOf(chunk[chunk.length - 1]);
    }
  }

  /**
   * A job that used up its attempts (say, through a long Postgres outage) keeps its id in the failed set, where
   * re-adding it does nothing: if Postgres still says the work is pending, it is retried. Only the pending ids are
   * looked up in the failed set (a chunk per round trip), never the whole set, which keeps up to 10,000 jobs a queue.
   */
  private async retryFailed(queue: Queue, pendingJobIds: string[]): Promise<void> {
    for (let i = 0; i < pendingJobIds.length; i += CHUNK) {
      const chunk = pendingJobIds.slice(i, i + CHUNK);
      const scores = await this.redis.client.zmscore(queue.keys.failed, ...chunk);
      const failed = chunk.filter((_, k) => scores[k] !== null);
      const jobs = await Promise.all(failed.map((id) => Job.fromId(queue, id)));
      await Promise.all(jobs.flatMap((job) => (job ? [job.retry('failed')] : [])));
    }
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
