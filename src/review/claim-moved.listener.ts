import { Injectable, OnModuleInit } from '@nestjs/common';
import { CLAIM_MOVED } from '../claims/claim-events';
import { DomainEvents } from '../database/domain-events';
import { AssignmentService } from './assignment.service';
import { ReviewQueueService } from './review-queue.service';

/**
 * After a move commits: the reviewer a verdict freed is offered work, and a reopened claim goes back to the queue; a
 * verdict undone hands its reviewer the claim back within their capacity.
 */
@Injectable()
export class ClaimMovedListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly reviewQueue: ReviewQueueService,
    private readonly assignments: AssignmentService,
  ) {}

  onModuleInit(): void {
    this.events.on(CLAIM_MOVED, async (em, { claim, freedReviewerId }) => {
      if (freedReviewerId) this.reviewQueue.offerWorkOnCommit(em, freedReviewerId, 1);
      if (claim.status === 'unverified') this.reviewQueue.enqueueAssignmentsOnCommit(em, [claim]);
      if (claim.status === 'unverified' && claim.assigneeId)
        await this.assignments.keepWithinCapacity(em, claim.assigneeId, claim.id);
    });
  }
}
