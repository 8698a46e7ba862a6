import type { EntityManager } from 'typeorm';
import type { Principal } from '../auth/principal';
import { ClaimEventEntity, type ClaimEventType, type EvidenceSource } from './claim-event.entity';
import type { ClaimStatus } from './claim-status';

/** Who made a change: a key's holder, or the service itself. */
export interface Actor {
  keyId: string | null;
  role: string;
  reviewerId: string | null;
}

export const SYSTEM_ACTOR: Actor = { keyId: null, role: 'system', reviewerId: null };

export function actorOf(principal: Principal): Actor {
  return { keyId: principal.keyId, role: principal.role, reviewerId: principal.reviewerId };
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
}

/** Appends to a claim's history; call inside the transaction that makes the change. */
export async function appendClaimEvents(em: EntityManager, events: ClaimEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await em.insert(
    ClaimEventEntity,
    events.map((e) => ({
      claimId: e.claimId,
      articleId: e.articleId,
      type: e.type,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      actorKeyId: e.actor.keyId,
      actorRole: e.actor.role,
      reviewerId: e.reviewerId !== undefined ? e.reviewerId : e.actor.reviewerId,
      note: e.note ?? null,
      sources: e.sources ?? [],
    })),
  );
}
