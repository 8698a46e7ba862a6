import { Injectable, StreamableFile } from '@nestjs/common';
import { ownerFilterOf } from '../articles/article-visibility';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import type { Page } from '../common/pagination';
import type { ClaimEventEntity } from './claim-event.entity';
import type { ClaimEntity } from './claim.entity';
import { emptySummary, type ClaimSummary } from './article.response';
import type { ClaimStatus, ClaimTier } from './claim-status';
import { ClaimsRepository } from './claims.repository';
import { claimExportStream, toClaimExportRow, type ClaimExportRow } from './claim-export';
import type { ExportClaimsQuery } from './dto/export-claims.query';
import { claimTextFilters, unsearchableText } from './claim-text-filters';
import type { ListClaimsQuery } from './dto/list-claims.query';

/** Claims that come with an article (GET /articles/:id, the editor page); the rest follow by cursor. */
const ARTICLE_CLAIMS_PAGE = 200;
/** Claims an export reads at a time: its memory stays this size whatever the count. */
const EXPORT_PAGE = 1000;

@Injectable()
export class ClaimsQueryService {
  constructor(private readonly claims: ClaimsRepository) {}

  async get(principal: Principal, id: string): Promise<ClaimEntity> {
    const claim = await this.claims.findVisible(ownerFilterOf(principal), id);
    if (!claim) throw ApiError.notFound('Claim', id);
    return claim;
  }

  /** Newest first, or most check-worthy first. */
  async list(principal: Principal, query: ListClaimsQuery): Promise<Page<ClaimEntity>> {
    const textFilters = claimTextFilters(query);
    await this.requireSearchable(textFilters.text);
    const filter = {
      ...textFilters,
      articleId: query.articleId,
      status: query.status,
      assigneeId: query.assigneeId,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      byScore: query.sort === 'checkworthiness',
    };
    return this.claims.listVisible(ownerFilterOf(principal), filter, {
      cursor: query.cursor,
      limit: query.limit ?? 50,
    });
  }

  /** Refuses a text the index cannot look up, which would otherwise scan every claim. */
  async requireSearchable(text: string | null): Promise<void> {
    if (text !== null && !(await this.claims.hasIndexedTerm(text))) throw unsearchableText();
  }

  /** The export as a download: rows are read a page at a time as the client takes them. */
  async exportFile(principal: Principal, query: ExportClaimsQuery): Promise<StreamableFile> {
    // Refused before the first byte: once the download has begun its status cannot change.
    await this.requireSearchable(claimTextFilters(query).text);
    const format = query.format ?? 'csv';
    const { stream, contentType } = claimExportStream(this.exportRows(principal, query), format);
    return new StreamableFile(stream, { type: contentType, disposition: `attachment; filename="claims.${format}"` });
  }

  /** Every claim the listing would page through, in its order and with its filters, read a page at a time. */
  async *exportRows(principal: Principal, query: ExportClaimsQuery): AsyncGenerator<ClaimExportRow> {
    let cursor: string | undefined;
    do {
      const page = await this.list(principal, { ...query, cursor, limit: EXPORT_PAGE });
      const details = await this.claims.exportDetails(page.items.map((claim) => claim.id));
      for (const claim of page.items) {
        const row = toClaimExportRow(claim, details.get(claim.id));
        // Reviewer identities are the desk's internal business; an integrator's export names none.
        yield principal.role === 'integrator' ? { ...row, reviewer: null } : row;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  async events(
    principal: Principal,
    claimId: string,
    query: { cursor?: string; limit?: number },
  ): Promise<Page<ClaimEventEntity>> {
    await this.get(principal, claimId);
    return this.claims.eventsPage(claimId, { cursor: query.cursor, limit: query.limit ?? 100 });
  }

  /** A page of the article's claims (or candidates, or both): current ones in text order, withdrawn ones after them. */
  claimsOf(
    articleId: string,
    page: { cursor?: string; limit?: number } = {},
    tier: ClaimTier | 'both' = 'claim',
  ): Promise<Page<ClaimEntity>> {
    return this.claims.pageOfArticle(articleId, tier, {
      cursor: page.cursor,
      limit: page.limit ?? ARTICLE_CLAIMS_PAGE,
    });
  }

  /** Every claim of the article in one of these statuses, in text order (as many as an article may have). */
  claimsInStatus(articleId: string, statuses: ClaimStatus[]): Promise<ClaimEntity[]> {
    return this.claims.ofArticleInStatus(articleId, statuses);
  }

  async summaries(articleIds: string[]): Promise<Map<string, ClaimSummary>> {
    const result = new Map(articleIds.map((id) => [id, emptySummary()]));
    if (articleIds.length === 0) return result;
    for (const row of await this.claims.countsByStatus(articleIds)) {
      const summary = result.get(row.articleId)!;
      // A verdict waiting for a second opinion is counted apart from the published ones.
      summary[row.status] = row.count - row.pending;
      summary.pendingApproval += row.pending;
      summary.total += row.count;
    }
    return result;
  }
}
