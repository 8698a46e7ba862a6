import { Injectable, OnModuleInit } from '@nestjs/common';
import { CLAIM_MOVED } from '../claims/claim-events';
import { DomainEvents } from '../database/domain-events';
import { ReviewQueueService } from './review-queue.service';

/** After a move commits: the reviewer a verdict freed is offered work, and a reopened claim goes back to the queue. */
@Injectable()
export class ClaimMovedListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly reviewQueue: ReviewQueueService,
  ) {}

  onModuleInit(): void {
    this.events.on(CLAIM_MOVED, async (em, { claim, freedReviewerId }) => {
      if (freedReviewerId) this.reviewQueue.offerWorkOnCommit(em, freedReviewerId, 1);
      if (claim.status === 'unverified') this.reviewQueue.enqueueAssignmentsOnCommit(em, [claim]);
    });
  }
}
