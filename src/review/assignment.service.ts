import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { returningRows } from '../database/sql';
import { inTransaction } from '../database/unit-of-work';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { appendClaimEvents, SYSTEM_ACTOR, updateClaimWithEvent, type Actor } from '../claims/claim-history';
import { ClaimEntity } from '../claims/claim.entity';
import type { ClaimEventType } from '../claims/claim-event.entity';
import { mayTake, openClaimsOf } from './eligibility';
import { ReviewQueueService, type PendingClaim } from './review-queue.service';

interface LockedClaim {
  id: string;
  article_id: string;
  status: string;
  assignee_id: string | null;
  checkworthiness: number;
  language: string;
  topics: string[];
}

export interface Assignment {
  claimId: string;
  reviewerId: string;
  leaseExpiresAt: Date;
  claim: ClaimEntity;
}

const LEAST_LOADED_LOCK = 7_301_995;

/** Gives claims to reviewers; every path takes the reviewer's row lock before counting its load, so capacity holds under concurrency. */
@Injectable()
export class AssignmentService {
  private readonly logger = new Logger(AssignmentService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reviewQueue: ReviewQueueService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  /** The claim-review job: the least-loaded eligible reviewer under capacity, ties to the one idle longest. */
  async assignToLeastLoaded(claimId: string): Promise<Assignment | null> {
    // Most claims of a busy desk wait for capacity: find that out in one read, without a transaction or locks.
    if ((await this.candidatesFor(this.dataSource.manager, claimId)).length === 0) return null;
    return inTransaction(this.dataSource, async (em) => {
      const claim = await this.lockPendingClaim(em, claimId);
      if (!claim) return null;
      // One least-loaded decision at a time, so concurrent jobs see each other's choices and spread the load.
      await em.query(`SELECT pg_advisory_xact_lock($1)`, [LEAST_LOADED_LOCK]);
      const candidates = await this.candidatesFor(em, claimId);
      for (const candidate of candidates) {
        if (await this.lockReviewerUnderCapacity(em, candidate.id)) {
          return this.assign(em, claim, candidate.id, SYSTEM_ACTOR, 'assigned');
        }
      }
      return null;
    });
  }

  /** Eligible reviewers under capacity for a claim still waiting, least loaded first, then idle longest. */
  private candidatesFor(em: EntityManager, claimId: string): Promise<{ id: string }[]> {
    return em.query(
      `SELECT r.id FROM claims c JOIN articles a ON a.id = c.article_id, reviewers r
       WHERE c.id = $1 AND ${mayTake({ reviewer: 'r', claim: 'c', article: 'a' })} AND ${openClaimsOf('r')} < r.capacity
       ORDER BY ${openClaimsOf('r')}, r.last_assigned_at NULLS FIRST, r.id LIMIT 5`,
      [claimId],
    );
  }

  /** A reviewer pulls the most check-worthy claim it may take; SKIP LOCKED keeps two pulls off one claim. */
  async pullNext(reviewerId: string, actor: Actor): Promise<Assignment | null> {
    return inTransaction(this.dataSource, async (em) => {
      if (!(await this.lockReviewerUnderCapacity(em, reviewerId))) return null;
      const rows: LockedClaim[] = await em.query(
        `SELECT c.id, c.article_id, c.status, c.assignee_id, c.checkworthiness, a.language, a.topics
         FROM claims c JOIN articles a ON a.id = c.article_id, reviewers r
         WHERE r.id = $1 AND ${mayTake({ reviewer: 'r', claim: 'c', article: 'a' })}
         ORDER BY c.checkworthiness DESC, c.id
         LIMIT 1 FOR UPDATE OF c SKIP LOCKED`,
        [reviewerId],
      );
      return rows[0] ? this.assign(em, rows[0], reviewerId, actor, 'assigned') : null;
    });
  }

  /** Editors and admins assign by hand, over capacity if they must; the reviewer must be active. */
  async assignByHand(claimId: string, reviewerId: string, actor: Actor): Promise<Assignment> {
    return inTransaction(this.dataSource, async (em) => {
      const claim = await this.lockClaim(em, claimId);
      if (claim.status !== 'unverified') {
        throw new ApiError(HttpStatus.CONFLICT, 'conflict', `Only unverified claims are assigned; this one is ${claim.status}`, { current: claim.status });
      }
      const reviewer: { active: boolean }[] = await em.query(`SELECT active FROM reviewers WHERE id = $1 FOR UPDATE`, [reviewerId]);
      if (!reviewer[0]) throw ApiError.notFound('Reviewer', reviewerId);
      if (!reviewer[0].active) throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'The reviewer is inactive');
      if (claim.assignee_id) await this.clearAssignment(em, claim, actor, 'unassigned');
      const assignment = await this.assign(em, claim, reviewerId, actor, 'assigned');
      if (claim.assignee_id && claim.assignee_id !== reviewerId) this.reviewQueue.offerWorkOnCommit(em, claim.assignee_id, 1);
      return assignment;
    });
  }

