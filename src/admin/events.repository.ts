import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One entry of the merged log; the fields of the other log are null. */
export interface LoggedEvent {
  kind: 'claim' | 'admin';
  /** The log's place in the merged order: ties on createdAt go claim events first. */
  rank: number;
  seq: string;
  id: string;
  /** createdAt as Postgres prints it, to the microsecond, for the cursor. */
  createdKey: string;
  createdAt: Date;
  action: string;
  actorKeyId: string | null;
  /** The person who acted, with their name, when a person did. */
  actorUserId: string | null;
  actorUserName: string | null;
  actorRole: string;
  reviewerId: string | null;
  claimId: string | null;
  articleId: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
  sources: unknown[] | null;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown> | null;
}

export interface EventFilter {
  since?: Date | string;
  /** A key id, or 'system' for what the service did itself. */
  actor?: string;
  /** The person who acted. */
  personId?: string;
  /** Only this claim's events (claim events only). */
  claimId?: string;
  /** The (createdKey, rank, seq) of the last event of the page before. */
  after: (string | number)[] | null;
  /** Rows to return, at most. */
  limit: number;
  /** The API reads the log oldest first (from `since`); the audit page shows the newest first. */
  newestFirst?: boolean;
}

const COLUMNS = `seq, id, created_at::text AS "createdKey", created_at AS "createdAt", actor_key_id AS "actorKeyId", actor_role AS "actorRole",
  actor_user_id AS "actorUserId", (SELECT name FROM users WHERE users.id = actor_user_id) AS "actorUserName"`;

/** The two logs, each with its rank in the merged order. */
const SOURCES = [
  {
    rank: 0,
    select: `SELECT 'claim' AS kind, 0 AS rank, ${COLUMNS}, type AS action,
      reviewer_id AS "reviewerId", claim_id AS "claimId", article_id AS "articleId", from_status AS "fromStatus", to_status AS "toStatus",
      note, sources, NULL AS "targetType", NULL::uuid AS "targetId", NULL::jsonb AS details
      FROM claim_events`,
  },
  {
    rank: 1,
    select: `SELECT 'admin' AS kind, 1 AS rank, ${COLUMNS}, action,
      NULL::uuid AS "reviewerId", NULL::uuid AS "claimId", NULL::uuid AS "articleId", NULL AS "fromStatus", NULL AS "toStatus", NULL AS note,
      NULL::jsonb AS sources, target_type AS "targetType", target_id AS "targetId", details
      FROM audit_events`,
  },
] as const;

/**
 * The audit log across `claim_events` and `audit_events`, oldest first (or newest first). Each log is read by keyset
 * on (created_at, seq) — indexed, also per actor — and only a page of each is merged.
 */
@Injectable()
export class EventsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  page(filter: EventFilter): Promise<LoggedEvent[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const parts: string[] = [];
    const [later, laterOrSame, order] = filter.newestFirst ? ['<', '<=', 'DESC'] : ['>', '>=', 'ASC'];
    for (const source of SOURCES) {
      if (filter.claimId && source.rank !== 0) continue;
      const where: string[] = [];
      if (filter.since) where.push(`created_at >= ${param(filter.since)}`);
      if (filter.actor)
        where.push(filter.actor === 'system' ? 'actor_key_id IS NULL' : `actor_key_id = ${param(filter.actor)}`);
      if (filter.personId) where.push(`actor_user_id = ${param(filter.personId)}`);
      if (filter.claimId) where.push(`claim_id = ${param(filter.claimId)}`);
      if (filter.after) {
        const [at, rank, seq] = filter.after;
        const key = `CAST(${param(at)} AS timestamptz)`;
        // "Later" in reading order: ties on created_at go by rank, then seq, in the same direction.
        const before = filter.newestFirst ? source.rank > Number(rank) : source.rank < Number(rank);
        if (source.rank === Number(rank))
          where.push(`(created_at, seq) ${later} (${key}, CAST(${param(seq)} AS bigint))`);
        else where.push(`created_at ${before ? later : laterOrSame} ${key}`);
      }
      parts.push(
        `(${source.select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at ${order}, seq ${order} LIMIT ${filter.limit})`,
      );
    }
    return this.dataSource.query(
      `SELECT * FROM (${parts.join(' UNION ALL ')}) e ORDER BY "createdAt" ${order}, rank ${order}, seq ${order} LIMIT ${filter.limit}`,
      params,
    );
  }
}
