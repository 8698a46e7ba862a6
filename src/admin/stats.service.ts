import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLAIM_STATUSES, VERDICTS, type ClaimStatus } from '../claims/claim-status';

const VERDICT_LIST = VERDICTS.map((v) => `'${v}'`).join(',');
/** The predicate of the partial indexes IDX_claim_events_verdict_*, for an alias of claim_events. */
const isVerdict = (alias: string) => `${alias}.type = 'transition' AND ${alias}.to_status IN (${VERDICT_LIST})`;

export interface VerdictDay {
  day: string;
  sourced: number;
  disputed: number;
  dismissed: number;
}

export interface ReviewerLoad {
  reviewerId: string;
  name: string;
  active: boolean;
  capacity: number;
  backlog: number;
  verdicts: number;
}

export interface DeskStats {
  windowDays: number;
  claimsPerStatus: Record<ClaimStatus, number>;
  /** From a claim's creation (its article revision being posted) to its first verdict, over first verdicts in the window. */
  medianSecondsToFirstVerdict: number | null;
  reviewers: ReviewerLoad[];
  verdictsPerDay: VerdictDay[];
}

/** The desk at a glance; every query is bounded by the window or served by an index (costs at 1M claims: README, Pages). */
@Injectable()
export class StatsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stats(windowDays = 30): Promise<DeskStats> {
    const since = new Date(Date.now() - windowDays * 86_400_000);
    const [claimsPerStatus, medianSecondsToFirstVerdict, reviewers, verdictsPerDay] = await Promise.all([
      this.claimsPerStatus(),
      this.medianToFirstVerdict(since),
      this.reviewerLoads(since),
      this.verdictsPerDay(since, windowDays),
    ]);
    return { windowDays, claimsPerStatus, medianSecondsToFirstVerdict, reviewers, verdictsPerDay };
  }

  private async claimsPerStatus(): Promise<Record<ClaimStatus, number>> {
    const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
    const rows: { status: ClaimStatus; count: number }[] = await this.dataSource.query(`SELECT status, count(*)::int AS count FROM claims GROUP BY status`);
    for (const row of rows) counts[row.status] = row.count;
    return counts;
  }

  private async medianToFirstVerdict(since: Date): Promise<number | null> {
    const rows: { median: number | null }[] = await this.dataSource.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM e.created_at - c.created_at))::float8 AS median
       FROM claim_events e JOIN claims c ON c.id = e.claim_id
       WHERE ${isVerdict('e')} AND e.created_at >= $1
         AND NOT EXISTS (SELECT 1 FROM claim_events p WHERE p.claim_id = e.claim_id AND ${isVerdict('p')} AND p.seq < e.seq)`,
      [since],
    );
    return rows[0]?.median ?? null;
  }

  private async reviewerLoads(since: Date): Promise<ReviewerLoad[]> {
    const rows: { id: string; name: string; active: boolean; capacity: number; backlog: number; verdicts: number }[] = await this.dataSource.query(
      `WITH backlog AS (SELECT assignee_id AS id, count(*)::int AS n FROM claims WHERE assignee_id IS NOT NULL GROUP BY 1),
            verdicts AS (SELECT e.reviewer_id AS id, count(*)::int AS n FROM claim_events e WHERE ${isVerdict('e')} AND e.created_at >= $1 GROUP BY 1)
       SELECT r.id, r.name, r.active, r.capacity, coalesce(b.n, 0) AS backlog, coalesce(v.n, 0) AS verdicts
       FROM reviewers r LEFT JOIN backlog b ON b.id = r.id LEFT JOIN verdicts v ON v.id = r.id ORDER BY r.name, r.id`,
      [since],
    );
    return rows.map((r) => ({ reviewerId: r.id, name: r.name, active: r.active, capacity: r.capacity, backlog: r.backlog, verdicts: r.verdicts }));
  }

  /** One entry per day of the window (UTC), zeros included, so a chart has no gaps. */
  private async verdictsPerDay(since: Date, windowDays: number): Promise<VerdictDay[]> {
    const rows: { day: string; to_status: 'sourced' | 'disputed' | 'dismissed'; count: number }[] = await this.dataSource.query(
      `SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, to_status, count(*)::int AS count
       FROM claim_events e WHERE ${isVerdict('e')} AND created_at >= $1 GROUP BY 1, 2`,
      [since],
    );
    const days = new Map<string, VerdictDay>();
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    for (let i = windowDays - 1; i >= 0; i--) {
      const day = new Date(today - i * 86_400_000).toISOString().slice(0, 10);
      days.set(day, { day, sourced: 0, disputed: 0, dismissed: 0 });
    }
    for (const row of rows) {
      const entry = days.get(row.day);
      if (entry) entry[row.to_status] = row.count;
    }
    return [...days.values()];
  }
}
