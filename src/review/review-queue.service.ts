import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AssignClaimJob, ExpireLeaseJob } from '../queue/job-data';
import { assignClaimJobOptions, expireLeaseJobOptions } from '../queue/job-options';
import { enqueueOrDefer } from '../queue/enqueue';
import { CLAIM_REVIEW_QUEUE, JOB_ASSIGN_CLAIM, JOB_EXPIRE_LEASE } from '../queue/queue-names';
import { ELIGIBLE, OPEN_CLAIMS } from './eligibility';

export interface PendingClaim {
  id: string;
  checkworthiness: number;
}

/** Produces claim-review jobs; the rows in Postgres say what is pending, the jobs only make it happen sooner. */
@Injectable()
export class ReviewQueueService {
  constructor(
    @InjectQueue(CLAIM_REVIEW_QUEUE) private readonly queue: Queue<AssignClaimJob | ExpireLeaseJob>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  enqueueAssignments(claims: PendingClaim[]): Promise<boolean> {
    if (claims.length === 0) return Promise.resolve(true);
    return enqueueOrDefer(`${claims.length} assignments`, () =>
      this.queue.addBulk(
        claims.map((c) => ({ name: JOB_ASSIGN_CLAIM, data: { claimId: c.id }, opts: assignClaimJobOptions(c.id, c.checkworthiness) })),
      ),
    );
  }

  scheduleLeaseExpiries(leases: { claimId: string; leaseExpiresAt: Date }[]): Promise<boolean> {
    if (leases.length === 0) return Promise.resolve(true);
    return enqueueOrDefer(`${leases.length} lease expiries`, () =>
      this.queue.addBulk(
        leases.map((l) => ({
          name: JOB_EXPIRE_LEASE,
          data: { claimId: l.claimId, leaseExpiresAt: l.leaseExpiresAt.toISOString() },
          opts: expireLeaseJobOptions(l.claimId, l.leaseExpiresAt),
        })),
      ),
    );
  }

  /**
   * A reviewer has room for `slots` more claims (a verdict, a release, joining, more capacity): the most
   * check-worthy waiting claims it may take get another assignment try. Waiting claims have no job until then.
   */
  async offerWorkTo(reviewerId: string, slots: number): Promise<void> {
    if (slots <= 0) return;
    const waiting: PendingClaim[] = await this.dataSource.query(
      `SELECT c.id, c.checkworthiness FROM claims c JOIN articles a ON a.id = c.article_id, reviewers r
       WHERE r.id = $1 AND c.status = 'unverified' AND c.assignee_id IS NULL AND ${ELIGIBLE}
       ORDER BY c.checkworthiness DESC, c.id LIMIT $2`,
      [reviewerId, slots],
    );
    await this.enqueueAssignments(waiting);
  }

  /** Offers work to a reviewer up to its free capacity. */
  async fillCapacityOf(reviewerId: string): Promise<void> {
    const [row] = await this.dataSource.query(`SELECT greatest(r.capacity - ${OPEN_CLAIMS}, 0)::int AS free FROM reviewers r WHERE r.id = $1 AND r.active`, [reviewerId]);
    if (row) await this.offerWorkTo(reviewerId, row.free);
  }
}
