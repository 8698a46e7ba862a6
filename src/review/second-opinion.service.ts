import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { recordAuditEvent } from '../audit/audit.repository';
import type { Principal } from '../auth/principal';
import { VERDICT_APPROVED, VERDICT_RETURNED } from '../claims/claim-events';
import type { ClaimEventEntity } from '../claims/claim-event.entity';
import { actorOf } from '../claims/claim-history';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import type { ClaimEntity } from '../claims/claim.entity';
import { ClaimsRepository } from '../claims/claims.repository';
import { publicSlugFor } from '../claims/public-page';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/pagination';
import { DomainEvents } from '../database/domain-events';
import { inTransaction } from '../database/unit-of-work';
import { AssignmentService } from './assignment.service';
import type { ApproveVerdictDto, ReturnVerdictDto } from './dto/second-opinion.dto';

/** Whether `principal` gave the verdict `move` records: by person, by reviewer profile, or (keys without a person) by key. */
function isAuthor(principal: Principal, move: ClaimEventEntity): boolean {
  const sameReviewer = !!principal.reviewerId && principal.reviewerId === move.reviewerId;
  if (principal.userId) return principal.userId === move.actorUserId || sameReviewer;
  return sameReviewer || (!!principal.keyId && principal.keyId === move.actorKeyId);
}

/**
 * The second opinion: a verdict in its scope waits (`approval: pending`, unpublished) until someone other than its
 * author approves it — then it is published — or returns it to its reviewer with a note.
 */
@Injectable()
export class SecondOpinionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly transitions: ClaimTransitionService,
    private readonly assignments: AssignmentService,
    private readonly events: DomainEvents,
  ) {}

  /** Verdicts waiting for a second opinion that `principal` may give (none of their own). */
  waitingFor(principal: Principal, page: { cursor?: string; limit?: number }): Promise<Page<ClaimEntity>> {
    return this.claims.pendingApprovalsFor(principal, { cursor: page.cursor, limit: page.limit ?? 50 });
  }

  async approve(claimId: string, principal: Principal, dto: ApproveVerdictDto, ifMatch?: string): Promise<ClaimEntity> {
    const expectedVersion = this.transitions.expectedVersionOf(dto, ifMatch);
    return inTransaction(this.dataSource, async (em) => {
      const { claim, verdict } = await this.pendingVerdict(em, claimId, principal, expectedVersion);
      // Approved, the verdict is published: it has its public page from now on (kept if the claim had one).
      const approved = await this.claims.approveVerdict(em, claim.id, publicSlugFor(claim), {
        type: 'approved',
        actor: actorOf(principal),
        fromStatus: claim.status,
        toStatus: claim.status,
        reviewerId: claim.lastVerdictReviewerId,
        rating: claim.rating,
        publicNote: claim.publicNote,
      });
      await recordAuditEvent(em, {
        action: 'claim.approved',
        actor: principal,
        targetType: 'claim',
        targetId: claim.id,
        details: { status: claim.status, rating: claim.rating, verdictBy: verdict.actorUserId ?? verdict.reviewerId },
      });
      await this.events.publish(em, VERDICT_APPROVED, {
        claim: approved,
        from: verdict.fromStatus ?? 'unverified',
        sources: verdict.sources,
      });
      return approved;
    });
  }

  /**
   * Back to unverified with the note, and to the verdict's reviewer when the assignment rules let them take it and
   * they have room; otherwise into the queue.
   */
  async returnVerdict(
    claimId: string,
    principal: Principal,
    dto: ReturnVerdictDto,
    ifMatch?: string,
  ): Promise<ClaimEntity> {
    const expectedVersion = this.transitions.expectedVersionOf(dto, ifMatch);
    return inTransaction(this.dataSource, async (em) => {
      const { claim } = await this.pendingVerdict(em, claimId, principal, expectedVersion);
      const reviewerId = claim.lastVerdictReviewerId;
      const actor = actorOf(principal);
      const returned = await this.claims.returnVerdict(em, claim.id, {
        type: 'returned',
        actor,
        fromStatus: claim.status,
        toStatus: 'unverified',
        reviewerId,
        note: dto.note,
        rating: claim.rating,
      });
      const assignment = await this.assignments.giveBackOrQueue(em, returned, reviewerId, actor);
      await recordAuditEvent(em, {
        action: 'claim.returned',
        actor: principal,
        targetType: 'claim',
        targetId: claim.id,
        details: { status: claim.status, rating: claim.rating, reviewerId, reassigned: !!assignment },
      });
      const result = assignment?.claim ?? returned;
      if (reviewerId)
        await this.events.publish(em, VERDICT_RETURNED, {
          claim: result,
          reviewerId,
          actorUserId: principal.userId,
          note: dto.note,
        });
      return result;
    });
  }

  /** The claim, locked, with the verdict that waits: refused when stale, not waiting, or the verdict is the caller's. */
  private async pendingVerdict(
    em: EntityManager,
    claimId: string,
    principal: Principal,
    expectedVersion: number,
  ): Promise<{ claim: ClaimEntity; verdict: ClaimEventEntity }> {
    const claim = await this.claims.lockById(em, claimId);
    if (!claim) throw ApiError.notFound('Claim', claimId);
    if (claim.version !== expectedVersion) throw await this.transitions.staleVersion(em, claim);
    const verdict = claim.approval === 'pending' ? await this.claims.lastTransition(em, claim.id) : null;
    if (!verdict)
      throw new ApiError(
        HttpStatus.CONFLICT,
        'not_pending',
        `The claim is ${claim.status}${claim.approval ? ` (${claim.approval})` : ''}: no verdict waits for a second opinion`,
        { current: claim.status, approval: claim.approval },
      );
    if (isAuthor(principal, verdict))
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'own_verdict',
        'A second opinion comes from someone else: you gave this verdict',
      );
    return { claim, verdict };
  }
}
