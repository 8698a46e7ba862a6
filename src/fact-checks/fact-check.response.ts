import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { RankedFactCheck } from './fact-check-search.service';
import type { StoredMatch } from './fact-checks.repository';

const MATCH_STATES = ['suggested', 'confirmed', 'rejected'];

export class FactCheckHitResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  url: string;

  @ApiProperty()
  claimReviewed: string;

  @ApiProperty({ type: String, nullable: true })
  headline: string | null;

  @ApiProperty({ type: String, nullable: true })
  rating: string | null;

  @ApiProperty({ type: String, nullable: true })
  author: string | null;

  @ApiProperty({ type: String, nullable: true })
  claimant: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  datePublished: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The desk's own claim it publishes" })
  sourceClaimId: string | null;

  @ApiProperty()
  score: number;
}

export function toFactCheckHit({ row, score }: RankedFactCheck): FactCheckHitResponse {
  return {
    id: row.id,
    url: row.url,
    claimReviewed: row.claimReviewed,
    headline: row.headline,
    rating: row.rating,
    author: row.author,
    claimant: row.claimant,
    datePublished: row.datePublished ? new Date(row.datePublished).toISOString() : null,
    sourceClaimId: row.sourceClaimId,
    score: Number(score.toFixed(6)),
  };
}

/** What both kinds of match carry. */
abstract class MatchResponseFields {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  score: number;

  @ApiProperty({ enum: MATCH_STATES })
  state: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: String, nullable: true })
  url: string | null;
}

export class FactCheckMatchResponse extends MatchResponseFields {
  @ApiProperty({ enum: ['fact-check'] })
  kind: 'fact-check';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  factCheckId: string | null;

  @ApiProperty({ type: String, nullable: true })
  rating: string | null;
}

export class ClaimMatchResponse extends MatchResponseFields {
  @ApiProperty({ enum: ['claim'] })
  kind: 'claim';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  claimId: string | null;

  @ApiProperty({ type: String, nullable: true })
  status: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  articleId: string | null;

  @ApiProperty({ description: 'The same claim text in another article' })
  sameText: boolean;

  @ApiProperty({
    description:
      'The same claim in another article, in the same words or in others; linked both ways, so a verdict on one is offered to the other',
  })
  sameClaim: boolean;
}

export type MatchResponse = FactCheckMatchResponse | ClaimMatchResponse;

/** A match on the wire: "claim" for the desk's own verdicts and for the same claim in another article. */
export function toMatchResponse(m: StoredMatch): MatchResponse {
  const base = { id: m.id, score: Number(Number(m.score).toFixed(6)), state: m.state, text: m.text };
  if (m.kind === 'fact-check')
    return { kind: 'fact-check' as const, ...base, factCheckId: m.factCheckId, url: m.url, rating: m.rating };
  return {
    kind: 'claim' as const,
    ...base,
    claimId: m.matchedClaimId,
    url: m.url,
    status: m.status,
    articleId: m.articleId,
    sameText: m.kind === 'same-text',
    sameClaim: m.kind === 'same-text' || m.kind === 'same-claim',
  };
}

@ApiExtraModels(FactCheckMatchResponse, ClaimMatchResponse)
export class MatchListResponse {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [{ $ref: getSchemaPath(FactCheckMatchResponse) }, { $ref: getSchemaPath(ClaimMatchResponse) }],
      discriminator: { propertyName: 'kind' },
    },
  })
  items: MatchResponse[];
}

export class MatchDecisionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['rejected'] })
  state: 'rejected';
}
