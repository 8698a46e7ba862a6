import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClaimStatus } from '../claims/claim-status';

/** What ClaimReview reads of the claims' history: when each claim reached its verdict. */
@Injectable()
export class ClaimReviewRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Per claim, its latest move into one of `verdicts`; claims without one are absent. */
  async verdictTimes(claimIds: string[], verdicts: readonly ClaimStatus[]): Promise<Map<string, Date>> {
    const rows: { claimId: string; at: Date }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (claim_id) claim_id AS "claimId", created_at AS at FROM claim_events
       WHERE claim_id = ANY($1) AND type = 'transition' AND to_status = ANY($2) ORDER BY claim_id, seq DESC`,
      [claimIds, verdicts],
    );
    return new Map(rows.map((row) => [row.claimId, row.at]));
  }
}
