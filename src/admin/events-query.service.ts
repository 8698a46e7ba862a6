import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, type Page } from '../common/pagination';
import type { ListEventsQuery } from './dto/list-events.query';

interface EventRow {
  kind: 'claim' | 'admin';
  rank: number;
  seq: string;
  id: string;
  created_key: string;
  created_at: Date;
  action: string;
  actor_key_id: string | null;
  actor_user_id: string | null;
  actor_user_name: string | null;
  actor_role: string;
  reviewer_id: string | null;
  claim_id: string | null;
  article_id: string | null;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  sources: unknown[] | null;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown> | null;
}

/** The two logs, each with its rank in the merged order (ties on created_at go claim events first). */
const SOURCES = [
  {
    rank: 0,
    select: `SELECT 'claim' AS kind, 0 AS rank, seq, id, created_at::text AS created_key, created_at, type AS action, actor_key_id, actor_role, actor_user_id,
      (SELECT name FROM users WHERE users.id = actor_user_id) AS actor_user_name,
      reviewer_id, claim_id, article_id, from_status, to_status, note, sources, NULL AS target_type, NULL::uuid AS target_id, NULL::jsonb AS details
      FROM claim_events`,
  },
  {
    rank: 1,
    select: `SELECT 'admin' AS kind, 1 AS rank, seq, id, created_at::text AS created_key, created_at, action, actor_key_id, actor_role, actor_user_id,
      (SELECT name FROM users WHERE users.id = actor_user_id) AS actor_user_name,
      NULL::uuid AS reviewer_id, NULL::uuid AS claim_id, NULL::uuid AS article_id, NULL AS from_status, NULL AS to_status, NULL AS note,
      NULL::jsonb AS sources, target_type, target_id, details
      FROM audit_events`,
  },
] as const;

/**
 * The audit log across claims and admin actions, oldest first from `since`. Each log is read by keyset on
 * (created_at, seq) — indexed, also per actor — and only a page of each is merged.
 */
@Injectable()
export class EventsQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListEventsQuery): Promise<Page<ReturnType<typeof toEventResponse>>> {
    const limit = query.limit ?? 100;
    const cursor = decodeCursor(query.cursor, ['timestamp', 'integer', 'integer']);
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const parts: string[] = [];
    for (const source of SOURCES) {
      if (query.claimId && source.rank !== 0) continue;
      const where: string[] = [];
      if (query.since) where.push(`created_at >= ${param(query.since)}`);
      if (query.actor) where.push(query.actor === 'system' ? 'actor_key_id IS NULL' : `actor_key_id = ${param(query.actor)}`);
      if (query.claimId) where.push(`claim_id = ${param(query.claimId)}`);
      if (cursor) {
        const [at, rank, seq] = cursor;
        const key = `CAST(${param(at)} AS timestamptz)`;
        if (source.rank < Number(rank)) where.push(`created_at > ${key}`);
        else if (source.rank > Number(rank)) where.push(`created_at >= ${key}`);
        else where.push(`(created_at, seq) > (${key}, CAST(${param(seq)} AS bigint))`);
      }
      parts.push(`(${source.select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, seq LIMIT ${limit + 1})`);
    }
    const rows: EventRow[] = await this.dataSource.query(`SELECT * FROM (${parts.join(' UNION ALL ')}) e ORDER BY created_at, rank, seq LIMIT ${limit + 1}`, params);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items: items.map(toEventResponse), nextCursor: rows.length > limit ? encodeCursor([last.created_key, last.rank, last.seq]) : null };
  }
}

function toEventResponse(row: EventRow) {
  const common = { id: row.id, kind: row.kind, action: row.action, actor: { keyId: row.actor_key_id, role: row.actor_role, person: row.actor_user_id ? { id: row.actor_user_id, name: row.actor_user_name } : null }, createdAt: row.created_at };
  if (row.kind === 'admin') return { ...common, target: { type: row.target_type, id: row.target_id }, details: row.details };
  return {
    ...common,
    claimId: row.claim_id,
    articleId: row.article_id,
    reviewerId: row.reviewer_id,
    fromStatus: row.from_status,
    toStatus: row.to_status,
    note: row.note,
    sources: row.sources,
  };
}
