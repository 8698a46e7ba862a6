import type { Principal } from '../auth/principal';
import type { ClaimEventType, EvidenceSource } from './claim-event.entity';
import type { ClaimStatus } from './claim-status';

/** Who made a change: a signed-in person, a key's holder, or the service itself. */
export interface Actor {
  keyId: string | null;
  userId?: string | null;
  role: string;
  reviewerId: string | null;
}

export const SYSTEM_ACTOR: Actor = { keyId: null, role: 'system', reviewerId: null };

export function actorOf(principal: Principal): Actor {
  return { keyId: principal.keyId, userId: principal.userId, role: principal.role, reviewerId: principal.reviewerId };
}

export interface ClaimEventInput {
  claimId: string;
  articleId: string;
  type: ClaimEventType;
  actor: Actor;
  fromStatus?: ClaimStatus | null;
  toStatus?: ClaimStatus | null;
  /** The reviewer the event concerns (assigned, released…); defaults to the actor's. */
  reviewerId?: string | null;
  note?: string | null;
  sources?: EvidenceSource[];
  /** The rating a verdict carried, or the verdict an approval published. */
  rating?: string | null;
  /** The rationale for readers a verdict carried. */
  publicNote?: string | null;
}
