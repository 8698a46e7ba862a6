import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { PendingClaim } from '../claims/claims.repository';

/**
 * SQL: someone can act as the reviewer `r`: a reviewer person who took up the account (set a password, or signed in
 * by single sign-on) and is active, or a live (unrevoked) reviewer key whose owner, if a person, is active. A profile
 * with neither — an invited person who never came, a profile with no person and no key — is given no work.
 */
function canAct(r: string): string {
  return `(EXISTS (SELECT 1 FROM users person WHERE person.reviewer_id = ${r}.id AND person.role = 'reviewer'
      AND person.active AND person.joined_at IS NOT NULL)
    OR EXISTS (SELECT 1 FROM api_keys k LEFT JOIN users key_owner ON key_owner.id = k.owner_user_id
      WHERE k.reviewer_id = ${r}.id AND k.revoked_at IS NULL AND coalesce(key_owner.active, true)))`;
}

/**
 * SQL: the reviewer `r` may take the claim `c` of the article `a` (the caller's FROM names all three, and passes the
 * aliases). The claim waits (unverified, unassigned); the reviewer is active, someone can act as it (`canAct`), speaks the article's language and,
 * where the article has topics, shares one (a reviewer without topics takes any); and the reviewer did not release
 * the claim or let its lease expire before. Capacity is apart (`reviewers.open_claims < capacity`). The one statement of who may
 * take what: every query below that asks uses it.
 */
function mayTake(r: string, c: string, a: string): string {
  return `(${c}.status = 'unverified' AND ${c}.assignee_id IS NULL
    AND ${r}.active AND ${a}.language = ANY(${r}.languages) AND ${canAct(r)}
    AND (cardinality(${a}.topics) = 0 OR cardinality(${r}.topics) = 0 OR ${a}.topics && ${r}.topics)
    AND NOT EXISTS (SELECT 1 FROM claim_events handed_back
      WHERE handed_back.claim_id = ${c}.id AND handed_back.reviewer_id = ${r}.id AND handed_back.type IN ('released', 'lease_expired')))`;
}

/** SQL: the order claims are handed out in: soonest due first (those without a due date last), then most check-worthy. */
const HANDED_OUT_FIRST = 'c.due_at ASC NULLS LAST, c.checkworthiness DESC, c.id';

/** Why a reviewer profile is given no work. */
export type NoWorkReason = 'inactive' | 'invitation_pending' | 'person_inactive' | 'no_person_or_key' | 'at_capacity';

/** Capacity a reviewer has (again): up to `slots` claims (null: as many as it has room for). */
export interface Offer {
  reviewerId: string;
  slots: number | null;
}

/**
 * The reads of assignment, which join claims, their articles and reviewers: eligibility, capacity and the locks that
 * keep both true under concurrency. The writes are the claims repository's.
 */
