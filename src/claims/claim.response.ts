import type { ClaimEventEntity } from './claim-event.entity';
import type { ClaimEntity } from './claim.entity';

/** The wire shape of a claim: docs/design.md's claim record. */
export function toClaimResponse(claim: ClaimEntity) {
  return {
    id: claim.id,
    articleId: claim.articleId,
    revision: claim.revision,
    ordinal: claim.ordinal,
    text: claim.text,
    start: claim.start,
    end: claim.end,
    sentenceIndex: claim.sentenceIndex,
    checkworthiness: claim.checkworthiness,
    type: claim.type,
    claimant: claim.claimant,
    entities: claim.entities,
    status: claim.status,
    version: claim.version,
    assigneeId: claim.assigneeId,
    leaseExpiresAt: claim.leaseExpiresAt,
    lastVerdictReviewerId: claim.lastVerdictReviewerId,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}

/** A verdict and the claim to work next (`POST /review/claims/:id/verdict` and the workbench's own route). */
export function toVerdictResponse({ moved, next }: { moved: ClaimEntity; next: ClaimEntity | null }) {
  return { claim: toClaimResponse(moved), next: next ? toClaimResponse(next) : null };
}
export type ClaimResponse = ReturnType<typeof toClaimResponse>;

export function toClaimEventResponse(event: ClaimEventEntity) {
  return {
    id: event.id,
    claimId: event.claimId,
    articleId: event.articleId,
    type: event.type,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actorRole: event.actorRole,
    actorKeyId: event.actorKeyId,
    actorUserId: event.actorUserId,
    reviewerId: event.reviewerId,
    note: event.note,
    sources: event.sources,
    createdAt: event.createdAt,
  };
}
