import type { ArticleEntity } from '../articles/article.entity';
import type { Page } from '../common/pagination';
import type { ReviewStatus } from './claim-status';
import { toClaimResponse } from './claim.response';
import type { ClaimEntity } from './claim.entity';

export type ClaimSummary = Record<'total' | ReviewStatus, number>;

export function emptySummary(): ClaimSummary {
  return { total: 0, unverified: 0, sourced: 0, disputed: 0, dismissed: 0, withdrawn: 0 };
}

/**
 * Reviewed: extraction is done, there is a claim to review, and every claim that is not withdrawn has a verdict
 * (the same rule as the `article.reviewed` callback).
 */
export function isReviewed(article: ArticleEntity, summary: ClaimSummary): boolean {
  return article.status === 'ready' && summary.unverified === 0 && summary.total > summary.withdrawn;
}

export function toArticleResponse(article: ArticleEntity, summary: ClaimSummary) {
  return {
    id: article.id,
    status: article.status,
    revision: article.revision,
    externalId: article.externalId,
    title: article.title,
    url: article.url,
    language: article.language,
    publishedAt: article.publishedAt,
    topics: article.topics,
    minCheckworthiness: article.minCheckworthiness,
    failureReason: article.failureReason,
    summary,
    reviewed: isReviewed(article, summary),
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
  };
}

export function toArticleDetailResponse(article: ArticleEntity, summary: ClaimSummary, claims: Page<ClaimEntity>) {
  return {
    ...toArticleResponse(article, summary),
    body: article.body,
    claims: claims.items.map(toClaimResponse),
    claimsNextCursor: claims.nextCursor,
  };
}
