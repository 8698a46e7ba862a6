import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PendingClaim } from '../claims/claims.repository';

/** Any constant: the lock that serializes least-loaded decisions. */
const LEAST_LOADED_LOCK = 7_301_995;

/**
 * SQL: the reviewer `r` may take the claim `c` of the article `a` (the caller's FROM names all three, and passes the
 * aliases). The claim waits (unverified, unassigned); the reviewer is active, speaks the article's language and,
 * where the article has topics, shares one (a reviewer without topics takes any); and the reviewer did not release
 * the claim or let its lease expire before. Capacity is counted apart (`openClaimsOf`). The one statement of who may
 * take what: every query below that asks uses it.
 */
function mayTake(r: string, c: string, a: string): string {
  return `(${c}.status = 'unverified' AND ${c}.assignee_id IS NULL
    AND ${r}.active AND ${a}.language = ANY(${r}.languages)
    AND (cardinality(${a}.topics) = 0 OR cardinality(${r}.topics) = 0 OR ${a}.topics && ${r}.topics)
    AND NOT EXISTS (SELECT 1 FROM claim_events handed_back
      WHERE handed_back.claim_id = ${c}.id AND handed_back.reviewer_id = ${r}.id AND handed_back.type IN ('released', 'lease_expired')))`;
}

/** SQL: how many claims the reviewer (aliased `reviewer`) holds now. */
function openClaimsOf(reviewer: string): string {
  return `(SELECT count(*)::int FROM claims open_claim WHERE open_claim.assignee_id = ${reviewer}.id)`;
}

/**
 * The reads of assignment, which join claims, their articles and reviewers: eligibility, capacity and the locks that
 * keep both true under concurrency. The writes are the claims repository's.
 */
@Injectable()
export class AssignmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Eligible reviewers under capacity for a claim still waiting, least loaded first, then idle longest (`em` null: outside a transaction). */
  candidatesFor(em: EntityManager | null, claimId: string): Promise<{ id: string }[]> {
    return (em ?? this.dataSource).query(
      `SELECT r.id FROM claims c JOIN articles a ON a.id = c.article_id, reviewers r
       WHERE c.id = $1 AND ${mayTake('r', 'c', 'a')} AND ${openClaimsOf('r')} < r.capacity
       ORDER BY ${openClaimsOf('r')}, r.last_assigned_at NULLS FIRST, r.id LIMIT 5`,
      [claimId],
    );
  }

  /** Locks the most check-worthy claim the reviewer may take; SKIP LOCKED keeps two pulls off one claim. */
  async lockNextFor(em: EntityManager, reviewerId: string): Promise<PendingClaim | null> {
    const rows: PendingClaim[] = await em.query(
      `SELECT c.id, c.checkworthiness
       FROM claims c JOIN articles a ON a.id = c.article_id, reviewers r
       WHERE r.id = $1 AND ${mayTake('r', 'c', 'a')}
       ORDER BY c.checkworthiness DESC, c.id
       LIMIT 1 FOR UPDATE OF c SKIP LOCKED`,
      [reviewerId],
    );
    return rows[0] ?? null;
  }

  /**
   * Waiting claims that active reviewers (one, or all) could take now: the most check-worthy ones some such reviewer
   * may take, as many as their free capacity (and `slots`).
   */
  waitingWithinReach(reviewerId: string | null, slots: number | null): Promise<PendingClaim[]> {
    return this.dataSource.query(
      `WITH r AS (
         SELECT r.*, greatest(r.capacity - ${openClaimsOf('r')}, 0) AS free FROM reviewers r
         WHERE r.active AND ($1::uuid IS NULL OR r.id = $1::uuid)
       )
       SELECT c.id, c.checkworthiness FROM claims c JOIN articles a ON a.id = c.article_id
       WHERE c.status = 'unverified' AND c.assignee_id IS NULL
         AND EXISTS (SELECT 1 FROM r WHERE r.free > 0 AND ${mayTake('r', 'c', 'a')})
       ORDER BY c.checkworthiness DESC, c.id
       LIMIT least((SELECT coalesce(sum(free), 0) FROM r), coalesce($2::int, 2147483647))`,
      [reviewerId, slots],
    );
  }

  /** One least-loaded decision at a time, until `em`'s transaction ends. */
  async lockLeastLoadedDecision(em: EntityManager): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock($1)`, [LEAST_LOADED_LOCK]);
  }

  /** Locks the reviewer's row; every assignment takes this lock before it counts the reviewer's load. */
  async lockReviewer(em: EntityManager, reviewerId: string): Promise<{ active: boolean; capacity: number } | null> {
    const rows: { active: boolean; capacity: number }[] = await em.query(`SELECT active, capacity FROM reviewers WHERE id = $1 FOR UPDATE`, [reviewerId]);
    return rows[0] ?? null;
  }

  /** How many claims the reviewer holds, in a snapshot of this statement's own. */
  async openClaimCount(em: EntityManager, reviewerId: string): Promise<number> {
    const [{ open }]: { open: number }[] = await em.query(`SELECT ${openClaimsOf('r')} AS open FROM reviewers r WHERE r.id = $1`, [reviewerId]);
    return open;
  }
}
