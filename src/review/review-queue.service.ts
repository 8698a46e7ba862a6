import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { PendingClaim } from '../claims/claims.repository';
import type { Environment } from '../config/environment';
import { afterCommit } from '../database/unit-of-work';
import type { AssignClaimJob, ExpireLeaseJob } from '../queue/job-data';
import { assignClaimJobOptions, expireLeaseJobOptions } from '../queue/job-options';
import { enqueueInBatches } from '../queue/enqueue';
import { CLAIM_REVIEW_QUEUE, JOB_ASSIGN_CLAIM, JOB_EXPIRE_LEASE } from '../queue/queue-names';
import { Coalescer } from '../queue/coalescer';
import { AssignmentRepository, type Offer } from './assignment.repository';

/** Produces claim-review jobs; the rows in Postgres say what is pending, the jobs only make it happen sooner. */
@Injectable()
export class ReviewQueueService {
  private readonly logger = new Logger(ReviewQueueService.name);
  /** Concurrent pulls' lease expiries (those due soon) go to Redis in one write (each keeps its per-claim job id). */
  private readonly leaseExpiries = new Coalescer((leases: { claimId: string; leaseExpiresAt: Date }[]) =>
    this.scheduleLeaseExpiries(leases),
  );
  /** Reviewers freed by concurrent verdicts are offered work with one read and one queue write between them. */
  private readonly offers = new Coalescer((offers: Offer[]) =>
    this.queueWaiting(
      () => this.assignments.waitingWithinReachOf(offers),
      `${offers.length} reviewer(s), ${offers[0].reviewerId}…`,
    ),
  );

  constructor(
    @InjectQueue(CLAIM_REVIEW_QUEUE) private readonly queue: Queue<AssignClaimJob | ExpireLeaseJob>,
    private readonly assignments: AssignmentRepository,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  enqueueAssignments(claims: PendingClaim[]): Promise<boolean> {
    return enqueueInBatches('assignments', claims, (batch) =>
      this.queue.addBulk(
        batch.map((c) => ({
          name: JOB_ASSIGN_CLAIM,
          data: { claimId: c.id },
          opts: assignClaimJobOptions(c.id, c.checkworthiness, c.dueAt),
        })),
      ),
    );
  }

  /**
   * Claims that wait for a reviewer once `em`'s transaction commits: those some reviewer could take now get a job;
   * the rest wait in Postgres until capacity appears (which offers them work), as the reconciler has them wait.
   */
  enqueueAssignmentsOnCommit(em: EntityManager, claims: PendingClaim[]): void {
    if (claims.length > 0)
      afterCommit(em, () =>
        this.queueWaiting(() => this.waitingWithinReach(claims.map((c) => c.id)), `claims ${claims[0].id}…`),
      );
  }

  /** The jobs of these leases once `em`'s transaction commits, for those ending within `leaseJobHorizonMs`. */
  scheduleLeaseExpiriesOnCommit(em: EntityManager, leases: { claimId: string; leaseExpiresAt: Date }[]): void {
    const due = leases.filter((lease) => this.dueWithinHorizon(lease));
    if (due.length > 0) afterCommit(em, () => this.scheduleLeaseExpiries(due));
  }

  /** A reviewer whose capacity `em`'s transaction frees (or grows) is offered work once it commits. */
  offerWorkOnCommit(em: EntityManager, reviewerId: string, slots: number | null): void {
    if (slots === null || slots > 0) afterCommit(em, () => this.offerWork(reviewerId, slots));
  }

  /** A reviewer with room (`slots` more claims, null: all its free capacity) is offered waiting claims now. */
  offerWork(reviewerId: string, slots: number | null): Promise<void> {
    return this.offers.add({ reviewerId, slots });
  }

  /**
   * How far ahead a lease's expiry job is written. Every reconciler pass writes the jobs of the leases ending within
   * two passes, so a longer lease (a day by default) gets its job from a pass well before it falls due, and taking a
   * claim writes nothing to Redis for it.
   */
  leaseJobHorizonMs(): number {
    return 2 * this.config.get('RECONCILE_INTERVAL_MS', { infer: true });
  }

  /** A taken claim's lease-expiry job, if its lease ends within `leaseJobHorizonMs` (a later pass writes the rest). */
  scheduleLeaseExpiry(lease: { claimId: string; leaseExpiresAt: Date }): Promise<boolean> {
    return this.dueWithinHorizon(lease) ? this.leaseExpiries.add(lease) : Promise.resolve(true);
  }

  /** The jobs that end these leases, every one (the reconciler has chosen them by Postgres's clock). */
  scheduleLeaseExpiries(leases: { claimId: string; leaseExpiresAt: Date }[]): Promise<boolean> {
    return enqueueInBatches('lease expiries', leases, (batch) =>
      this.queue.addBulk(
        batch.map((l) => ({
          name: JOB_EXPIRE_LEASE,
          data: { claimId: l.claimId },
          opts: expireLeaseJobOptions(l.claimId, l.leaseExpiresAt),
        })),
      ),
    );
  }

  /** By this process's clock: a clock behind Postgres's makes a job late by at most a pass, never lost. */
  private dueWithinHorizon(lease: { leaseExpiresAt: Date }): boolean {
    return lease.leaseExpiresAt.getTime() <= Date.now() + this.leaseJobHorizonMs();
  }

  /**
   * The most check-worthy waiting claims that reviewers with room (a verdict, a release, joining, more capacity), or
   * any reviewer for claims back in the pool, could take now get an assignment try: `waiting` reads which. Waiting
   * claims beyond every reviewer's reach have no job until then.
   */
  private async queueWaiting(waiting: () => Promise<PendingClaim[]>, what: string): Promise<void> {
    try {
      await this.enqueueAssignments(await waiting());
    } catch (error) {
      // Called after a change has committed: its answer must not turn into an error; the reconciler offers the work.
      this.logger.warn(`Could not offer work for ${what}; the reconciler will: ${(error as Error).message}`);
    }
  }

  /**
   * Waiting claims (of `among`, else any) that active reviewers could take now: the most check-worthy ones some such
   * reviewer may take, as many as their free capacity. What lies beyond every reviewer's reach waits in Postgres.
   */
  waitingWithinReach(among: string[] | null = null): Promise<PendingClaim[]> {
    return this.assignments.waitingWithinReach(among);
  }
}
