import { domainEvent } from '../database/domain-events';
import type { ClaimStatus } from './claim-status';
import type { EvidenceSource } from './claim-event.entity';
import type { ClaimEntity } from './claim.entity';

/** A claim moved through the state machine (published inside the move's transaction). */
export interface ClaimMoved {
  claim: ClaimEntity;
  from: ClaimStatus;
  /** A verdict ends the assignment: the reviewer who held the claim has room for another. */
  freedReviewerId: string | null;
  /**
   * The callbacks the move's own statement already wrote to the outbox (`move_claim_as_read`), due when given; null:
   * none were written, and the move's transaction is where they belong.
   */
  recordedCallbacks: { id: string; nextAttemptAt: Date }[] | null;
}

export const CLAIM_MOVED = domainEvent<ClaimMoved>('claim.moved');

/** A claim was handed to a reviewer, by the system or a person (published inside the assignment's transaction). */
export interface ClaimAssigned {
  claim: ClaimEntity;
  reviewerId: string;
  /** The person who handed it over; null when the system did. */
  actorUserId: string | null;
}

export const CLAIM_ASSIGNED = domainEvent<ClaimAssigned>('claim.assigned');

/** A verdict in the second opinion's scope was recorded and waits for someone other than its author to approve it. */
export interface SecondOpinionRequested {
  claim: ClaimEntity;
  /** The verdict's author: the reviewer profile and, when a person gave it, that person. */
  authorReviewerId: string | null;
  authorUserId: string | null;
}

export const SECOND_OPINION_REQUESTED = domainEvent<SecondOpinionRequested>('claim.second_opinion_requested');

/** A pending verdict was approved by a second person: from now on it is published (callbacks, ClaimReview, fact-check). */
export interface VerdictApproved {
  claim: ClaimEntity;
  /** The status the claim had before the verdict, and the verdict's sources: what its callback says. */
  from: ClaimStatus;
  sources: EvidenceSource[];
}

export const VERDICT_APPROVED = domainEvent<VerdictApproved>('claim.verdict_approved');

/** A pending verdict was returned to its reviewer with a note. */
export interface VerdictReturned {
  claim: ClaimEntity;
  reviewerId: string;
  actorUserId: string | null;
  note: string;
}

export const VERDICT_RETURNED = domainEvent<VerdictReturned>('claim.verdict_returned');

/** An assigned claim's due date is less than an hour away. */
export interface ClaimDueSoon {
  claim: ClaimEntity;
  reviewerId: string;
}

export const CLAIM_DUE_SOON = domainEvent<ClaimDueSoon>('claim.due_soon');
