import { Injectable, OnModuleInit } from '@nestjs/common';
import { claimStatusChanged } from '../claims/claim-callback';
import { CLAIM_MOVED, VERDICT_APPROVED } from '../claims/claim-events';
import { VERDICTS } from '../claims/claim-status';
import { DomainEvents } from '../database/domain-events';
import { SettingsService } from '../settings/settings.service';
import { CallbackOutboxService } from './callback-outbox.service';

/**
 * A claim's move owes its article's owner a callback, and the last verdict `article.reviewed`: written in the move's
 * transaction, or already by the move's one statement (queued once it commits). A verdict that waited for a second
 * opinion owes them once approved.
 */
@Injectable()
export class ClaimCallbacksListener implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly outbox: CallbackOutboxService,
    private readonly settings: SettingsService,
  ) {}

  onModuleInit(): void {
    // Moves that did not write their callback themselves (an undo) leave no verdict: no sources to tell of.
    this.events.on(CLAIM_MOVED, async (em, { claim, from, recordedCallbacks }) => {
      if (recordedCallbacks) return this.outbox.enqueueOnCommit(em, recordedCallbacks);
      const { ratings } = await this.settings.get();
      await this.outbox.record(
        em,
        claim.articleId,
        [{ type: 'claim.status_changed', data: claimStatusChanged(claim, from, [], ratings) }],
        VERDICTS.includes(claim.status) && from === 'unverified',
      );
    });
    this.events.on(VERDICT_APPROVED, async (em, { claim, from, sources }) => {
      const { ratings } = await this.settings.get();
      await this.outbox.record(
        em,
        claim.articleId,
        [{ type: 'claim.status_changed', data: claimStatusChanged(claim, from, sources, ratings) }],
        // The article had an open item while this verdict waited, however it was revised meanwhile: it may be the last.
        true,
      );
    });
  }
}
