import { domainEvent } from '../database/domain-events';
import type { ClaimStatus } from './claim-status';
import type { ClaimEntity } from './claim.entity';

/** A claim moved through the state machine (published inside the move's transaction). */
export interface ClaimMoved {
  claim: ClaimEntity;
  from: ClaimStatus;
  note: string | null;
  /** A verdict ends the assignment: the reviewer who held the claim has room for another. */
  freedReviewerId: string | null;
  /**
   * The callbacks the move's own statement already wrote to the outbox (`move_claim_as_read`), due when given; null:
   * none were written, and the move's transaction is where they belong.
   */
  recordedCallbacks: { id: string; nextAttemptAt: Date }[] | null;
}

export const CLAIM_MOVED = domainEvent<ClaimMoved>('claim.moved');
