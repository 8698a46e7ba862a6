import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiProperty } from '@nestjs/swagger';
import { CLAIM_STATUSES, type ReviewStatus } from '../claims/claim-status';
import { TtlCache } from '../common/ttl-cache';
import type { Environment } from '../config/environment';
import { ReviewerLoad, StatsRepository } from './stats.repository';

export class VerdictDay {
  @ApiProperty({ description: 'YYYY-MM-DD, UTC', example: '2026-01-31' })
  day: string;

  @ApiProperty()
  sourced: number;

  @ApiProperty()
  disputed: number;

  @ApiProperty()
  dismissed: number;
}

export class DeskStats {
  @ApiProperty()
  windowDays: number;

  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(CLAIM_STATUSES.map((status) => [status, { type: 'integer' }])),
  })
  claimsPerStatus: Record<ReviewStatus, number>;

  @ApiProperty({ description: 'Sourced or disputed verdicts waiting for a second opinion (not in claimsPerStatus)' })
  pendingApproval: number;

  /** From a claim's creation (its article revision being posted) to its first verdict, over first verdicts in the window. */
  @ApiProperty({ type: Number, nullable: true })
  medianSecondsToFirstVerdict: number | null;

  @ApiProperty({ type: [ReviewerLoad] })
  reviewers: ReviewerLoad[];

  @ApiProperty({ type: [VerdictDay], description: 'One per day of the window, oldest first' })
  verdictsPerDay: VerdictDay[];
}

/** The desk at a glance (the queries' costs at 1M claims: docs/performance.md); each window's answer is kept `STATS_CACHE_MS`. */
@Injectable()
export class StatsService {
  private readonly cache: TtlCache<number, DeskStats>;

  constructor(
    private readonly repository: StatsRepository,
    config: ConfigService<Environment, true>,
  ) {
    this.cache = new TtlCache(config.get('STATS_CACHE_MS', { infer: true }));
  }

  stats(windowDays = 30): Promise<DeskStats> {
    return this.cache.get(windowDays, () => this.compute(windowDays));
  }

  private async compute(windowDays: number): Promise<DeskStats> {
    const since = new Date(Date.now() - windowDays * 86_400_000);
    const [claimsPerStatus, pendingApproval, medianSecondsToFirstVerdict, reviewers, verdictsPerDay] =
      await Promise.all([
        this.claimsPerStatus(),
        this.repository.pendingApproval(),
        this.repository.medianSecondsToFirstVerdict(since),
        this.repository.reviewerLoads(since),
        this.verdictsPerDay(since, windowDays),
      ]);
    return { windowDays, claimsPerStatus, pendingApproval, medianSecondsToFirstVerdict, reviewers, verdictsPerDay };
  }

  private async claimsPerStatus(): Promise<Record<ReviewStatus, number>> {
    const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ReviewStatus, number>;
    for (const row of await this.repository.claimsPerStatus()) counts[row.status] = row.count;
    return counts;
  }

  /** One entry per day of the window (UTC), zeros included, so a chart has no gaps. */
  private async verdictsPerDay(since: Date, windowDays: number): Promise<VerdictDay[]> {
    const rows = await this.repository.verdictsPerDay(since);
    const days = new Map<string, VerdictDay>();
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    for (let i = windowDays - 1; i >= 0; i--) {
      const day = new Date(today - i * 86_400_000).toISOString().slice(0, 10);
      days.set(day, { day, sourced: 0, disputed: 0, dismissed: 0 });
    }
    for (const row of rows) {
      const entry = days.get(row.day);
      if (entry) entry[row.verdict] = row.count;
    }
    return [...days.values()];
  }
}
