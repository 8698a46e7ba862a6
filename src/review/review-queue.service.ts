import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import type { AssignClaimJob, ExpireLeaseJob } from '../queue/job-data';
import { assignClaimJobOptions, expireLeaseJobOptions } from '../queue/job-options';
import { enqueueOrDefer } from '../queue/enqueue';
import { CLAIM_REVIEW_QUEUE, JOB_ASSIGN_CLAIM, JOB_EXPIRE_LEASE } from '../queue/queue-names';

export interface PendingClaim {
  id: string;
  checkworthiness: number;
}

/** How many waiting claims get another assignment try when a reviewer frees up or joins. */
const REQUEUE_BATCH = 200;

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

  /** Capacity appeared (a verdict, a release, a new reviewer): give the most check-worthy waiting claims another try. */
  async requeueWaiting(): Promise<void> {
    const waiting: PendingClaim[] = await this.dataSource.query(
      `SELECT id, checkworthiness FROM claims WHERE status = 'unverified' AND assignee_id IS NULL
       ORDER BY checkworthiness DESC, id LIMIT $1`,
      [REQUEUE_BATCH],
    );
    await this.enqueueAssignments(waiting);
  }
}
