import type { EntityManager } from 'typeorm';
import { entityFromRow } from '../database/sql';
import type { Principal } from '../auth/principal';
import { ClaimEventEntity, type ClaimEventType, type EvidenceSource } from './claim-event.entity';
import type { ClaimStatus } from './claim-status';
import { ClaimEntity } from './claim.entity';

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
}

/** The reviewer an event concerns: the one named, else the actor's own. */
function reviewerOf(event: Pick<ClaimEventInput, 'reviewerId' | 'actor'>): string | null {
  return event.reviewerId !== undefined ? event.reviewerId : event.actor.reviewerId;
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
      actorUserId: e.actor.userId ?? null,
      actorRole: e.actor.role,
      reviewerId: reviewerOf(e),
      note: e.note ?? null,
      sources: e.sources ?? [],
    })),
  );
}

/**
 * SQL for an UPDATE of claims (aliased `claims`): the one way a claim's version moves, by one with every status
 * change. Moves name the version they saw (optimistic concurrency); nothing else bumps it.
 */
export function nextVersion(claims: string): string {
  return `version = ${claims}.version + 1`;
}

/**
 * Changes one claim and appends its history row in a single statement (a round trip saved on the hot paths:
 * pull, assignment, verdicts). `update.sql` is an `UPDATE claims … WHERE …` using $1…$n, and `update.with` optional
 * further data-modifying CTEs over the same parameters; returns the claim as changed.
 */
export async function updateClaimWithEvent(
  em: EntityManager,
  update: { sql: string; params: unknown[]; with?: string },
  event: Omit<ClaimEventInput, 'claimId' | 'articleId'>,
): Promise<ClaimEntity | null> {
  const n = update.params.length;
  const rows: Record<string, unknown>[] = await em.query(
    `WITH ${update.with ? `${update.with},` : ''} claim AS (${update.sql} RETURNING *),
          event AS (
            INSERT INTO claim_events (claim_id, article_id, type, from_status, to_status, actor_key_id, actor_role, reviewer_id, note, sources, actor_user_id)
            SELECT id, article_id, $${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9} FROM claim)
     SELECT * FROM claim`,
    [
      ...update.params,
      event.type,
      event.fromStatus ?? null,
      event.toStatus ?? null,
      event.actor.keyId,
      event.actor.role,
      reviewerOf(event),
      event.note ?? null,
      JSON.stringify(event.sources ?? []),
      event.actor.userId ?? null,
    ],
  );
  return rows[0] ? entityFromRow(em, ClaimEntity, rows[0]) : null;
}
