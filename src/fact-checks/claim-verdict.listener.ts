import { Injectable, OnModuleInit } from '@nestjs/common';
import { CLAIM_MOVED, VERDICT_APPROVED } from '../claims/claim-events';
import { CANDIDATE } from '../claims/claim-status';
import { DomainEvents } from '../database/domain-events';
import { isPublishedVerdict } from '../integrations/claim-review';
import { FactCheckQueueService } from './fact-check-queue.service';

/**
 * A verdict given or taken back becomes (or stops being) the desk's own fact-check, and a promoted candidate is matched
 * against fact-checks, once the move commits.
 */
@Injectable()
export class ClaimVerdictListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly factCheckQueue: FactCheckQueueService,
  ) {}

  onModuleInit(): void {
    this.events.on(CLAIM_MOVED, async (em, { claim, from }) => {
      if (isPublishedVerdict(from) || isPublishedVerdict(claim.status))
        this.factCheckQueue.enqueueVerdictOnCommit(em, claim.id, claim.version);
      // A candidate is matched only once it is promoted to a claim.
      if (from === CANDIDATE) this.factCheckQueue.enqueueMatchingOnCommit(em, [claim.id]);
    });
    // A verdict that waited for a second opinion becomes the desk's fact-check once approved.
    this.events.on(VERDICT_APPROVED, async (em, { claim }) => {
      this.factCheckQueue.enqueueVerdictOnCommit(em, claim.id, claim.version);
    });
  }
}
