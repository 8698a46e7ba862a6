import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ClaimEntity } from '../claims/claim.entity';
import { CLAIM_MOVED, VERDICT_APPROVED } from '../claims/claim-events';
import { CANDIDATE } from '../claims/claim-status';
import { ClaimsRepository } from '../claims/claims.repository';
import { publicSlugFor } from '../claims/public-page';
import { DomainEvents } from '../database/domain-events';
import { isPublishedVerdict } from '../integrations/claim-review';
import { FactCheckQueueService } from './fact-check-queue.service';

/**
 * A verdict given or taken back becomes (or stops being) the desk's own fact-check and public page, and a promoted candidate is
 * matched against fact-checks, once the move commits.
 */
@Injectable()
export class ClaimVerdictListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly factCheckQueue: FactCheckQueueService,
    private readonly claims: ClaimsRepository,
  ) {}

  onModuleInit(): void {
    this.events.on(CLAIM_MOVED, async (em, { claim, from }) => {
      // A published verdict has a public page from the moment it commits (or is approved); the move's answer names it.
      if (isPublishedVerdict(claim.status) && claim.approval !== 'pending') await this.publish(em, claim);
      if (isPublishedVerdict(from) || isPublishedVerdict(claim.status))
        this.factCheckQueue.enqueueVerdictOnCommit(em, claim.id, claim.version);
      // A candidate is matched only once it is promoted to a claim.
      if (from === CANDIDATE) this.factCheckQueue.enqueueMatchingOnCommit(em, [claim.id]);
    });
    // A verdict that waited for a second opinion becomes the desk's fact-check once approved.
    this.events.on(VERDICT_APPROVED, async (em, { claim }) => {
      await this.publish(em, claim);
      this.factCheckQueue.enqueueVerdictOnCommit(em, claim.id, claim.version);
    });
  }

  private async publish(em: EntityManager, claim: ClaimEntity): Promise<void> {
    Object.assign(claim, await this.claims.markPublished(em, claim.id, publicSlugFor(claim)));
  }
}
