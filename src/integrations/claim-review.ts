import type { ClaimantKind } from '../claims/claimant-kind';
import type { ResolvedRating } from '../settings/desk-settings';
import type { ClaimLd, ClaimReviewLd, RatingLd } from './claim-review.response';

/** schema.org ClaimReview JSON-LD, for the verdicts a desk publishes: sourced and disputed. */
export const PUBLISHED_VERDICTS = ['sourced', 'disputed'] as const;
export type PublishedVerdict = (typeof PUBLISHED_VERDICTS)[number];

const RATING_NAMES: Record<PublishedVerdict, string> = { sourced: 'Sourced', disputed: 'Disputed' };

export interface ClaimReviewInput {
  claimId: string;
  /** The claim's public fact-check page. */
  pageUrl: string;
  text: string;
  claimant: string | null;
  claimantKind: ClaimantKind | null;
  verdict: PublishedVerdict;
  verdictAt: Date;
  /** The verdict's rating on the desk's scale; null: none (or one the scale no longer has), and the verdict names it. */
  rating: ResolvedRating | null;
  /** The verdict's rationale for readers; null: none given. */
  publicNote: string | null;
  article: { url: string | null; publishedAt: Date | null; createdAt: Date };
}

export interface Organization {
  name: string;
  url: string;
}

export function isPublishedVerdict(status: string): status is PublishedVerdict {
  return (PUBLISHED_VERDICTS as readonly string[]).includes(status);
}

export function toClaimReview(input: ClaimReviewInput, organization: Organization): ClaimReviewLd {
  const claim: ClaimLd = {
    '@type': 'Claim',
    datePublished: (input.article.publishedAt ?? input.article.createdAt).toISOString(),
  };
  if (input.claimant)
    claim.author = { '@type': input.claimantKind === 'person' ? 'Person' : 'Organization', name: input.claimant };
  if (input.article.url) claim.appearance = { '@type': 'CreativeWork', url: input.article.url };
  return {
    '@type': 'ClaimReview',
    url: input.pageUrl,
    claimReviewed: input.text,
    datePublished: input.verdictAt.toISOString(),
    author: { '@type': 'Organization', name: organization.name, url: organization.url },
    reviewRating: ratingLd(input),
    ...(input.publicNote ? { reviewBody: input.publicNote } : {}),
    itemReviewed: claim,
  };
}

function ratingLd(input: ClaimReviewInput): RatingLd {
  if (!input.rating) return { '@type': 'Rating', alternateName: RATING_NAMES[input.verdict] };
  const { label, ratingValue, bestRating, worstRating } = input.rating;
  return { '@type': 'Rating', ratingValue, bestRating, worstRating, alternateName: label };
}
