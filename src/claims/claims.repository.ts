import type { ClaimantKind } from './claimant-kind';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ReadDatabase } from '../database/read-database';
import { decodeCursor, toPage, type Page } from '../common/pagination';
import { containsPattern, entityFromRow, preparedRows, returningRows } from '../database/sql';
import { ClaimEventEntity } from './claim-event.entity';
import type { ClaimExportDetails } from './claim-export';
import type { ClaimEventInput } from './claim-history';
import type { CallbackClaim, ClaimStatusChangedData } from './claim-callback';
import { publicBaseUrl } from './public-page';
import type { ClaimApproval, ClaimStatus, ClaimTier, ReviewStatus } from './claim-status';
import type { ClaimTextFilters } from './claim-text-filters';
import type { ClaimType, ExtractedEntity } from './claim-types';
import { storedStatement } from './claim-statement';
import { ClaimEntity } from './claim.entity';

/** A claim as the extractor (or an editor's span) gives it, before it has a row. */
export interface NewClaim {
  ordinal: number;
  text: string;
  /** The claim as stated on its own when it is more than its text (a shared subject carried in); null or absent: the text. */
  statement?: string | null;
  start: number;
  end: number;
  /** null: not known; the nearest claim before the span tells it. */
  sentenceIndex: number | null;
  checkworthiness: number;
  type: ClaimType;
  claimant: string | null;
  entities: ExtractedEntity[];
}

/** Where a kept claim sits in a new revision. */
export interface Placement {
  id: string;
  ordinal: number;
  start: number;
  end: number;
  sentenceIndex: number;
}

/** What an assignment job needs of a claim. */
export interface PendingClaim {
  id: string;
  checkworthiness: number;
  /** The claim's due date, when the read gives it: soonest due goes first (job-options.ts). */
  dueAt?: Date | null;
}

export interface CurrentClaim extends PendingClaim {
  text: string;
  status: ClaimStatus;
  assigneeId: string | null;
}

/** A claim whose lease lapsed, with the reviewer who held it. */
export interface ExpiredLease extends PendingClaim {
  articleId: string;
  reviewerId: string;
}

export interface ClaimFilter extends ClaimTextFilters {
  articleId?: string;
  status?: ClaimStatus;
  assigneeId?: string;
  /** true: past its due date without a verdict; false: any other claim. */
  overdue?: boolean;
  byScore: boolean;
}

/** Unverified, past its due date: what `overdue` means. */
const OVERDUE = `(c.status = 'unverified' AND c.due_at < now())`;

export type EventChange = Omit<ClaimEventInput, 'claimId' | 'articleId'>;

/** An extracted claim or candidate as it is written: `tier` says which. */
type ExtractedRow = NewClaim & { tier: ClaimTier };
type InsertedClaim = PendingClaim & { status: ClaimStatus };
/** What `record_first_extraction` answers, read from its JSON. */
interface FirstExtraction {
  claims: InsertedClaim[];
  deliveries: { id: string; nextAttemptAt: string }[];
}

/** The parameters of `insert_extracted_claims` after the article and revision: one array a column. */
function extractedColumns(claims: ExtractedRow[]): unknown[] {
  return [
    ...columns(claims, ['ordinal', 'text', 'start', 'end', 'sentenceIndex', 'checkworthiness', 'type', 'claimant']),
    claims.map((c) => JSON.stringify(c.entities)),
    claims.map((c) => (c.tier === 'candidate' ? 'candidate' : 'unverified')),
    claims.map((c) => storedStatement(c)),
  ];
}

/** Rows per INSERT of extracted claims: each statement's parameters are built on the event loop. */
const INSERT_BATCH = 1000;

/** A reviewer's open claims in the order it works them: soonest due (none last), then most check-worthy. */
const HELD_ORDER = 'due_at ASC NULLS LAST, checkworthiness DESC, id ASC';

/** Gives the claim `target` names (SQL) to reviewer `$1` with a lease of `$2` seconds. */
function assignment(target: string): string {
  return `UPDATE claims SET assignee_id = $1, assigned_at = now(), lease_expires_at = now() + make_interval(secs => $2), updated_at = now()
          WHERE id = ${target}`;
}

/** The one way a claim's version moves: by one with every status change (moves name the version they saw). */
const NEXT_VERSION = 'version = claims.version + 1';
/** The predicate of `IDX_claims_archive_pending`, written as the index has it so that Postgres uses the index. */
const ARCHIVE_PENDING = `CASE WHEN status IN ('sourced', 'disputed') AND approval IS DISTINCT FROM 'pending'
  THEN archived_version IS DISTINCT FROM version ELSE archived_version IS NOT NULL END`;

/** The reviewer an event concerns: the one named, else the actor's own. */
function reviewerOf(event: Pick<ClaimEventInput, 'reviewerId' | 'actor'>): string | null {
  return event.reviewerId !== undefined ? event.reviewerId : event.actor.reviewerId;
}

