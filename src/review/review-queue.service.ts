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
import { AssignmentRepository } from './assignment.repository';

/** Produces claim-review jobs; the rows in Postgres say what is pending, the jobs only make it happen sooner. */
@Injectable()
export class ReviewQueueService {
  private readonly logger = new Logger(ReviewQueueService.name);

  constructor(
    @InjectQueue(CLAIM_REVIEW_QUEUE) private readonly queue: Queue<AssignClaimJob | ExpireLeaseJob>,
    private readonly assignments: AssignmentRepository,
  ) {}

  enqueueAssignments(claims: PendingClaim[]): Promise<boolean> {
    return enqueueInBatches('assignments', claims, (batch) =>
      this.queue.addBulk(batch.map((c) => ({ name: JOB_ASSIGN_CLAIM, data: { claimId: c.id }, opts: assignClaimJobOptions(c.id, c.checkworthiness) }))),
    );
  }

  /** Claims that wait for a reviewer once `em`'s transaction commits. */
  enqueueAssignmentsOnCommit(em: EntityManager, claims: PendingClaim[]): void {
    if (claims.length > 0) afterCommit(em, () => this.enqueueAssignments(claims));
  }

  scheduleLeaseExpiriesOnCommit(em: EntityManager, leases: { claimId: string; leaseExpiresAt: Date }[]): void {
    if (leases.length > 0) afterCommit(em, () => this.scheduleLeaseExpiries(leases));
  }

  /** A reviewer whose capacity `em`'s transaction frees (or grows) is offered work once it commits. */
  offerWorkOnCommit(em: EntityManager, reviewerId: string, slots: number | null): void {
    afterCommit(em, () => this.offerWorkTo(reviewerId, slots));
  }

  scheduleLeaseExpiries(leases: { claimId: string; leaseExpiresAt: Date }[]): Promise<boolean> {
    return enqueueInBatches('lease expiries', leases, (batch) =>
      this.queue.addBulk(batch.map((l) => ({ name: JOB_EXPIRE_LEASE, data: { claimId: l.claimId }, opts: expireLeaseJobOptions(l.claimId, l.leaseExpiresAt) }))),
    );
  }

  /**
   * A reviewer has room for `slots` more claims (a verdict, a release, joining, more capacity): the most
   * check-worthy waiting claims it may take get another assignment try. Waiting claims have no job until then.
   */
  private async offerWorkTo(reviewerId: string, slots: number | null): Promise<void> {
    if (slots !== null && slots <= 0) return;
    try {
      await this.enqueueAssignments(await this.waitingWithinReach(reviewerId, slots));
    } catch (error) {
      // Called after a change has committed: its answer must not turn into an error; the reconciler offers the work.
      this.logger.warn(`Could not offer work to reviewer ${reviewerId}; the reconciler will: ${(error as Error).message}`);
    }
  }

  /**
   * Waiting claims that active reviewers (one, or all) could take now: the most check-worthy ones some such reviewer
   * may take, as many as their free capacity (and `slots`). What lies beyond every reviewer's reach waits in Postgres.
   */
  waitingWithinReach(reviewerId: string | null, slots: number | null): Promise<PendingClaim[]> {
    return this.assignments.waitingWithinReach(reviewerId, slots);
  }
}