  /** Unassign by hand, or a reviewer's release of its own claim: the claim goes back to the pool. */
  async unassign(claimId: string, actor: Actor, onlyIfAssignedTo?: string): Promise<ClaimEntity> {
    const type: ClaimEventType = onlyIfAssignedTo ? 'released' : 'unassigned';
    return inTransaction(this.dataSource, async (em) => {
      const claim = await this.lockClaim(em, claimId);
      if (onlyIfAssignedTo && claim.assignee_id !== onlyIfAssignedTo) throw ApiError.forbidden('The claim is not assigned to you');
      if (!claim.assignee_id) throw new ApiError(HttpStatus.CONFLICT, 'conflict', 'The claim is not assigned');
      const released = await this.clearAssignment(em, claim, actor, type);
      // The claim goes back to the pool, and its reviewer has room for another.
      this.reviewQueue.enqueueAssignmentsOnCommit(em, [released]);
      this.reviewQueue.offerWorkOnCommit(em, claim.assignee_id, 1);
      return released;
    });
  }

  /** Deactivation hands a reviewer's open claims back, in the caller's transaction (the deactivation itself); they are queued once it commits. */
  async unassignAllOf(em: EntityManager, reviewerId: string, actor: Actor): Promise<void> {
    const open: LockedClaim[] = await em.query(
      `SELECT c.id, c.article_id, c.status, c.assignee_id, c.checkworthiness, '' AS language, '{}'::text[] AS topics
       FROM claims c WHERE c.assignee_id = $1 FOR UPDATE`,
      [reviewerId],
    );
    for (const claim of open) await this.clearAssignment(em, claim, actor, 'unassigned');
    this.reviewQueue.enqueueAssignmentsOnCommit(em, open);
  }

  /** Returns an expired lease to the pool; a lease renewed meanwhile is left alone. */
  async expireLeases(claimIds?: string[]): Promise<number> {
    const expired = await inTransaction(this.dataSource, async (em) => {
      const rows = await returningRows<{ id: string; article_id: string; reviewer_id: string; checkworthiness: number }>(em,
        `UPDATE claims c SET assignee_id = NULL, assigned_at = NULL, lease_expires_at = NULL, updated_at = now()
         FROM (SELECT id, assignee_id FROM claims WHERE assignee_id IS NOT NULL AND lease_expires_at <= now()
               ${claimIds ? 'AND id = ANY($1)' : ''} FOR UPDATE SKIP LOCKED) old
         WHERE c.id = old.id
         RETURNING c.id, c.article_id, old.assignee_id AS reviewer_id, c.checkworthiness`,
        claimIds ? [claimIds] : [],
      );
      await appendClaimEvents(
        em,
        rows.map((r) => ({
          claimId: r.id, articleId: r.article_id, type: 'lease_expired' as const, actor: SYSTEM_ACTOR, reviewerId: r.reviewer_id,
        })),
      );
      this.reviewQueue.enqueueAssignmentsOnCommit(em, rows);
      return rows;
    });
    if (expired.length > 0) this.logger.log(`${expired.length} lease(s) expired`);
    return expired.length;
  }

