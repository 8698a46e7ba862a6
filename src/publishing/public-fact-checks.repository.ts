import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClaimantKind } from '../claims/claimant-kind';
import type { ClaimApproval, ClaimStatus } from '../claims/claim-status';
import type { EvidenceSource } from '../claims/claim-event.entity';

/** What a public page may show of a claim: nothing internal (no notes, no reviewers, no comments). */
export interface PublicFactCheckRow {
  id: string;
  text: string;
  /** The claim as stated on its own (the stored statement, else the text): what the public page shows. */
  statement: string;
  claimant: string | null;
  editorClaimantKind: ClaimantKind | null;
  status: ClaimStatus;
  approval: ClaimApproval | null;
  /** The verdict's step on the desk's rating scale, as a key. */
  ratingKey: string | null;
  /** The standing verdict's rationale for readers. */
  publicNote: string | null;
  publicSlug: string;
  publishedAt: Date;
  articleTitle: string;
  articleUrl: string | null;
  articlePublishedAt: Date | null;
  articleCreatedAt: Date;
  /** The last move: when the page took its present state. */
  changedAt: Date;
  /** The standing verdict's sources and date, when it stands. */
  verdictAt: Date | null;
  sources: EvidenceSource[];
}

/** The last move of the claim: when its page took its present state (tags or assignments do not change the page). */
const CHANGED_AT = `coalesce((SELECT e.created_at FROM claim_events e WHERE e.claim_id = c.id AND e.type IN ('transition', 'verdict_undone')
            ORDER BY e.seq DESC LIMIT 1), c.updated_at)`;

const COLUMNS = `c.id, c.text, coalesce(c.statement, c.text) AS statement, c.claimant, c.claimant_kind AS "editorClaimantKind", c.status, c.approval, c.rating AS "ratingKey", c.public_note AS "publicNote",
  c.public_slug AS "publicSlug",
  c.published_at AS "publishedAt", a.title AS "articleTitle", a.url AS "articleUrl", a.published_at AS "articlePublishedAt",
  a.created_at AS "articleCreatedAt",
  ${CHANGED_AT} AS "changedAt",
  v.created_at AS "verdictAt", coalesce(v.sources, '[]'::jsonb) AS sources`;

/** The standing verdict's history row: the last move into the claim's present (published) status. */
const VERDICT = `LEFT JOIN LATERAL (
    SELECT e.created_at, e.sources FROM claim_events e
    WHERE e.claim_id = c.id AND e.type = 'transition' AND e.to_status = c.status AND c.status IN ('sourced', 'disputed')
    ORDER BY e.seq DESC LIMIT 1) v ON true`;

/** The desk's public fact-checks: read only, by slug or newest first. */
@Injectable()
export class PublicFactChecksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async bySlug(slug: string): Promise<PublicFactCheckRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM claims c JOIN articles a ON a.id = c.article_id ${VERDICT} WHERE c.public_slug = $1`,
      [slug],
    );
    return row ?? null;
  }

  /** Standing verdicts, newest first publication first, `limit` after the cursor (published_at, id). */
  async newest(limit: number, after: [string, string] | null): Promise<PublicFactCheckRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM claims c JOIN articles a ON a.id = c.article_id ${VERDICT}
       WHERE c.public_slug IS NOT NULL AND c.status IN ('sourced', 'disputed') AND c.approval IS DISTINCT FROM 'pending'
         AND ($2::timestamptz IS NULL OR (c.published_at, c.id) < ($2::timestamptz, $3::uuid))
       ORDER BY c.published_at DESC, c.id DESC LIMIT $1`,
      [limit, after?.[0] ?? null, after?.[1] ?? null],
    );
  }

  /** Every page's address and last change, newest first (a sitemap holds at most `limit`). */
  async addresses(limit: number): Promise<{ publicSlug: string; changedAt: Date }[]> {
    return this.dataSource.query(
      `SELECT c.public_slug AS "publicSlug", ${CHANGED_AT} AS "changedAt" FROM claims c
       WHERE c.public_slug IS NOT NULL ORDER BY c.published_at DESC, c.id DESC LIMIT $1`,
      [limit],
    );
  }
}
