import { Injectable, OnModuleInit } from '@nestjs/common';
import { CLAIM_MOVED } from '../claims/claim-events';
import { DomainEvents } from '../database/domain-events';
import { isPublishedVerdict } from '../integrations/claim-review';
import { FactCheckQueueService } from './fact-check-queue.service';

/** A verdict given or taken back becomes (or stops being) the desk's own fact-check, once the move commits. */
@Injectable()
export class ClaimVerdictListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly factCheckQueue: FactCheckQueueService,
  ) {}

  onModuleInit(): void {
    this.events.on(CLAIM_MOVED, async (em, { claim, from }) => {
      if (isPublishedVerdict(from) || isPublishedVerdict(claim.status)) this.factCheckQueue.enqueueVerdictOnCommit(em, claim.id, claim.version);
    });
  }
}
