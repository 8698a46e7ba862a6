import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { ClaimTextFilterQuery } from '../../claims/claim-text-filters';
import { CLAIM_STATUSES, type ClaimStatus } from '../../claims/claim-status';
import { IsDay } from '../../common/timestamp';
import { BulkCount, emptyIsUnset } from './ui-articles.query';

export const SEARCH_KINDS = ['claims', 'fact-checks'] as const;

export class UiSearchQuery implements ClaimTextFilterQuery {
  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(500)
  q?: string;

  /** Only claims or only fact-checks; both when unset. */
  @IsOptional()
  @Transform(emptyIsUnset)
  @IsIn(SEARCH_KINDS)
  kind?: (typeof SEARCH_KINDS)[number];

  /** A claim's status; fact-checks carry a rating instead, so this filter leaves them out. */
  @IsOptional()
  @Transform(emptyIsUnset)
  @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(200)
  claimant?: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsDay()
  from?: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @IsDay()
  to?: string;

  /** A tag the claim carries; fact-checks carry none, so this filter leaves them out. */
  @IsOptional()
  @Transform(emptyIsUnset)
  @IsString()
  @MaxLength(100)
  tag?: string;

  @IsOptional()
  @Transform(emptyIsUnset)
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  page?: number;

  /** After a bulk action on the results: how many of the chosen claims it changed, of how many. */
  @BulkCount()
  done?: number;

  @BulkCount()
  of?: number;
}
