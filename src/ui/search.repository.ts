import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClaimStatus } from '../claims/claim-status';
import { containsPattern } from '../database/sql';
import type { BrowseFilters } from '../fact-checks/fact-checks.repository';

export interface ClaimSearchRow {
  id: string;
  text: string;
  status: ClaimStatus;
  claimant: string | null;
  createdAt: Date;
  articleId: string;
  articleTitle: string;
  /** What tells two articles of the same title apart: when each was posted, and where from. */
  articlePostedAt: Date;
  articleUrl: string | null;
}

/** The search page's read model of claims (the page is for desk roles, who see every article). */
@Injectable()
export class SearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Best text match first (newest first without text), through "IDX_claims_text_search"; `to` is exclusive. */
  async claims(filters: BrowseFilters & { status: ClaimStatus | null }): Promise<ClaimSearchRow[]> {
    return this.dataSource.query(
      `SELECT c.id, c.text, c.status, c.claimant, c.created_at AS "createdAt", c.article_id AS "articleId", a.title AS "articleTitle",
              a.created_at AS "articlePostedAt", a.url AS "articleUrl"
       FROM claims c JOIN articles a ON a.id = c.article_id
       WHERE ($1::text IS NULL OR to_tsvector('english', c.text) @@ websearch_to_tsquery('english', $1))
         AND ($2::text IS NULL OR c.claimant ILIKE $2)
         AND ($3::timestamptz IS NULL OR c.created_at >= $3) AND ($4::timestamptz IS NULL OR c.created_at < $4)
         AND c.status <> 'candidate' AND ($5::text IS NULL OR c.status = $5)
       ORDER BY CASE WHEN $1::text IS NULL THEN 0 ELSE ts_rank_cd(to_tsvector('english', c.text), websearch_to_tsquery('english', $1)) END DESC,
         c.created_at DESC, c.id
       LIMIT $6 OFFSET $7`,
      [
        filters.text,
        filters.claimant === null ? null : containsPattern(filters.claimant),
        filters.from,
        filters.to,
        filters.status,
        filters.limit,
        filters.offset,
      ],
    );
  }
}
