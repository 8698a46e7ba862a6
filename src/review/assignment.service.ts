import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../database/unit-of-work';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { actorOf, SYSTEM_ACTOR, type Actor } from '../claims/claim-history';
import { CLAIM_ASSIGNED } from '../claims/claim-events';
import { DomainEvents } from '../database/domain-events';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import type { TransitionClaimDto } from '../claims/dto/transition-claim.dto';
import type { Principal } from '../auth/principal';
import type { ClaimEntity } from '../claims/claim.entity';
import type { ClaimEventType } from '../claims/claim-event.entity';
import { ClaimsRepository } from '../claims/claims.repository';
import { AssignmentRepository, type NoWorkReason } from './assignment.repository';
import { ReviewQueueService } from './review-queue.service';

/** How often an assignment looks again for the least-loaded reviewer when its load moved on while it waited. */
const LEAST_LOADED_LOOKS = 3;

export interface Assignment {
  claimId: string;
  reviewerId: string;
  leaseExpiresAt: Date;
  claim: ClaimEntity;
}

/** Gives claims to reviewers; every path takes the reviewer's row lock before counting its load, so capacity holds under concurrency. */
@Injectable()
export class AssignmentService {
  private readonly logger = new Logger(AssignmentService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewQueue: ReviewQueueService,
    private readonly config: ConfigService<Environment, true>,
    private readonly claims: ClaimsRepository,
    private readonly assignments: AssignmentRepository,
    private readonly transitions: ClaimTransitionService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * The claim-review job: the least-loaded eligible reviewer under capacity, ties to the one idle longest. Each
   * decision locks only the claim and its reviewer's row, so jobs for different reviewers run side by side.
   */
  async assignToLeastLoaded(claimId: string): Promise<Assignment | null> {
    if (!(await this.assignments.anyCandidateFor(claimId))) return null;
    return inTransaction(this.dataSource, async (em) => {
      const claim = await this.claims.lockPending(em, claimId);
      if (!claim) return null;
      for (let look = 0; look < LEAST_LOADED_LOOKS; look++) {
        const reviewerId =
          (await this.assignments.lockLeastLoadedFor(em, claimId, false)) ??
          (await this.assignments.lockLeastLoadedFor(em, claimId, true));
        if (reviewerId) return this.assign(em, claim, reviewerId, SYSTEM_ACTOR, 'assigned');
        if (!(await this.assignments.anyCandidateFor(claimId, em))) return null;
      }
      // Other assignments kept taking the least-loaded reviewers first: the job throws, so it is retried.
      throw new Error(`The least-loaded reviewers for claim ${claimId} kept changing; the assignment is retried`);
    });
  }

  /** A reviewer pulls the most check-worthy claim it may take, in one statement (see `AssignmentRepository.nextClaimFor`). */
  async pullNext(reviewerId: string, actor: Actor): Promise<Assignment | null> {
    const leaseSeconds = this.config.get('LEASE_SECONDS', { infer: true });
    const claim = await this.claims.assignNext(
      this.dataSource.manager,
      { next: this.assignments.nextClaimFor('$1'), reviewerId, leaseSeconds },
      { type: 'assigned', actor, reviewerId },
    );
    if (!claim) return null;
    const assignment = { claimId: claim.id, reviewerId, leaseExpiresAt: claim.leaseExpiresAt!, claim };
    await this.reviewQueue.scheduleLeaseExpiry(assignment);
    return assignment;
  }

  /**
   * What a reviewer should work on next: the most check-worthy claim already in its list (other than the one it is
   * leaving), and only when the list is empty a newly pulled one, so a full list never answers "nothing to give"; in
   * one statement.
   */
  async nextToWork(reviewerId: string, actor: Actor, leaving: string | null): Promise<ClaimEntity | null> {
    return (await this.heldOrPulled(reviewerId, actor, leaving))?.claim ?? null;
  }

  /**
   * A reviewer's verdict and the claim to work next, in one request: what the workbench does after every verdict.
   * The verdict commits on its own; only then is the next claim chosen, so a failed verdict hands out nothing, and a
   * failure choosing the next one answers `next: null` rather than an error for a verdict that was recorded. The slot
   * the verdict frees is offered to the waiting claims only when no claim was pulled into it.
   */
  async moveThenNext(
    claimId: string,
    principal: Principal,
    dto: TransitionClaimDto,
    ifMatch?: string,
  ): Promise<{ moved: ClaimEntity; next: ClaimEntity | null }> {
    const reviewerId = principal.reviewerId!;
    const [moved, next] = await this.transitions.moveThen(claimId, principal, dto, ifMatch, async (_, ownSlotFreed) => {
      let chosen: { claim: ClaimEntity; pulled: boolean } | null = null;
      try {
        chosen = await this.heldOrPulled(reviewerId, actorOf(principal), claimId);
      } catch (error) {
        this.logger.warn(
          `Verdict on ${claimId} recorded; the next claim could not be chosen: ${(error as Error).message}`,
        );
      }
      if (ownSlotFreed && !chosen?.pulled) await this.reviewQueue.offerWork(reviewerId, 1);
      return chosen;
    });
    return { moved, next: next?.claim ?? null };
  }

  private async heldOrPulled(
    reviewerId: string,
    actor: Actor,
    leaving: string | null,
  ): Promise<{ claim: ClaimEntity; pulled: boolean } | null> {
    const leaseSeconds = this.config.get('LEASE_SECONDS', { infer: true });
    const next = await this.claims.heldOrAssignNext(
      this.dataSource.manager,
      { next: this.assignments.nextClaimFor('$1'), reviewerId, leaseSeconds, leaving },
      { type: 'assigned', actor, reviewerId },
    );
    if (next?.pulled)
      await this.reviewQueue.scheduleLeaseExpiry({
        claimId: next.claim.id,
        leaseExpiresAt: next.claim.leaseExpiresAt!,
      });
    return next;
  }

  /**
   * In the caller's transaction: gives a waiting claim to this reviewer when the assignment rules let them take it and
   * they have room (a returned verdict goes back to its reviewer), else queues it for whoever may. Null: queued.
   */
  async giveBackOrQueue(
    em: EntityManager,
    claim: ClaimEntity,
    reviewerId: string | null,
    actor: Actor,
  ): Promise<Assignment | null> {
    if (reviewerId && (await this.assignments.lockIfMayTake(em, claim.id, reviewerId)))
      return this.assign(em, claim, reviewerId, actor, 'assigned');
    this.reviewQueue.enqueueAssignmentsOnCommit(em, [claim]);
    return null;
  }

  /** Editors and admins assign by hand, over capacity if they must; the reviewer must be active and able to act. */
  async assignByHand(claimId: string, reviewerId: string, actor: Actor): Promise<Assignment> {
    return inTransaction(this.dataSource, async (em) => {
      const claim = await this.lockClaim(em, claimId);
      if (claim.status !== 'unverified') {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'conflict',
          `Only unverified claims are assigned; this one is ${claim.status}`,
          { current: claim.status },
        );
      }
      const reviewer = await this.assignments.lockReviewer(em, reviewerId);
      if (!reviewer) throw ApiError.notFound('Reviewer', reviewerId);
      if (!reviewer.active) throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'The reviewer is inactive');
      if (!reviewer.canAct)
        throw new ApiError(
          HttpStatus.CONFLICT,
          'conflict',
          'Nobody can act as this reviewer yet: no person who accepted the invitation and is active, and no live reviewer key',
        );
      // Already theirs (a request sent again, say after a timeout): nothing changes, and nobody is told again.
      if (claim.assigneeId === reviewerId)
        return { claimId: claim.id, reviewerId, leaseExpiresAt: claim.leaseExpiresAt!, claim };
      if (claim.assigneeId) await this.clearAssignment(em, claim.id, claim.assigneeId, actor, 'unassigned');
      const assignment = await this.assign(em, claim, reviewerId, actor, 'assigned');
      if (claim.assigneeId) this.reviewQueue.offerWorkOnCommit(em, claim.assigneeId, 1);
      return assignment;
    });
  }

  /** Unassign by hand, or a reviewer's release of its own claim: the claim goes back to the pool. */
  async unassign(claimId: string, actor: Actor, onlyIfAssignedTo?: string): Promise<ClaimEntity> {
    const type: ClaimEventType = onlyIfAssignedTo ? 'released' : 'unassigned';
    return inTransaction(this.dataSource, async (em) => {
      const claim = await this.lockClaim(em, claimId);
      if (onlyIfAssignedTo && claim.assigneeId !== onlyIfAssignedTo)
        throw ApiError.forbidden('The claim is not assigned to you');
      if (!claim.assigneeId) throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'The claim is not assigned');
      const released = await this.clearAssignment(em, claim.id, claim.assigneeId, actor, type);
      // The claim goes back to the pool, and its reviewer has room for another.
      this.reviewQueue.enqueueAssignmentsOnCommit(em, [released]);
      this.reviewQueue.offerWorkOnCommit(em, claim.assigneeId, 1);
      return released;
    });
  }

  /** Deactivation hands a reviewer's open claims back, in the caller's transaction (the deactivation itself); they are queued once it commits. */
  async unassignAllOf(em: EntityManager, reviewerId: string, actor: Actor): Promise<void> {
    const open = await this.claims.lockHeldBy(em, reviewerId);
    for (const claim of open) await this.clearAssignment(em, claim.id, reviewerId, actor, 'unassigned');
    this.reviewQueue.enqueueAssignmentsOnCommit(em, open);
  }

  /**
   * Whether anyone can act as the reviewer may have changed (a person joined or was deactivated, a key was issued or
   * revoked): one who can is offered work; one nobody can act as hands its open claims back to the pool.
   */
  async standingChanged(reviewerId: string, actor: Actor): Promise<void> {
    await inTransaction(this.dataSource, async (em) => {
      const reviewer = await this.assignments.lockReviewer(em, reviewerId);
      if (!reviewer?.active) return;
      if (reviewer.canAct) this.reviewQueue.offerWorkOnCommit(em, reviewerId, null);
      else await this.unassignAllOf(em, reviewerId, actor);
    });
  }

  /** Returns an expired lease to the pool; a lease renewed meanwhile is left alone. */
  async expireLeases(claimIds?: string[]): Promise<number> {
    const expired = await inTransaction(this.dataSource, async (em) => {
      const rows = await this.claims.expireLeases(em, claimIds);
      await this.claims.appendEvents(
        em,
        rows.map((r) => ({
          claimId: r.id,
          articleId: r.articleId,
          type: 'lease_expired' as const,
          actor: SYSTEM_ACTOR,
          reviewerId: r.reviewerId,
        })),
      );
      this.reviewQueue.enqueueAssignmentsOnCommit(em, rows);
      return rows;
    });
    if (expired.length > 0) this.logger.log(`${expired.length} lease(s) expired`);
    return expired.length;
  }

  private async lockClaim(em: EntityManager, claimId: string): Promise<ClaimEntity> {
    const claim = await this.claims.lockById(em, claimId);
    if (!claim) throw ApiError.notFound('Claim', claimId);
    return claim;
  }

  private async assign(
    em: EntityManager,
    claim: { id: string },
    reviewerId: string,
    actor: Actor,
    type: ClaimEventType,
  ): Promise<Assignment> {
    const leaseSeconds = this.config.get('LEASE_SECONDS', { infer: true });
    const assigned = await this.claims.assign(
      em,
      { claimId: claim.id, reviewerId, leaseSeconds },
      { type, actor, reviewerId },
    );
    const assignment = { claimId: claim.id, reviewerId, leaseExpiresAt: assigned.leaseExpiresAt!, claim: assigned };
    this.reviewQueue.scheduleLeaseExpiriesOnCommit(em, [assignment]);
    // Handed over by the system or a person (a reviewer's own pull is not announced: they know).
    await this.events.publish(em, CLAIM_ASSIGNED, { claim: assigned, reviewerId, actorUserId: actor.userId ?? null });
    return assignment;
  }

  private clearAssignment(
    em: EntityManager,
    claimId: string,
    reviewerId: string,
    actor: Actor,
    type: ClaimEventType,
  ): Promise<ClaimEntity> {
    return this.claims.clearAssignment(em, claimId, { type, actor, reviewerId });
  }

  /** Why each reviewer that gets no work gets none, for the reviewers page. */
  whyNoWork(): Promise<Map<string, NoWorkReason>> {
    return this.assignments.whyNoWork();
  }

  /** Waiting claims no reviewer anyone can act as may take, up to `cap`, for the overview. */
  waitingBeyondEveryone(cap: number): Promise<number> {
    return this.assignments.waitingBeyondEveryone(cap);
  }

  /** A reviewer's open claims, most check-worthy first. */
  openClaimsOf(reviewerId: string): Promise<ClaimEntity[]> {
    return this.claims.heldBy(reviewerId);
  }
}
