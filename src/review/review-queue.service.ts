import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import type { PendingClaim } from '../claims/claims.repository';
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
  /** Concurrent pulls' lease expiries go to Redis in one write (each keeps its per-claim job id). */
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

  scheduleLeaseExpiriesOnCommit(em: EntityManager, leases: { claimId: string; leaseExpiresAt: Date }[]): void {
    if (leases.length > 0) afterCommit(em, () => this.scheduleLeaseExpiries(leases));
  }

  /** A reviewer whose capacity `em`'s transaction frees (or grows) is offered work once it commits. */
  offerWorkOnCommit(em: EntityManager, reviewerId: string, slots: number | null): void {
    if (slots === null || slots > 0) afterCommit(em, () => this.offerWork(reviewerId, slots));
  }

  /** A reviewer with room (`slots` more claims, null: all its free capacity) is offered waiting claims now. */
  offerWork(reviewerId: string, slots: number | null): Promise<void> {
    return this.offers.add({ reviewerId, slots });
  }

  scheduleLeaseExpiry(lease: { claimId: string; leaseExpiresAt: Date }): Promise<boolean> {
    return this.leaseExpiries.add(lease);
  }

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
