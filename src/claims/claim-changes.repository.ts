import { Injectable } from '@nestjs/common';
import { ChannelListenerRepository } from '../database/channel-listener.repository';
import type { ClaimEventType } from './claim-event.entity';
import type { ClaimStatus } from './claim-status';

/** One committed change of a claim's history, as the `claim_changes` trigger announces it. */
export interface ClaimChange {
  claimId: string;
  articleId: string;
  type: ClaimEventType;
  fromStatus: ClaimStatus | null;
  toStatus: ClaimStatus | null;
  actorUserId: string | null;
  actorKeyId: string | null;
  actorRole: string;
  reviewerId: string | null;
}

const CHANNEL = 'claim_changes';

/**
 * Committed claim changes, as the `claim_changes` trigger (migration NotifyClaimChanges) announces them. What is
 * announced while the listening connection is down is missed; the pages' reload is the fallback.
 */
@Injectable()
export class ClaimChangesRepository {
  constructor(private readonly channels: ChannelListenerRepository) {}

  /** Calls `listener` with every change committed from now on; the answer unsubscribes. */
  subscribe(listener: (change: ClaimChange) => void): () => void {
    return this.channels.subscribe(CHANNEL, (payload) => {
      if (payload) listener(JSON.parse(payload) as ClaimChange);
    });
  }
}
