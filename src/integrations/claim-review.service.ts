import { publicPageUrl, publicSlugFor } from '../claims/public-page';
import { claimantKindOf } from '../claims/claimant-kind';
import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ArticlesQueryService } from '../articles/articles-query.service';
import type { Principal } from '../auth/principal';
import { ClaimsQueryService } from '../claims/claims-query.service';
import type { ClaimEntity } from '../claims/claim.entity';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { resolveRating } from '../settings/desk-settings';
import { SettingsService } from '../settings/settings.service';
import { isPublishedVerdict, PUBLISHED_VERDICTS, toClaimReview } from './claim-review';
import { ClaimReviewRepository } from './claim-review.repository';
import type { ClaimReviewDocument, ClaimReviewGraph } from './claim-review.response';

const CONTEXT = 'https://schema.org';

/** ClaimReview for what the desk has concluded: sourced and disputed claims, nothing else. */
@Injectable()
export class ClaimReviewService {
  constructor(
    private readonly repository: ClaimReviewRepository,
    private readonly claims: ClaimsQueryService,
    private readonly articles: ArticlesQueryService,
    private readonly config: ConfigService<Environment, true>,
    private readonly settings: SettingsService,
  ) {}

  async forClaim(principal: Principal, claimId: string): Promise<ClaimReviewDocument> {
    const claim = await this.claims.get(principal, claimId);
    if (!isPublishedVerdict(claim.status))
      throw ApiError.notFound('ClaimReview for claim', `${claimId} (it is ${claim.status}, not sourced or disputed)`);
    if (claim.approval === 'pending')
      throw new ApiError(
        HttpStatus.NOT_FOUND,
        'approval_pending',
        `Claim ${claimId}'s verdict waits for a second opinion: it is published once approved`,
      );
    const [review] = await this.reviews(principal, claim.articleId, [claim]);
    return { '@context': CONTEXT, ...review };
  }

  /** Every published verdict of the article, as a JSON-LD graph (empty while none). */
  async forArticle(principal: Principal, articleId: string): Promise<ClaimReviewGraph> {
    await this.articles.get(principal, articleId);
    const claims = (await this.claims.claimsInStatus(articleId, [...PUBLISHED_VERDICTS])).filter(
      (claim) => claim.approval !== 'pending',
    );
    return { '@context': CONTEXT, '@graph': await this.reviews(principal, articleId, claims) };
  }

  private async reviews(principal: Principal, articleId: string, claims: ClaimEntity[]) {
    if (claims.length === 0) return [];
    const article = await this.articles.get(principal, articleId);
    // A claim's review date is when it reached its current verdict.
    const verdictAt = await this.repository.verdictTimes(
      claims.map((c) => c.id),
      PUBLISHED_VERDICTS,
    );
    const organization = {
      name: this.config.get('DESK_NAME', { infer: true }),
      url: this.config.get('ORGANIZATION_URL', { infer: true }),
    };
    const { ratings } = await this.settings.get();
    return claims.map((claim) =>
      toClaimReview(
        {
          claimId: claim.id,
          pageUrl: publicPageUrl(claim.publicSlug ?? publicSlugFor(claim)),
          text: claim.text,
          claimant: claim.claimant,
          claimantKind: claimantKindOf(claim),
          verdict: claim.status as 'sourced' | 'disputed',
          verdictAt: verdictAt.get(claim.id) ?? claim.updatedAt,
          rating: resolveRating(ratings, claim.rating),
          publicNote: claim.publicNote,
          article: { url: article.url, publishedAt: article.publishedAt, createdAt: article.createdAt },
        },
        organization,
      ),
    );
  }
}