function columns<T, K extends keyof T>(rows: T[], keys: K[]): T[K][][] {
  return keys.map((key) => rows.map((row) => row[key]));
}

/**
 * Every statement on `claims` and `claim_events` (one aggregate: a claim and its history). Methods that take an
 * `EntityManager` run in the caller's transaction.
 */
@Injectable()
export class ClaimsRepository {
  /** The claim entity's columns, quoted and listed, as the prepared statements name them. */
  private columnList: string | undefined;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: ReadDatabase,
  ) {}

  /** The claim, if `owner` (null: any) may see it. */
  findVisible(owner: string | null, id: string): Promise<ClaimEntity | null> {
    return this.visible(owner).andWhere('c.id = :id', { id }).getOne();
  }

  /** Keyset pagination: newest first, or most check-worthy first. */
  async listVisible(
    owner: string | null,
    filter: ClaimFilter,
    page: { cursor?: string; limit: number },
  ): Promise<Page<ClaimEntity>> {
    const { byScore } = filter;
    const qb = this.visible(owner, this.reads.dataSource).addSelect(
      byScore ? 'c.checkworthiness::text' : 'c.created_at::text',
      'cursor_key',
    );
    if (filter.articleId) qb.andWhere('c.article_id = :articleId', { articleId: filter.articleId });
    // Candidates are listed only when asked for by name: they are not claims to review yet.
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    else qb.andWhere(`c.status <> 'candidate'`);
    if (filter.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: filter.assigneeId });
    if (filter.text)
      // Not `:text`: TypeORM would also fill it into the `::text` cast above.
      qb.andWhere(`to_tsvector('english', c.text) @@ websearch_to_tsquery('english', :words)`, { words: filter.text });
    if (filter.claimant) qb.andWhere('c.claimant ILIKE :claimant', { claimant: containsPattern(filter.claimant) });
    if (filter.tag) qb.andWhere('c.tags @> ARRAY[:tag]::text[]', { tag: filter.tag });
    if (filter.overdue !== undefined) qb.andWhere(filter.overdue ? OVERDUE : `NOT ${OVERDUE}`);
    if (filter.from) qb.andWhere('c.created_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('c.created_at < :to', { to: filter.to });
    const cursor = decodeCursor(page.cursor, [byScore ? 'real' : 'timestamp', 'uuid']);
    const sortColumn = byScore ? 'c.checkworthiness' : 'c.created_at';
    const sortType = byScore ? 'real' : 'timestamptz';
    if (cursor)
      qb.andWhere(`(${sortColumn}, c.id) < (CAST(:key AS ${sortType}), CAST(:after AS uuid))`, {
        key: cursor[0],
        after: cursor[1],
      });
    qb.orderBy(sortColumn, 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(page.limit + 1);
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_key: string }>();
    const keys = new Map(entities.map((claim, i) => [claim.id, raw[i].cursor_key]));
    return toPage(entities, page.limit, (claim) => [keys.get(claim.id)!, claim.id]);
  }

  /**
   * Whether the text holds a word the text-search indexes can look up: not only stop words, not only words to leave
   * out (`-word`), which would scan and rank every row.
   */
  async hasIndexedTerm(text: string): Promise<boolean> {
    const [{ tree }]: { tree: string }[] = await this.reads.dataSource.query(
      `SELECT querytree(websearch_to_tsquery('english', $1)) AS tree`,
      [text],
    );
    return tree !== '' && tree !== 'T';
  }

  /** What an export adds to each claim: its article's title and URL, its verdict's reviewer, time and sources. */
  async exportDetails(claimIds: string[]): Promise<Map<string, ClaimExportDetails>> {
    const rows: (ClaimExportDetails & { id: string })[] = await this.reads.dataSource.query(
      `SELECT c.id, a.title AS "articleTitle", a.url AS "articleUrl", r.name AS reviewer,
              v.created_at AS "verdictAt", v.sources
       FROM claims c
       JOIN articles a ON a.id = c.article_id
       LEFT JOIN reviewers r ON r.id = c.last_verdict_reviewer_id
       LEFT JOIN LATERAL (
         SELECT e.created_at, e.sources FROM claim_events e
         WHERE e.claim_id = c.id AND e.type = 'transition' AND e.to_status = c.status
         ORDER BY e.seq DESC LIMIT 1
       ) v ON c.status IN ('sourced', 'disputed')
       WHERE c.id = ANY($1::uuid[])`,
      [claimIds],
    );
    return new Map(rows.map(({ id, ...details }) => [id, details]));
  }

  /** A claim's history, oldest first. */
  async eventsPage(claimId: string, page: { cursor?: string; limit: number }): Promise<Page<ClaimEventEntity>> {
    const cursor = decodeCursor(page.cursor, ['int8']);
    const qb = this.reads.dataSource
      .getRepository(ClaimEventEntity)
      .createQueryBuilder('e')
      .where('e.claim_id = :claimId', { claimId })
      .orderBy('e.seq', 'ASC')
      .limit(page.limit + 1);
    if (cursor) qb.andWhere('e.seq > CAST(:after AS bigint)', { after: cursor[0] });
    return toPage(await qb.getMany(), page.limit, (e) => [e.seq]);
  }

  /** A page of the article's claims, candidates, or both: current ones in text order, withdrawn ones after them. */
  async pageOfArticle(
    articleId: string,
    tier: ClaimTier | 'both',
    page: { cursor?: string; limit: number },
  ): Promise<Page<ClaimEntity>> {
    const qb = this.reads.dataSource
      .getRepository(ClaimEntity)
      .createQueryBuilder('c')
      .where('c.article_id = :articleId', { articleId });
    if (tier !== 'both') qb.andWhere(`(c.status = 'candidate') = :candidates`, { candidates: tier === 'candidate' });
    qb.orderBy(`(c.status = 'withdrawn')::int`, 'ASC')
      .addOrderBy('c.start', 'ASC')
      .addOrderBy('c.ordinal', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(page.limit + 1);
    const cursor = decodeCursor(page.cursor, ['int4', 'int4', 'int4', 'uuid']);
    if (cursor) {
      qb.andWhere(
        `((c.status = 'withdrawn')::int, c.start, c.ordinal, c.id) > (CAST(:withdrawn AS int), CAST(:start AS int), CAST(:ordinal AS int), CAST(:after AS uuid))`,
        {
          withdrawn: cursor[0],
          start: cursor[1],
          ordinal: cursor[2],
          after: cursor[3],
        },
      );
    }
    return toPage(await qb.getMany(), page.limit, (c) => [c.status === 'withdrawn' ? 1 : 0, c.start, c.ordinal, c.id]);
  }

  /** Every claim of the article in one of these statuses, in text order. */
  ofArticleInStatus(articleId: string, statuses: ClaimStatus[]): Promise<ClaimEntity[]> {
    return this.dataSource
      .getRepository(ClaimEntity)
      .createQueryBuilder('c')
      .where('c.article_id = :articleId AND c.status IN (:...statuses)', { articleId, statuses })
      .orderBy('c.start', 'ASC')
      .addOrderBy('c.ordinal', 'ASC')
      .getMany();
  }

  /**
   * Claims per review status, and how many of each status's verdicts wait for approval; candidates are not claims yet
   * and are not counted.
   */
  countsByStatus(
    articleIds: string[],
  ): Promise<{ articleId: string; status: ReviewStatus; count: number; pending: number }[]> {
    return this.dataSource.query(
      `SELECT article_id AS "articleId", status, count(*)::int AS count, (count(*) FILTER (WHERE approval = 'pending'))::int AS pending
       FROM claims WHERE article_id = ANY($1) AND status <> 'candidate' GROUP BY article_id, status`,
      [articleIds],
    );
  }

  /** A reviewer's open claims, soonest due first (those without a due date last), then most check-worthy. */
  heldBy(reviewerId: string): Promise<ClaimEntity[]> {
    return this.preparedClaims(
      this.dataSource.manager,
      (columns) => `SELECT ${columns} FROM claims WHERE assignee_id = $1 ORDER BY ${HELD_ORDER}`,
      [reviewerId],
    );
  }

  /** Tags on the claims `owner` (null: any) may see, with how many claims (not candidates) carry each; most used first. */
  tagCounts(owner: string | null, prefix: string | null, limit: number): Promise<{ tag: string; count: number }[]> {
    return this.reads.dataSource.query(
      `SELECT t.tag, count(*)::int AS count
       FROM claims c ${owner ? 'JOIN articles a ON a.id = c.article_id AND a.owner_id = $3' : ''}, unnest(c.tags) AS t(tag)
       WHERE c.status <> 'candidate' AND cardinality(c.tags) > 0 AND ($1::text IS NULL OR starts_with(t.tag, $1))
       GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT $2`,
      owner ? [prefix, limit, owner] : [prefix, limit],
    );
  }

  /** The claim's tags as given, with their history row, in one statement. */
  setTags(em: EntityManager, claimId: string, tags: string[], event: EventChange): Promise<ClaimEntity | null> {
    return this.updateWithEvent(
      em,
      { sql: `UPDATE claims SET tags = $2::text[], updated_at = now() WHERE id = $1`, params: [claimId, tags] },
      event,
    );
  }

  /**
   * Marks open, assigned claims due within `withinMs` (or overdue) whose due-soon notice has not gone out, up to
   * `limit`, and returns them: the caller publishes the notice in the same transaction, so it goes out once.
   */
  markDueSoon(em: EntityManager, withinMs: number, limit: number): Promise<ClaimEntity[]> {
    return returningRows<Record<string, unknown>>(
      em,
      `UPDATE claims SET due_soon_at = now()
       WHERE id IN (SELECT id FROM claims
                    WHERE status = 'unverified' AND due_at IS NOT NULL AND due_at <= now() + make_interval(secs => $1::int / 1000.0)
                      AND assignee_id IS NOT NULL AND due_soon_at IS NULL
                    ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [withinMs, limit],
    ).then((rows) => rows.map((row) => entityFromRow(em, ClaimEntity, row)));
  }

  /** Held claims whose lease ends within `withinMs`, by id after `after`. */
  leasesDueWithin(
    withinMs: number,
    after: string | null,
    limit: number,
  ): Promise<{ claimId: string; leaseExpiresAt: Date }[]> {
    return this.dataSource.query(
      `SELECT id AS "claimId", lease_expires_at AS "leaseExpiresAt" FROM claims
       WHERE assignee_id IS NOT NULL AND lease_expires_at <= now() + make_interval(secs => $2::int / 1000.0) AND ($1::uuid IS NULL OR id > $1::uuid)
       ORDER BY id LIMIT ${limit}`,
      [after, withinMs],
    );
  }

  /** Claims (not candidates: they are matched once promoted) never matched to fact-checks, created more than `olderThanMs` ago, by id after `after`. */
  unmatchedOlderThan(olderThanMs: number, after: string | null, limit: number): Promise<{ id: string }[]> {
    return this.dataSource.query(
      `SELECT id FROM claims
       WHERE matched_at IS NULL AND status <> 'candidate' AND created_at < now() - make_interval(secs => $2::int / 1000.0) AND ($1::uuid IS NULL OR id > $1::uuid)
       ORDER BY id LIMIT ${limit}`,
      [after, olderThanMs],
    );
  }

  /**
   * Claims whose entry in the desk's archive lags them: a published verdict the archive does not hold at its version,
   * or a claim no longer one whose entry is still there (`IDX_claims_archive_pending`).
   */
  archivePending(after: string | null, limit: number): Promise<{ id: string; version: number }[]> {
    return this.dataSource.query(
      `SELECT id, version FROM claims WHERE ${ARCHIVE_PENDING} AND ($1::uuid IS NULL OR id > $1::uuid) ORDER BY id LIMIT ${limit}`,
      [after],
    );
  }

  /** What the archive now holds of the claim: its verdict at `version`, or nothing (null). */
  async markArchived(em: EntityManager, id: string, version: number | null): Promise<void> {
    await em.query(`UPDATE claims SET archived_version = $2 WHERE id = $1`, [id, version]);
  }

  /** Stamps the claim as matched (the reconciler re-sends claims never matched); the row lock holds off a concurrent match. */
  async markMatched(em: EntityManager, ids: string[]): Promise<void> {
    await em.query(`UPDATE claims SET matched_at = now() WHERE id = ANY($1)`, [ids]);
  }

  async lockById(em: EntityManager, id: string): Promise<ClaimEntity | null> {
    const [row] = await em.query(`SELECT * FROM claims WHERE id = $1 FOR UPDATE`, [id]);
    return row ? entityFromRow(em, ClaimEntity, row) : null;
  }

  /** An editor's correction of the claimant; not a move, so the claim's version (what reviewers hold) stays. */
  async setClaimant(
    em: EntityManager,
    id: string,
    claimant: string | null,
    kind: ClaimantKind | null,
  ): Promise<ClaimEntity> {
    const [[row]] = await em.query(
      `UPDATE claims SET claimant = $2, claimant_kind = $3, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, claimant, kind],
    );
    return entityFromRow(em, ClaimEntity, row);
  }

  /** The claim as it is now, without a lock (a move in one call checks it is unchanged). */
  async readById(em: EntityManager, id: string): Promise<ClaimEntity | null> {
    const [claim] = await this.preparedClaims(em, (columns) => `SELECT ${columns} FROM claims WHERE id = $1`, [id]);
    return claim ?? null;
  }

  /** Locks the claim while it waits for a reviewer (unverified, unassigned). */
  async lockPending(em: EntityManager, id: string): Promise<ClaimEntity | null> {
    const [row] = await em.query(
      `SELECT * FROM claims WHERE id = $1 AND status = 'unverified' AND assignee_id IS NULL FOR UPDATE`,
      [id],
    );
    return row ? entityFromRow(em, ClaimEntity, row) : null;
  }

  findById(em: EntityManager, id: string): Promise<ClaimEntity> {
    return em.findOneByOrFail(ClaimEntity, { id });
  }

  lastEvent(em: EntityManager, claimId: string): Promise<ClaimEventEntity> {
    return em.findOneOrFail(ClaimEventEntity, { where: { claimId }, order: { seq: 'DESC' } });
  }

  lastTransition(em: EntityManager, claimId: string): Promise<ClaimEventEntity | null> {
    return em.findOne(ClaimEventEntity, { where: { claimId, type: 'transition' }, order: { seq: 'DESC' } });
  }

  /** Appends to claims' history; call inside the transaction that makes the change. */
  async appendEvents(em: EntityManager, events: ClaimEventInput[]): Promise<void> {
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
        rating: e.rating ?? null,
      })),
    );
  }

  /**
   * The move in one call of `move_claim_as_read` (src/database/functions has the SQL): made only if the claim is still
   * as `read` (version, status, assignee, last verdict's reviewer), with its history row, the callback it owes (none
   * when `change.callback` is null: an unpublished verdict) and, when `change.mayCompleteArticle`, `article.reviewed`
   * if it settled the article's last open item. It commits as one statement; null: the claim changed (or went) since
   * it was read.
   */
  async moveAsRead(
    em: EntityManager,
    read: ClaimEntity,
    change: {
      to: ClaimStatus;
      isVerdict: boolean;
      reviewerId: string | null;
      rating: string | null;
      publicNote: string | null;
      approval: ClaimApproval | null;
      /** The public page a published verdict gets (kept if the claim has one); null: not published by this move. */
      publishedSlug: string | null;
      callback: ClaimStatusChangedData | null;
      /** The move may settle the article's last open item: `article.reviewed` is checked. */
      mayCompleteArticle: boolean;
    },
    event: EventChange,
  ): Promise<{ claim: ClaimEntity; dueCallbacks: { id: string; nextAttemptAt: Date }[] } | null> {
    const rows: (Record<string, unknown> & { due_callbacks: { id: string; nextAttemptAt: string }[] })[] =
      await em.query(
        `SELECT (m.claim).*, m.due_callbacks FROM move_claim_as_read($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21) m`,
        [
          read.id,
          read.version,
          read.status,
          read.assigneeId,
          read.lastVerdictReviewerId,
          change.to,
          change.isVerdict,
          change.reviewerId,
          event.actor.keyId,
          event.actor.userId ?? null,
          event.actor.role,
          reviewerOf(event),
          event.note ?? null,
          JSON.stringify(event.sources ?? []),
          change.rating,
          change.approval,
          change.callback && JSON.stringify(change.callback),
          change.publicNote,
          change.publishedSlug,
          publicBaseUrl(),
          change.mayCompleteArticle,
        ],
      );
    if (!rows[0]) return null;
    const dueCallbacks = rows[0].due_callbacks.map((due) => ({
      id: due.id,
      nextAttemptAt: new Date(due.nextAttemptAt),
    }));
    return { claim: entityFromRow(em, ClaimEntity, rows[0]), dueCallbacks };
  }

  /**
   * An undone verdict: unverified again, with no verdict's reviewer, rating or approval; back with the reviewer who
   * gave it, under a fresh lease, only while that reviewer (active, row locked like every assignment's) has room, else
   * in the pool, unassigned.
   */
  async undoVerdict(
    em: EntityManager,
    change: { id: string; reviewerId: string; leaseSeconds: number },
    event: EventChange,
  ): Promise<ClaimEntity> {
    const undone = await this.updateWithEvent(
      em,
      {
        sql: `WITH room AS (SELECT id FROM reviewers WHERE id = $2 AND active AND open_claims < capacity FOR UPDATE)
              UPDATE claims SET status = 'unverified', ${NEXT_VERSION}, updated_at = now(), assignee_id = (SELECT id FROM room),
                assigned_at = CASE WHEN EXISTS (SELECT 1 FROM room) THEN now() END,
                lease_expires_at = CASE WHEN EXISTS (SELECT 1 FROM room) THEN now() + make_interval(secs => $3) END,
                last_verdict_reviewer_id = NULL, rating = NULL, public_note = NULL, approval = NULL
              WHERE id = $1`,
        params: [change.id, change.reviewerId, change.leaseSeconds],
      },
      event,
    );
    return undone!;
  }

  /** The pending verdict approved and published: its public page is `slug` unless the claim has one already. */
  async approveVerdict(em: EntityManager, claimId: string, slug: string, event: EventChange): Promise<ClaimEntity> {
    const approved = await this.updateWithEvent(
      em,
      {
        sql: `UPDATE claims SET approval = 'approved', ${NEXT_VERSION}, updated_at = now(),
                public_slug = coalesce(public_slug, $2), published_at = coalesce(published_at, now())
              WHERE id = $1 AND approval = 'pending'`,
        params: [claimId, slug],
      },
      event,
    );
    return approved!;
  }

  /**
   * A pending verdict returned: unverified again, unassigned, without its rating, approval or verdict's reviewer
   * (assignment gives it back to that reviewer where the rules let it).
   */
  async returnVerdict(em: EntityManager, claimId: string, event: EventChange): Promise<ClaimEntity> {
    const returned = await this.updateWithEvent(
      em,
      {
        sql: `UPDATE claims SET status = 'unverified', ${NEXT_VERSION}, updated_at = now(), assignee_id = NULL,
                assigned_at = NULL, lease_expires_at = NULL, last_verdict_reviewer_id = NULL, rating = NULL, public_note = NULL, approval = NULL
              WHERE id = $1 AND approval = 'pending'`,
        params: [claimId],
      },
      event,
    );
    return returned!;
  }

  /**
   * Verdicts waiting for a second opinion that `viewer` may give: not their own (by reviewer profile or person), most
   * check-worthy first.
   */
  async pendingApprovalsFor(
    viewer: { reviewerId: string | null; userId: string | null; keyId: string | null },
    page: { cursor?: string; limit: number },
  ): Promise<Page<ClaimEntity>> {
    const cursor = decodeCursor(page.cursor, ['real', 'uuid']);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT c.*, c.checkworthiness::text AS cursor_key FROM claims c
       LEFT JOIN LATERAL (SELECT e.actor_user_id, e.actor_key_id, e.reviewer_id FROM claim_events e
                          WHERE e.claim_id = c.id AND e.type = 'transition' ORDER BY e.seq DESC LIMIT 1) v ON true
       WHERE c.approval = 'pending'
         AND c.last_verdict_reviewer_id IS DISTINCT FROM $1::uuid AND v.reviewer_id IS DISTINCT FROM $1::uuid
         AND ($2::uuid IS NULL OR v.actor_user_id IS DISTINCT FROM $2::uuid)
         AND ($2::uuid IS NOT NULL OR v.actor_key_id IS DISTINCT FROM $3::uuid)
         AND ($4::real IS NULL OR (c.checkworthiness, c.id) < ($4::real, $5::uuid))
       ORDER BY c.checkworthiness DESC, c.id DESC LIMIT ${page.limit + 1}`,
      [viewer.reviewerId, viewer.userId, viewer.keyId, cursor?.[0] ?? null, cursor?.[1] ?? null],
    );
    const keys = new Map(rows.map((row) => [row.id as string, row.cursor_key as string]));
    const claims = rows.map((row) => entityFromRow(this.dataSource.manager, ClaimEntity, row));
    return toPage(claims, page.limit, (claim) => [keys.get(claim.id)!, claim.id]);
  }

  /** Gives the claim to the reviewer with a lease (the `claims` trigger counts it in `open_claims` and stamps `last_assigned_at`). */
  async assign(
    em: EntityManager,
    change: { claimId: string; reviewerId: string; leaseSeconds: number },
    event: EventChange,
  ): Promise<ClaimEntity> {
    return (await this.assignWhere(em, '$3::uuid', [change.reviewerId, change.leaseSeconds, change.claimId], event))!;
  }

  /**
   * The pull in one statement: gives the reviewer the claim that `next` (SQL naming one claim's id, or none, from the
   * reviewer as `$1`) picks, with its lease and history row; null when it picks none.
   */
  assignNext(
    em: EntityManager,
    change: { next: string; reviewerId: string; leaseSeconds: number },
    event: EventChange,
  ): Promise<ClaimEntity | null> {
    return this.assignWhere(em, change.next, [change.reviewerId, change.leaseSeconds], event);
  }

  /**
   * What a reviewer works on next, in one statement: the first unverified claim it holds other than `leaving` (in
   * `heldBy`'s order), else the claim `next` picks, given to it as `assignNext` does (`pulled`). Null: neither.
   */
  async heldOrAssignNext(
    em: EntityManager,
    change: { next: string; reviewerId: string; leaseSeconds: number; leaving: string | null },
    event: EventChange,
  ): Promise<{ claim: ClaimEntity; pulled: boolean } | null> {
    // `next` (an InitPlan inside the CASE) runs, locking its reviewer and claim, only when nothing is held.
    const [row] = await this.rowsUpdatedWithEvent(
      em,
      {
        sql: assignment(`CASE WHEN EXISTS (SELECT FROM held) THEN NULL ELSE ${change.next} END`),
        params: [change.reviewerId, change.leaseSeconds, change.leaving],
      },
      event,
      {
        // The reviewer's few claims are read by assignee alone (`OFFSET 0`), so no plan scans every unverified claim.
        before: (columns) => `held AS (
          SELECT * FROM (SELECT ${columns} FROM claims WHERE assignee_id = $1 OFFSET 0) mine
          WHERE status = 'unverified' AND ($3::uuid IS NULL OR id <> $3::uuid)
          ORDER BY ${HELD_ORDER} LIMIT 1),`,
        select: `SELECT *, false AS pulled FROM held UNION ALL SELECT *, true AS pulled FROM claim`,
      },
    );
    return row ? { claim: entityFromRow(em, ClaimEntity, row), pulled: row.pulled === true } : null;
  }

  async clearAssignment(em: EntityManager, claimId: string, event: EventChange): Promise<ClaimEntity> {
    const cleared = await this.updateWithEvent(
      em,
      {
        sql: `UPDATE claims SET assignee_id = NULL, assigned_at = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`,
        params: [claimId],
      },
      event,
    );
    return cleared!;
  }

  /** Locks the claims a reviewer holds. */
  lockHeldBy(em: EntityManager, reviewerId: string): Promise<PendingClaim[]> {
    return em.query(`SELECT c.id, c.checkworthiness FROM claims c WHERE c.assignee_id = $1 FOR UPDATE`, [reviewerId]);
  }

  /** Returns expired leases (of these claims, or all) to the pool, skipping claims another transaction holds. */
  expireLeases(em: EntityManager, claimIds?: string[]): Promise<ExpiredLease[]> {
    return returningRows(
      em,
      `UPDATE claims c SET assignee_id = NULL, assigned_at = NULL, lease_expires_at = NULL, updated_at = now()
       FROM (SELECT id, assignee_id FROM claims WHERE assignee_id IS NOT NULL AND lease_expires_at <= now()
             ${claimIds ? 'AND id = ANY($1)' : ''} FOR UPDATE SKIP LOCKED) old
       WHERE c.id = old.id
       RETURNING c.id, c.article_id AS "articleId", old.assignee_id AS "reviewerId", c.checkworthiness`,
      claimIds ? [claimIds] : [],
    );
  }

  /** The article's claims as a new revision is matched against them. */
  currentOfArticle(em: EntityManager, articleId: string): Promise<CurrentClaim[]> {
    return em.query(
      `SELECT id, text, status, assignee_id AS "assigneeId", checkworthiness FROM claims WHERE article_id = $1`,
      [articleId],
    );
  }

  /**
   * One multi-row INSERT per article, or per batch of a long one (`insert_extracted_claims`); a candidate's row has
   * that status, a claim's is unverified and gets its `created` history row in the same statement.
   */
  async insertExtracted(
    em: EntityManager,
    articleId: string,
    revision: number,
    claims: ExtractedRow[],
  ): Promise<InsertedClaim[]> {
    const inserted: InsertedClaim[] = [];
    for (let i = 0; i < claims.length; i += INSERT_BATCH) {
      inserted.push(
        ...(await em.query(
          `SELECT id, checkworthiness, status FROM insert_extracted_claims($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
          [articleId, revision, ...extractedColumns(claims.slice(i, i + INSERT_BATCH))],
        )),
      );
    }
    return inserted;
  }

  /**
   * An article's first extraction in one call (`record_first_extraction`): the revision marked extracted, its claims
   * and history, its `article.extracted` callbacks. Null when the article has claims already, when the revision is no
   * longer the one to extract, or when there are more claims than one statement takes: the caller plans the revision.
   */
  async recordFirstExtraction(
    em: EntityManager,
    articleId: string,
    revision: number,
    claims: ExtractedRow[],
    timestamp: string,
  ): Promise<{ claims: InsertedClaim[]; deliveries: { id: string; nextAttemptAt: Date }[] } | null> {
    if (claims.length > INSERT_BATCH) return null;
    const [row]: { written: FirstExtraction | null }[] = await em.query(
      `SELECT record_first_extraction($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) AS written`,
      [articleId, revision, ...extractedColumns(claims), timestamp, publicBaseUrl()],
    );
    if (!row.written) return null;
    return {
      claims: row.written.claims,
      deliveries: row.written.deliveries.map((d) => ({ id: d.id, nextAttemptAt: new Date(d.nextAttemptAt) })),
    };
  }

  /** Kept claims move to the revision, at their new places. */
  async place(em: EntityManager, revision: number, placements: Placement[]): Promise<void> {
    if (placements.length === 0) return;
    await em.query(
      `UPDATE claims c SET revision = $2, ordinal = k.ordinal, start = k.start, "end" = k.end, sentence_index = k.sentence_index, updated_at = now()
       FROM unnest($1::uuid[], $3::int[], $4::int[], $5::int[], $6::int[]) AS k(id, ordinal, start, "end", sentence_index)
       WHERE c.id = k.id`,
      [placements.map((p) => p.id), revision, ...columns(placements, ['ordinal', 'start', 'end', 'sentenceIndex'])],
    );
  }

  /** Withdraws the claims (their verdicts no longer stand); returns each as its callback reads it, with the status (`from`) and reviewer it had. */
  withdraw(
    em: EntityManager,
    ids: string[],
  ): Promise<(CallbackClaim & { from: ClaimStatus; assigneeId: string | null; version: number })[]> {
    return returningRows(
      em,
      `UPDATE claims SET status = 'withdrawn', ${NEXT_VERSION}, assignee_id = NULL, assigned_at = NULL, lease_expires_at = NULL,
         rating = NULL, public_note = NULL, approval = NULL, updated_at = now()
       FROM claims old WHERE claims.id = old.id AND claims.id = ANY($1)
       RETURNING claims.id, claims.text, claims.statement, claims.claimant, claims.status, claims.version, claims.rating, claims.public_note AS "publicNote",
         claims.public_slug AS "publicSlug", claims.approval, old.status AS "from", old.assignee_id AS "assigneeId"`,
      [ids],
    );
  }

  /** Removes candidates whose text a revision no longer has: they were never claims, so nothing is withdrawn or told. */
  async dropCandidates(em: EntityManager, ids: string[]): Promise<void> {
    if (ids.length > 0) await em.query(`DELETE FROM claims WHERE id = ANY($1) AND status = 'candidate'`, [ids]);
  }

  /** A claim of the article, not withdrawn, at exactly this span. */
  /** The claim or candidate (not withdrawn) at exactly this span. */
  async liveAtSpan(
    em: EntityManager,
    articleId: string,
    start: number,
    end: number,
  ): Promise<{ id: string; status: ClaimStatus } | null> {
    const rows: { id: string; status: ClaimStatus }[] = await em.query(
      `SELECT id, status FROM claims WHERE article_id = $1 AND start = $2 AND "end" = $3 AND status <> 'withdrawn'`,
      [articleId, start, end],
    );
    return rows[0] ?? null;
  }

  async nextOrdinal(em: EntityManager, articleId: string, revision: number): Promise<number> {
    const [{ ordinal }] = await em.query(
      `SELECT coalesce(max(ordinal), -1) + 1 AS ordinal FROM claims WHERE article_id = $1 AND revision = $2`,
      [articleId, revision],
    );
    return ordinal;
  }

  /** One claim; where its sentence is not known, the nearest claim before the span tells it. Returns its id. */
  async insertOne(em: EntityManager, articleId: string, revision: number, claim: NewClaim): Promise<string> {
    const [inserted]: { id: string }[] = await em.query(
      `INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type, claimant, entities)
       VALUES ($1, $2, $3, $4, $5, $6,
               coalesce($7::int, (SELECT sentence_index FROM claims WHERE article_id = $1 AND start <= $5 ORDER BY start DESC LIMIT 1), 0),
               $8, $9, $10, $11) RETURNING id`,
      [
        articleId,
        revision,
        claim.ordinal,
        claim.text,
        claim.start,
        claim.end,
        claim.sentenceIndex,
        claim.checkworthiness,
        claim.type,
        claim.claimant,
        JSON.stringify(claim.entities),
      ],
    );
    return inserted.id;
  }

  private assignWhere(
    em: EntityManager,
    target: string,
    params: [string, number, ...unknown[]],
    event: EventChange,
  ): Promise<ClaimEntity | null> {
    return this.updateWithEvent(em, { sql: assignment(target), params }, event);
  }

  /**
   * Changes one claim and appends its history row in a single statement (a round trip saved on the hot paths:
   * pull, assignment, verdicts). `update.sql` is an `UPDATE claims … WHERE …` using $1…$n; returns the claim as changed.
   */
  private async updateWithEvent(
    em: EntityManager,
    update: { sql: string; params: unknown[] },
    event: EventChange,
  ): Promise<ClaimEntity | null> {
    const [row] = await this.rowsUpdatedWithEvent(em, update, event);
    return row ? entityFromRow(em, ClaimEntity, row) : null;
  }

  /**
   * `updateWithEvent`'s statement, with CTEs `around.before` puts ahead of it (ending in a comma) and another final
   * `SELECT` than the changed claim's, as raw rows.
   */
  private rowsUpdatedWithEvent(
    em: EntityManager,
    update: { sql: string; params: unknown[] },
    event: EventChange,
    around: { before: (columns: string) => string; select: string } = {
      before: () => '',
      select: 'SELECT * FROM claim',
    },
  ): Promise<Record<string, unknown>[]> {
    const n = update.params.length;
    const columns = this.claimColumns(em);
    return preparedRows<Record<string, unknown>>(
      em,
      `WITH ${around.before(columns)} claim AS (${update.sql} RETURNING ${columns}),
            event AS (
              INSERT INTO claim_events (claim_id, article_id, type, from_status, to_status, actor_key_id, actor_role, reviewer_id, note, sources, actor_user_id, rating)
              SELECT id, article_id, $${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}, $${n + 7}, $${n + 8}, $${n + 9}, $${n + 10} FROM claim)
       ${around.select}`,
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
        event.rating ?? null,
      ],
    );
  }

  /**
   * Whole claims from a prepared statement (`preparedRows`), which names the claim entity's columns where `sql` puts
   * them: named, not `*`, so a migration adding a column leaves the prepared plan running.
   */
  private async preparedClaims(
    em: EntityManager,
    sql: (columns: string) => string,
    values: unknown[],
  ): Promise<ClaimEntity[]> {
    const rows = await preparedRows<Record<string, unknown>>(em, sql(this.claimColumns(em)), values);
    return rows.map((row) => entityFromRow(em, ClaimEntity, row));
  }

  /** The claim entity's columns, named (not `*`, so a migration adding a column leaves prepared plans running). */
  private claimColumns(em: EntityManager): string {
    return (this.columnList ??= em.connection
      .getMetadata(ClaimEntity)
      .columns.map((column) => `"${column.databaseName}"`)
      .join(', '));
  }

  /** `from`: the listings read the replica (`ReadDatabase`); single rows, read after writes, the primary. */
  private visible(owner: string | null, from: DataSource = this.dataSource): SelectQueryBuilder<ClaimEntity> {
    const qb = from.getRepository(ClaimEntity).createQueryBuilder('c');
    if (owner) qb.innerJoin('articles', 'a', 'a.id = c.article_id AND a.owner_id = :owner', { owner });
    return qb;
  }
}
