import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** schema.org JSON-LD as the ClaimReview routes answer it. */
export class OrganizationLd {
  @ApiProperty({ enum: ['Organization'] })
  '@type': 'Organization';

  @ApiProperty()
  name: string;

  @ApiPropertyOptional()
  url?: string;
}

/** Who made the claim: a person or an organization, as the extractor or an editor decided. */
export class ClaimAuthorLd {
  @ApiProperty({ enum: ['Person', 'Organization'] })
  '@type': 'Person' | 'Organization';

  @ApiProperty()
  name: string;
}

export class CreativeWorkLd {
  @ApiProperty({ enum: ['CreativeWork'] })
  '@type': 'CreativeWork';

  @ApiProperty({ description: "The article's url" })
  url: string;
}

export class ClaimLd {
  @ApiProperty({ enum: ['Claim'] })
  '@type': 'Claim';

  @ApiProperty({ format: 'date-time' })
  datePublished: string;

  @ApiPropertyOptional({ type: ClaimAuthorLd, description: 'The claimant' })
  author?: ClaimAuthorLd;

  @ApiPropertyOptional({ type: CreativeWorkLd })
  appearance?: CreativeWorkLd;
}

export class RatingLd {
  @ApiProperty({ enum: ['Rating'] })
  '@type': 'Rating';

  @ApiProperty({ description: 'The rating’s label on the desk’s scale; without a rating, Sourced or Disputed' })
  alternateName: string;

  @ApiPropertyOptional({ description: 'The rating’s value on the desk’s scale (with a rating only)' })
  ratingValue?: number;

  @ApiPropertyOptional({ description: 'The highest value on the desk’s scale' })
  bestRating?: number;

  @ApiPropertyOptional({ description: 'The lowest value on the desk’s scale' })
  worstRating?: number;
}

export class ClaimReviewLd {
  @ApiProperty({ enum: ['ClaimReview'] })
  '@type': 'ClaimReview';

  @ApiProperty({ description: "The claim's public page" })
  url: string;

  @ApiProperty()
  claimReviewed: string;

  @ApiProperty({ format: 'date-time' })
  datePublished: string;

  @ApiProperty({ type: OrganizationLd, description: 'The desk' })
  author: OrganizationLd;

  @ApiProperty({ type: RatingLd })
  reviewRating: RatingLd;

  @ApiPropertyOptional({ description: 'The verdict’s public rationale (publicNote); absent when it has none' })
  reviewBody?: string;

  @ApiProperty({ type: ClaimLd })
  itemReviewed: ClaimLd;
}

export class ClaimReviewDocument extends ClaimReviewLd {
  @ApiProperty({ example: 'https://schema.org' })
  '@context': string;
}

export class ClaimReviewGraph {
  @ApiProperty({ example: 'https://schema.org' })
  '@context': string;

  @ApiProperty({ type: [ClaimReviewLd] })
  '@graph': ClaimReviewLd[];
}
