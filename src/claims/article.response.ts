import { ApiProperty } from '@nestjs/swagger';
import { ARTICLE_STATUSES, type ArticleEntity, type ArticleStatus } from '../articles/article.entity';
import type { Page } from '../common/pagination';
import type { ReviewStatus } from './claim-status';
import { ClaimResponse, toClaimResponse } from './claim.response';
import type { ClaimEntity } from './claim.entity';

/** Claims per status (candidates aside); verdicts waiting for a second opinion only in `pendingApproval`. */
export class ClaimSummary implements Record<'total' | ReviewStatus, number> {
  @ApiProperty()
  total: number;

  @ApiProperty()
  unverified: number;

  @ApiProperty()
  sourced: number;

  @ApiProperty()
  disputed: number;

  @ApiProperty()
  dismissed: number;

  @ApiProperty()
  withdrawn: number;

  @ApiProperty({
    description: 'Sourced or disputed verdicts waiting for a second opinion (not in sourced or disputed)',
  })
  pendingApproval: number;
}

export function emptySummary(): ClaimSummary {
  return { total: 0, unverified: 0, sourced: 0, disputed: 0, dismissed: 0, withdrawn: 0, pendingApproval: 0 };
}

/**
 * Reviewed: extraction is done, there is a claim to review, and every claim that is not withdrawn has a verdict, none
 * of them waiting for a second opinion (the same rule as the `article.reviewed` callback).
 */
export function isReviewed(article: ArticleEntity, summary: ClaimSummary): boolean {
  return (
    article.status === 'ready' &&
    summary.unverified === 0 &&
    summary.pendingApproval === 0 &&
    summary.total > summary.withdrawn
  );
}

export class ArticleResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ARTICLE_STATUSES })
  status: ArticleStatus;

  @ApiProperty()
  revision: number;

  @ApiProperty({ type: String, nullable: true })
  externalId: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, nullable: true })
  url: string | null;

  @ApiProperty({ description: 'ISO 639-1', example: 'en' })
  language: string;

  @ApiProperty({ type: Date, nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true, description: 'When its claims should be checked by; they inherit it' })
  dueAt: Date | null;

  @ApiProperty({ type: [String] })
  topics: string[];

  @ApiProperty({ type: Number, nullable: true, minimum: 0, maximum: 1 })
  minCheckworthiness: number | null;

  @ApiProperty({ type: String, nullable: true })
  failureReason: string | null;

  @ApiProperty({ type: ClaimSummary })
  summary: ClaimSummary;

  @ApiProperty({ description: 'Extracted, with claims, every one not withdrawn with a verdict' })
  reviewed: boolean;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty()
  updatedAt: Date;
}

export function toArticleResponse(article: ArticleEntity, summary: ClaimSummary): ArticleResponse {
  return {
    id: article.id,
    status: article.status,
    revision: article.revision,
    externalId: article.externalId,
    title: article.title,
    url: article.url,
    language: article.language,
    publishedAt: article.publishedAt,
    dueAt: article.dueAt,
    topics: article.topics,
    minCheckworthiness: article.minCheckworthiness,
    failureReason: article.failureReason,
    summary,
    reviewed: isReviewed(article, summary),
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}

export class ArticleDetailResponse extends ArticleResponse {
  @ApiProperty()
  body: string;

  @ApiProperty({ type: [ClaimResponse], description: 'The first page of the claims' })
  claims: ClaimResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'The next page as GET /articles/:id/claims?cursor=' })
  claimsNextCursor: string | null;
}

export function toArticleDetailResponse(
  article: ArticleEntity,
  summary: ClaimSummary,
  claims: Page<ClaimEntity>,
): ArticleDetailResponse {
  return {
    ...toArticleResponse(article, summary),
    body: article.body,
    claims: claims.items.map(toClaimResponse),
    claimsNextCursor: claims.nextCursor,
  };
}
