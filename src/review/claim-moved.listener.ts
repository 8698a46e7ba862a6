import { Injectable, OnModuleInit } from '@nestjs/common';
import { CLAIM_MOVED } from '../claims/claim-events';
import { DomainEvents } from '../database/domain-events';
import { ReviewQueueService } from './review-queue.service';

/**
 * After a move commits: the reviewer a verdict freed is offered work, a reopened claim goes back to the queue, and a
 * claim an undo left with its reviewer gets the job that ends its lease.
 */
@Injectable()
export class ClaimMovedListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly reviewQueue: ReviewQueueService,
  ) {}

  onModuleInit(): void {
    this.events.on(CLAIM_MOVED, async (em, { claim, freedReviewerId }) => {
      if (freedReviewerId) this.reviewQueue.offerWorkOnCommit(em, freedReviewerId, 1);
      if (claim.status !== 'unverified') return;
      if (claim.assigneeId && claim.leaseExpiresAt)
        this.reviewQueue.scheduleLeaseExpiriesOnCommit(em, [
          { claimId: claim.id, leaseExpiresAt: claim.leaseExpiresAt },
        ]);
      else this.reviewQueue.enqueueAssignmentsOnCommit(em, [claim]);
    });
  }
}
