import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../database/unit-of-work';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { SYSTEM_ACTOR, type Actor } from '../claims/claim-history';
import type { ClaimEntity } from '../claims/claim.entity';
import type { ClaimEventType } from '../claims/claim-event.entity';
import { ClaimsRepository } from '../claims/claims.repository';
import { AssignmentRepository } from './assignment.repository';
import { ReviewQueueService } from './review-queue.service';

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
  ) {}

  /** The claim-review job: the least-loaded eligible reviewer under capacity, ties to the one idle longest. */
  async assignToLeastLoaded(claimId: string): Promise<Assignment | null> {
    // Most claims of a busy desk wait for capacity: find that out in one read, without a transaction or locks.
    if ((await this.assignments.candidatesFor(null, claimId)).length === 0) return null;
    return inTransaction(this.dataSource, async (em) => {
      const claim = await this.claims.lockPending(em, claimId);
      if (!claim) return null;
      // One least-loaded decision at a time, so concurrent jobs see each other's choices and spread the load.
      await this.assignments.lockLeastLoadedDecision(em);
      const candidates = await this.assignments.candidatesFor(em, claimId);
      for (const candidate of candidates) {
        if (await this.lockReviewerUnderCapacity(em, candidate.id)) {
          return this.assign(em, claim, candidate.id, SYSTEM_ACTOR, 'assigned');
        }
      }
      return null;
    });
  }

  /** A reviewer pulls the most check-worthy claim it may take; SKIP LOCKED keeps two pulls off one claim. */
  async pullNext(reviewerId: string, actor: Actor): Promise<Assignment | null> {
    return inTransaction(this.dataSource, async (em) => {
      if (!(await this.lockReviewerUnderCapacity(em, reviewerId))) return null;
      const claim = await this.assignments.lockNextFor(em, reviewerId);
      return claim ? this.assign(em, claim, reviewerId, actor, 'assigned') : null;
    });
  }

  /**
   * What a reviewer should work on next: the most check-worthy claim already in its list (other than the one it is
   * leaving), and only when the list is empty a newly pulled one, so a full list never answers "nothing to give".
   */
  async nextToWork(reviewerId: string, actor: Actor, leaving: string | null): Promise<string | null> {
    const held = (await this.claims.heldBy(reviewerId)).find((claim) => claim.id !== leaving && claim.status === 'unverified');
    if (held) return held.id;
    return (await this.pullNext(reviewerId, actor))?.claimId ?? null;
  }

  /** Editors and admins assign by hand, over capacity if they must; the reviewer must be active. */
  async assignByHand(claimId: string, reviewerId: string, actor: Actor): Promise<Assignment> {
    return inTransaction(this.dataSource, async (em) => {
      const claim = await this.lockClaim(em, claimId);
      if (claim.status !== 'unverified') {
        throw new ApiError(HttpStatus.CONFLICT, 'conflict', `Only unverified claims are assigned; this one is ${claim.status}`, { current: claim.status });
      }
      const reviewer = await this.assignments.lockReviewer(em, reviewerId);
      if (!reviewer) throw ApiError.notFound('Reviewer', reviewerId);
      if (!reviewer.active) throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'The reviewer is inactive');
      if (claim.assigneeId) await this.clearAssignment(em, claim.id, claim.assigneeId, actor, 'unassigned');
      const assignment = await this.assign(em, claim, reviewerId, actor, 'assigned');
      if (claim.assigneeId && claim.assigneeId !== reviewerId) this.reviewQueue.offerWorkOnCommit(em, claim.assigneeId, 1);
      return assignment;
    });
  }

  /** Unassign by hand, or a reviewer's release of its own claim: the claim goes back to the pool. */
  async unassign(claimId: string, actor: Actor, onlyIfAssignedTo?: string): Promise<ClaimEntity> {
    const type: ClaimEventType = onlyIfAssignedTo ? 'released' : 'unassigned';
    return inTransaction(this.dataSource, async (em) => {
      const claim = await this.lockClaim(em, claimId);
      if (onlyIfAssignedTo && claim.assigneeId !== onlyIfAssignedTo) throw ApiError.forbidden('The claim is not assigned to you');
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

  /** Returns an expired lease to the pool; a lease renewed meanwhile is left alone. */
  async expireLeases(claimIds?: string[]): Promise<number> {
    const expired = await inTransaction(this.dataSource, async (em) => {
      const rows = await this.claims.expireLeases(em, claimIds);
      await this.claims.appendEvents(
        em,
        rows.map((r) => ({ claimId: r.id, articleId: r.articleId, type: 'lease_expired' as const, actor: SYSTEM_ACTOR, reviewerId: r.reviewerId })),
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

  /**
   * Two statements on purpose: under READ COMMITTED a statement reads from the snapshot it started with, so a count
   * in the locking statement would miss the assignments committed while it waited for the lock. The count runs
   * after the lock is held, in a snapshot of its own, and every assignment takes this lock before it writes.
   */
  private async lockReviewerUnderCapacity(em: EntityManager, reviewerId: string): Promise<boolean> {
    const locked = await this.assignments.lockReviewer(em, reviewerId);
    if (!locked?.active) return false;
    return (await this.assignments.openClaimCount(em, reviewerId)) < locked.capacity;
  }

  private async assign(em: EntityManager, claim: { id: string }, reviewerId: string, actor: Actor, type: ClaimEventType): Promise<Assignment> {
    const leaseSeconds = this.config.get('LEASE_SECONDS', { infer: true });
    const assigned = await this.claims.assign(em, { claimId: claim.id, reviewerId, leaseSeconds }, { type, actor, reviewerId });
    const assignment = { claimId: claim.id, reviewerId, leaseExpiresAt: assigned.leaseExpiresAt!, claim: assigned };
    this.reviewQueue.scheduleLeaseExpiriesOnCommit(em, [assignment]);
    return assignment;
  }

  private clearAssignment(em: EntityManager, claimId: string, reviewerId: string, actor: Actor, type: ClaimEventType): Promise<ClaimEntity> {
    return this.claims.clearAssignment(em, claimId, { type, actor, reviewerId });
  }

  /** A reviewer's open claims, most check-worthy first. */
  openClaimsOf(reviewerId: string): Promise<ClaimEntity[]> {
    return this.claims.heldBy(reviewerId);
  }
}