@Injectable()
export class AssignmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Whether some eligible reviewer under capacity could take the claim now: most claims of a busy desk wait for
   * capacity, and this one read, with no transaction or lock, tells them apart.
   */
  async anyCandidateFor(claimId: string, em: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM claims c JOIN articles a ON a.id = c.article_id, reviewers r
       WHERE c.id = $1 AND ${mayTake('r', 'c', 'a')} AND r.open_claims < r.capacity LIMIT 1`,
      [claimId],
    );
    return rows.length > 0;
  }

  /**
   * Locks an eligible reviewer under capacity with the fewest open claims, ties to the one idle longest. Skipping
   * those another assignment holds spreads concurrent jobs over reviewers tied at the least load (never onto busier
   * ones); `wait` waits for one of them. A lock's wait ends with the row re-checked against the load read before it:
   * a reviewer whose load moved on meanwhile is no longer the least loaded, and null says to look again.
   */
  async lockLeastLoadedFor(em: EntityManager, claimId: string, wait: boolean): Promise<string | null> {
    const rows: { id: string }[] = await em.query(
      `SELECT r.id FROM claims c JOIN articles a ON a.id = c.article_id, reviewers r
       WHERE c.id = $1 AND ${mayTake('r', 'c', 'a')} AND r.open_claims < r.capacity
         AND r.open_claims = (SELECT min(least.open_claims) FROM reviewers least WHERE ${mayTake('least', 'c', 'a')} AND least.open_claims < least.capacity)
       ORDER BY r.last_assigned_at NULLS FIRST, r.id LIMIT 1 FOR UPDATE OF r${wait ? '' : ' SKIP LOCKED'}`,
      [claimId],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * Locks the reviewer if it may take the claim (the one rule, `mayTake`) and has room under its capacity; false: it
   * may not, and the claim waits for whoever may.
   */
  async lockIfMayTake(em: EntityManager, claimId: string, reviewerId: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT r.id FROM claims c JOIN articles a ON a.id = c.article_id, reviewers r
       WHERE c.id = $1 AND r.id = $2 AND ${mayTake('r', 'c', 'a')} AND r.open_claims < r.capacity FOR UPDATE OF r`,
      [claimId, reviewerId],
    );
    return rows.length > 0;
  }

  /**
   * SQL: the id of the most check-worthy claim the reviewer `$reviewerParam` may take, if the reviewer is active and
   * under capacity — its row locked first (a concurrent assignment's wait ends with `open_claims` re-read), the claim
   * with SKIP LOCKED so two pulls never wait on one claim. The claims repository's pull wraps it in its UPDATE.
   */
  nextClaimFor(reviewerParam: string): string {
    return `(SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id,
               (SELECT * FROM reviewers WHERE id = ${reviewerParam} AND active AND open_claims < capacity FOR UPDATE) r
             WHERE ${mayTake('r', 'c', 'a')}
             ORDER BY ${HANDED_OUT_FIRST}
             LIMIT 1 FOR UPDATE OF c SKIP LOCKED)`;
  }

  /**
   * Waiting claims (of `among`, else any) that active reviewers could take now: the most check-worthy ones some such
   * reviewer may take, as many as their free capacity.
   */
  waitingWithinReach(among: string[] | null = null): Promise<PendingClaim[]> {
    return this.dataSource.query(
      `WITH r AS (SELECT r.*, greatest(r.capacity - r.open_claims, 0) AS free FROM reviewers r WHERE r.active)
       SELECT c.id, c.checkworthiness, c.due_at AS "dueAt" FROM claims c JOIN articles a ON a.id = c.article_id
       WHERE c.status = 'unverified' AND c.assignee_id IS NULL AND ($1::uuid[] IS NULL OR c.id = ANY($1::uuid[]))
         AND EXISTS (SELECT 1 FROM r WHERE r.free > 0 AND ${mayTake('r', 'c', 'a')})
       ORDER BY ${HANDED_OUT_FIRST}
       LIMIT (SELECT coalesce(sum(free), 0) FROM r)`,
      [among],
    );
  }

  /**
   * For each offer, the most check-worthy waiting claims its reviewer (if active) may take, as many as its free
   * capacity and the offer's slots; in one statement for many offers (a claim two of them reach, once). The reviewer's
   * row is read apart (`OFFSET 0`) and the limit is a value, not an expression of it, so that Postgres reads the
   * waiting claims in hand-out order from `IDX_claims_waiting` and stops at the first few; an offer of every free slot
   * (no `slots`) reads them all.
   */
  waitingWithinReachOf(offers: Offer[]): Promise<PendingClaim[]> {
    const slots = offers.map((o) => o.slots);
    const most = slots.includes(null) ? null : Math.max(...(slots as number[]));
    return this.dataSource.query(
      `SELECT DISTINCT ON (w.id) w.id, w.checkworthiness, w."dueAt"
       FROM unnest($1::uuid[], $2::int[]) AS o(reviewer_id, slots)
       CROSS JOIN LATERAL (
         SELECT c.id, c.checkworthiness, c.due_at AS "dueAt", r.capacity - r.open_claims AS free,
                row_number() OVER (ORDER BY ${HANDED_OUT_FIRST}) AS place
         FROM claims c JOIN articles a ON a.id = c.article_id,
              (SELECT * FROM reviewers WHERE id = o.reviewer_id AND active AND open_claims < capacity OFFSET 0) r
         WHERE ${mayTake('r', 'c', 'a')}
         ORDER BY ${HANDED_OUT_FIRST}
         LIMIT $3
       ) w
       WHERE w.place <= least(w.free, coalesce(o.slots, w.free))`,
      [offers.map((o) => o.reviewerId), slots, most],
    );
  }

  /** Locks the reviewer's row; every assignment takes this lock before it reads the reviewer's load. */
  async lockReviewer(
    em: EntityManager,
    reviewerId: string,
  ): Promise<{ active: boolean; capacity: number; canAct: boolean } | null> {
    const rows: { active: boolean; capacity: number; canAct: boolean }[] = await em.query(
      `SELECT r.active, r.capacity, ${canAct('r')} AS "canAct" FROM reviewers r WHERE r.id = $1 FOR UPDATE OF r`,
      [reviewerId],
    );
    return rows[0] ?? null;
  }

  /** Why each reviewer that gets no work gets none (reviewers absent: they can be given work). */
  async whyNoWork(): Promise<Map<string, NoWorkReason>> {
    const rows: { id: string; reason: NoWorkReason }[] = await this.dataSource.query(
      `SELECT r.id, CASE
         WHEN NOT r.active THEN 'inactive'
         WHEN NOT ${canAct('r')} THEN CASE
           WHEN EXISTS (SELECT 1 FROM users p WHERE p.reviewer_id = r.id AND p.active AND p.joined_at IS NULL) THEN 'invitation_pending'
           WHEN EXISTS (SELECT 1 FROM users p WHERE p.reviewer_id = r.id AND NOT p.active) THEN 'person_inactive'
           ELSE 'no_person_or_key' END
         WHEN r.open_claims >= r.capacity THEN 'at_capacity'
       END AS reason
       FROM reviewers r`,
    );
    return new Map(rows.filter((row) => row.reason !== null).map((row) => [row.id, row.reason]));
  }

  /**
   * How many claims wait that no reviewer anyone can act as may take (language, topics, hand-backs), however much
   * room reviewers have; counted up to `cap`, so a large backlog costs a bounded read.
   */
  async waitingBeyondEveryone(cap: number): Promise<number> {
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (
         SELECT 1 FROM claims c JOIN articles a ON a.id = c.article_id
         WHERE c.status = 'unverified' AND c.assignee_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM reviewers r WHERE ${mayTake('r', 'c', 'a')})
         LIMIT $1) beyond`,
      [cap],
    );
    return row.n;
  }
}
