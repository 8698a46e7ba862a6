import { publishedUrlOf } from './public-page';
import { CLAIMANT_KINDS, claimantKindOf, type ClaimantKind } from './claimant-kind';
import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../auth/role';
import {
  CLAIM_EVENT_TYPES,
  type ClaimEventEntity,
  type ClaimEventType,
  type EvidenceSource,
} from './claim-event.entity';
import type { ClaimEntity } from './claim.entity';
import { ANY_CLAIM_STATUS, CLAIM_APPROVALS, type ClaimApproval, type ClaimStatus } from './claim-status';
import { CLAIM_TYPES, ExtractedEntity, type ClaimType } from './claim-types';
import { SourceDto } from './dto/evidence.dto';
import { statementOf } from './claim-statement';

/** The wire shape of a claim: docs/design.md's claim record. */
export class ClaimResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ description: 'The article revision the claim was last seen in' })
  revision: number;

  @ApiProperty()
  ordinal: number;

  @ApiProperty({ description: 'The claim’s words as the article has them: body.slice(start, end)' })
  text: string;

  @ApiProperty({
    description:
      'The claim as a reader would state it on its own: the text, or, where the claim shares its subject with the ' +
      'clause before it, that subject carried in ("The bank raised the rate …" for the text "raised the rate …")',
  })
  statement: string;

  @ApiProperty({ description: 'Character offset into the article body: body.slice(start, end) is the source text' })
  start: number;

  @ApiProperty()
  end: number;

  @ApiProperty()
  sentenceIndex: number;

  @ApiProperty({ minimum: 0, maximum: 1 })
  checkworthiness: number;

  @ApiProperty({ enum: CLAIM_TYPES })
  type: ClaimType;

  @ApiProperty({ type: String, nullable: true, description: 'Who the text attributes the claim to' })
  claimant: string | null;

  @ApiProperty({
    enum: CLAIMANT_KINDS,
    nullable: true,
    description: 'Whether the claimant is a person or an organization: an editor’s word, else as the name reads',
  })
  claimantKind: ClaimantKind | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The public fact-check page while it shows this claim’s verdict; null before and after',
  })
  publicUrl: string | null;

  @ApiProperty({ type: [ExtractedEntity] })
  entities: ExtractedEntity[];

  @ApiProperty({ enum: ANY_CLAIM_STATUS })
  status: ClaimStatus;

  @ApiProperty({ description: 'Send back as expectedVersion (or If-Match) with a move' })
  version: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  assigneeId: string | null;

  @ApiProperty({ type: Date, nullable: true })
  leaseExpiresAt: Date | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  lastVerdictReviewerId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The verdict’s rating: a key of the desk’s scale' })
  rating: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The verdict’s rationale for readers (public)' })
  publicNote: string | null;

  @ApiProperty({
    enum: CLAIM_APPROVALS,
    nullable: true,
    description: 'pending: the verdict waits for a second opinion and is not published; null: none was asked',
  })
  approval: ClaimApproval | null;

  @ApiProperty({ type: [String], description: 'Normalised labels (lower-case, letters, digits and dashes)' })
  tags: string[];

  @ApiProperty({ type: Date, nullable: true, description: 'Inherited from the article' })
  dueAt: Date | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export function toClaimResponse(claim: ClaimEntity): ClaimResponse {
  return {
    id: claim.id,
    articleId: claim.articleId,
    revision: claim.revision,
    ordinal: claim.ordinal,
    text: claim.text,
    statement: statementOf(claim),
    start: claim.start,
    end: claim.end,
    sentenceIndex: claim.sentenceIndex,
    checkworthiness: claim.checkworthiness,
    type: claim.type,
    claimant: claim.claimant,
    claimantKind: claimantKindOf(claim),
    publicUrl: publishedUrlOf(claim),
    entities: claim.entities,
    status: claim.status,
    version: claim.version,
    assigneeId: claim.assigneeId,
    leaseExpiresAt: claim.leaseExpiresAt,
    lastVerdictReviewerId: claim.lastVerdictReviewerId,
    rating: claim.rating,
    publicNote: claim.publicNote,
    approval: claim.approval,
    tags: claim.tags,
    dueAt: claim.dueAt,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
  };
}

export class VerdictResponse {
  @ApiProperty({ type: ClaimResponse, description: 'The moved claim' })
  claim: ClaimResponse;

  @ApiProperty({
    type: ClaimResponse,
    nullable: true,
    description: 'Your next claim (from your list first, else pulled), or null',
  })
  next: ClaimResponse | null;
}

/** A verdict and the claim to work next (`POST /review/claims/:id/verdict` and the workbench's own route). */
export function toVerdictResponse({ moved, next }: { moved: ClaimEntity; next: ClaimEntity | null }): VerdictResponse {
  return { claim: toClaimResponse(moved), next: next ? toClaimResponse(next) : null };
}

export class ClaimEventResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  claimId: string;

  @ApiProperty({ format: 'uuid' })
  articleId: string;

  @ApiProperty({ enum: CLAIM_EVENT_TYPES })
  type: ClaimEventType;

  @ApiProperty({ enum: ANY_CLAIM_STATUS, nullable: true })
  fromStatus: ClaimStatus | null;

  @ApiProperty({ enum: ANY_CLAIM_STATUS, nullable: true })
  toStatus: ClaimStatus | null;

  @ApiProperty({ enum: [...ROLES, 'system'] })
  actorRole: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorKeyId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The person who acted' })
  actorUserId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reviewerId: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: [SourceDto] })
  sources: EvidenceSource[];

  @ApiProperty({ type: String, nullable: true, description: 'The rating a verdict carried' })
  rating: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The rationale for readers a verdict carried' })
  publicNote: string | null;

  @ApiProperty()
  createdAt: Date;
}

export function toClaimEventResponse(event: ClaimEventEntity): ClaimEventResponse {
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
    rating: event.rating,
    publicNote: event.publicNote,
    createdAt: event.createdAt,
  };
}