  private async lockClaim(em: EntityManager, claimId: string): Promise<LockedClaim> {
    const rows: LockedClaim[] = await em.query(
      `SELECT c.id, c.article_id, c.status, c.assignee_id, c.checkworthiness, a.language, a.topics
       FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = $1 FOR UPDATE OF c`,
      [claimId],
    );
    if (!rows[0]) throw ApiError.notFound('Claim', claimId);
    return rows[0];
  }

  private async lockPendingClaim(em: EntityManager, claimId: string): Promise<LockedClaim | null> {
    const rows: LockedClaim[] = await em.query(
      `SELECT c.id, c.article_id, c.status, c.assignee_id, c.checkworthiness, a.language, a.topics
       FROM claims c JOIN articles a ON a.id = c.article_id
       WHERE c.id = $1 AND c.status = 'unverified' AND c.assignee_id IS NULL FOR UPDATE OF c`,
      [claimId],
    );
    return rows[0] ?? null;
  }

  /**
   * Two statements on purpose: under READ COMMITTED a statement reads from the snapshot it started with, so a count
   * in the locking statement would miss the assignments committed while it waited for the lock. The count runs
   * after the lock is held, in a snapshot of its own, and every assignment takes this lock before it writes.
   */
  private async lockReviewerUnderCapacity(em: EntityManager, reviewerId: string): Promise<boolean> {
    const locked: { active: boolean; capacity: number }[] = await em.query(`SELECT active, capacity FROM reviewers WHERE id = $1 FOR UPDATE`, [reviewerId]);
    if (!locked[0]?.active) return false;
    const [{ open }]: { open: number }[] = await em.query(`SELECT ${openClaimsOf('r')} AS open FROM reviewers r WHERE r.id = $1`, [reviewerId]);
    return open < locked[0].capacity;
  }

  private async assign(em: EntityManager, claim: LockedClaim, reviewerId: string, actor: Actor, type: ClaimEventType): Promise<Assignment> {
    const lease = this.config.get('LEASE_SECONDS', { infer: true });
    const assigned = await updateClaimWithEvent(
      em,
      {
        with: `reviewer AS (UPDATE reviewers SET last_assigned_at = now() WHERE id = $2)`,
        sql: `UPDATE claims SET assignee_id = $2, assigned_at = now(), lease_expires_at = now() + make_interval(secs => $3), updated_at = now()
              WHERE id = $1`,
        params: [claim.id, reviewerId, lease],
      },
      { type, actor, reviewerId },
    );
    const assignment = { claimId: claim.id, reviewerId, leaseExpiresAt: assigned!.leaseExpiresAt!, claim: assigned! };
    this.reviewQueue.scheduleLeaseExpiriesOnCommit(em, [assignment]);
    return assignment;
  }

  private async clearAssignment(em: EntityManager, claim: LockedClaim, actor: Actor, type: ClaimEventType): Promise<ClaimEntity> {
    const cleared = await updateClaimWithEvent(
      em,
      { sql: `UPDATE claims SET assignee_id = NULL, assigned_at = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`, params: [claim.id] },
      { type, actor, reviewerId: claim.assignee_id },
    );
    return cleared!;
  }

  /** A reviewer's open claims, most check-worthy first. */
  openClaimsOf(reviewerId: string): Promise<ClaimEntity[]> {
    return this.dataSource.getRepository(ClaimEntity).find({ where: { assigneeId: reviewerId }, order: { checkworthiness: 'DESC', id: 'ASC' } });
  }
}
