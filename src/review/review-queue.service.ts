import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { afterCommit } from '../database/unit-of-work';
import type { AssignClaimJob, ExpireLeaseJob } from '../queue/job-data';
import { assignClaimJobOptions, expireLeaseJobOptions } from '../queue/job-options';
import { enqueueInBatches } from '../queue/enqueue';
import { CLAIM_REVIEW_QUEUE, JOB_ASSIGN_CLAIM, JOB_EXPIRE_LEASE } from '../queue/queue-names';
import { mayTake, openClaimsOf } from './eligibility';

export interface PendingClaim {
  id: string;
  checkworthiness: number;
}

/** Produces claim-review jobs; the rows in Postgres say what is pending, the jobs only make it happen sooner. */
@Injectable()
export class ReviewQueueService {
  private readonly logger = new Logger(ReviewQueueService.name);

  constructor(
    @InjectQueue(CLAIM_REVIEW_QUEUE) private readonly queue: Queue<AssignClaimJob | ExpireLeaseJob>,
    @InjectDataSource() private readonly dataSource: DataSource,
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
      await this.enqueueAssignments(await this.waitingWithinReach(this.dataSource.manager, reviewerId, slots));
    } catch (error) {
      // Called after a change has committed: its answer must not turn into an error; the reconciler offers the work.
      this.logger.warn(`Could not offer work to reviewer ${reviewerId}; the reconciler will: ${(error as Error).message}`);
    }
  }

  /**
   * Waiting claims that active reviewers (one, or all) could take now: the most check-worthy ones some such reviewer
   * may take, as many as their free capacity (and `slots`). What lies beyond every reviewer's reach waits in Postgres.
   */
  waitingWithinReach(em: EntityManager, reviewerId: string | null, slots: number | null): Promise<PendingClaim[]> {
    return em.query(
      `WITH r AS (
         SELECT r.*, greatest(r.capacity - ${openClaimsOf('r')}, 0) AS free FROM reviewers r
         WHERE r.active AND ($1::uuid IS NULL OR r.id = $1::uuid)
       )
       SELECT c.id, c.checkworthiness FROM claims c JOIN articles a ON a.id = c.article_id
       WHERE c.status = 'unverified' AND c.assignee_id IS NULL
         AND EXISTS (SELECT 1 FROM r WHERE r.free > 0 AND ${mayTake({ reviewer: 'r', claim: 'c', article: 'a' })})
       ORDER BY c.checkworthiness DESC, c.id
       LIMIT least((SELECT coalesce(sum(free), 0) FROM r), coalesce($2::int, 2147483647))`,
      [reviewerId, slots],
    );
  }
}
