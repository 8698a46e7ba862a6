import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClaimStatus } from '../claims/claim-status';
import { containsPattern } from '../database/sql';
import type { BrowseFilters } from '../fact-checks/fact-checks.repository';

export interface ClaimSearchRow {
  id: string;
  text: string;
  /** Stored where the claim says more on its own than its span (`statementOf`). */
  statement: string | null;
  status: ClaimStatus;
  claimant: string | null;
  tags: string[];
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

  /**
   * Best text match first among the first `ranked` claims "IDX_claims_text_search" finds (a word most claims hold
   * would otherwise rank them all); newest first without text. `to` is exclusive.
   */
  async claims(filters: BrowseFilters & { status: ClaimStatus | null; tag: string | null }): Promise<ClaimSearchRow[]> {
    const columns = `c.id, c.text, c.statement, c.status, c.claimant, c.tags, c.created_at AS "createdAt", c.article_id AS "articleId", a.title AS "articleTitle",
      a.created_at AS "articlePostedAt", a.url AS "articleUrl"`;
    const where = `($1::text IS NULL OR c.claimant ILIKE $1)
         AND ($2::timestamptz IS NULL OR c.created_at >= $2) AND ($3::timestamptz IS NULL OR c.created_at < $3)
         AND c.status <> 'candidate' AND ($4::text IS NULL OR c.status = $4)
         AND ($7::text IS NULL OR c.tags @> ARRAY[$7::text])`;
    const params = [
      filters.claimant === null ? null : containsPattern(filters.claimant),
      filters.from,
      filters.to,
      filters.status,
      filters.limit,
      filters.offset,
      filters.tag,
    ];
    if (filters.text === null)
      return this.dataSource.query(
        `SELECT ${columns} FROM claims c JOIN articles a ON a.id = c.article_id
         WHERE ${where}
         ORDER BY c.created_at DESC, c.id
         LIMIT $5 OFFSET $6`,
        params,
      );
    return this.dataSource.query(
      `SELECT ${columns}
       FROM (SELECT c.id, ts_rank_cd(to_tsvector('english', c.text), websearch_to_tsquery('english', $8)) AS rank
             FROM claims c
             WHERE to_tsvector('english', c.text) @@ websearch_to_tsquery('english', $8) AND ${where}
             LIMIT $9) hit
       JOIN claims c ON c.id = hit.id JOIN articles a ON a.id = c.article_id
       ORDER BY hit.rank DESC, c.created_at DESC, c.id
       LIMIT $5 OFFSET $6`,
      [...params, filters.text, filters.ranked],
    );
  }
}
