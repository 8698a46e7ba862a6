import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { VERDICTS, type ReviewStatus } from '../claims/claim-status';

const VERDICT_LIST = VERDICTS.map((v) => `'${v}'`).join(',');
/** The predicate of the partial indexes IDX_claim_events_verdict_*, for an alias of claim_events. */
const isVerdict = (alias: string) => `${alias}.type = 'transition' AND ${alias}.to_status IN (${VERDICT_LIST})`;

export interface StatusCount {
  status: ReviewStatus;
  count: number;
}

export class ReviewerLoad {
  @ApiProperty({ format: 'uuid' })
  reviewerId: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  active: boolean;

  @ApiProperty()
  capacity: number;

  @ApiProperty({ description: 'Claims assigned now' })
  backlog: number;

  @ApiProperty({ description: 'Verdicts in the window' })
  verdicts: number;
}

export interface VerdictCount {
  /** YYYY-MM-DD, in UTC. */
  day: string;
  verdict: 'sourced' | 'disputed' | 'dismissed';
  count: number;
}

/** The desk's figures, read across claims, their events and reviewers; every query is bounded by the window or served by an index. */
@Injectable()
export class StatsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Statuses no claim has are absent; candidates are not claims yet; verdicts waiting for approval are apart. */
  claimsPerStatus(): Promise<StatusCount[]> {
    return this.dataSource.query(
      `SELECT status, count(*)::int AS count FROM claims WHERE status <> 'candidate' AND approval IS DISTINCT FROM 'pending' GROUP BY status`,
    );
  }

  /** Verdicts waiting for a second opinion (a partial index holds exactly them). */
  async pendingApproval(): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM claims WHERE approval = 'pending'`,
    );
    return count;
  }

  /** From a claim's creation to its first verdict, over first verdicts since `since`; null while there are none. */
  async medianSecondsToFirstVerdict(since: Date): Promise<number | null> {
    const rows: { median: number | null }[] = await this.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.created_at - c.created_at))::float8 AS median
       FROM claim_events e JOIN claims c ON c.id = e.claim_id
       WHERE ${isVerdict('e')} AND e.created_at >= $1
         AND NOT EXISTS (SELECT 1 FROM claim_events p WHERE p.claim_id = e.claim_id AND ${isVerdict('p')} AND p.seq < e.seq)`,
      [since],
    );
    return rows[0]?.median ?? null;
  }

  /** Every reviewer, by name: open claims now, and verdicts given since `since`. */
  reviewerLoads(since: Date): Promise<ReviewerLoad[]> {
    return this.dataSource.query(
      `WITH backlog AS (SELECT assignee_id AS id, count(*)::int AS n FROM claims WHERE assignee_id IS NOT NULL GROUP BY 1),
            verdicts AS (SELECT e.reviewer_id AS id, count(*)::int AS n FROM claim_events e WHERE ${isVerdict('e')} AND e.created_at >= $1 GROUP BY 1)
       SELECT r.id AS "reviewerId", r.name, r.active, r.capacity, coalesce(b.n, 0) AS backlog, coalesce(v.n, 0) AS verdicts
       FROM reviewers r LEFT JOIN backlog b ON b.id = r.id LEFT JOIN verdicts v ON v.id = r.id ORDER BY r.name, r.id`,
      [since],
    );
  }

  /** Verdicts per UTC day and kind since `since`; days without any are absent. */
  verdictsPerDay(since: Date): Promise<VerdictCount[]> {
    return this.dataSource.query(
      `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, to_status AS verdict, count(*)::int AS count
       FROM claim_events e WHERE ${isVerdict('e')} AND created_at >= $1 GROUP BY 1, 2`,
      [since],
    );
  }
}
