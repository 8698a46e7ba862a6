import { ApiProperty } from '@nestjs/swagger';

/** What the extractor tells about a claim; the claim owns these types, the extractor fills them. */
export const CLAIM_TYPES = ['quantity', 'causal', 'prediction', 'rule', 'attribution', 'experience', 'other'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

export class ExtractedEntity {
  @ApiProperty()
  text: string;

  @ApiProperty({ description: 'The NLP entity type, e.g. DATE, PERCENT' })
  type: string;

  @ApiProperty()
  start: number;

  @ApiProperty()
  end: number;
}
