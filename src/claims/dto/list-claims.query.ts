import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsDay } from '../../common/timestamp';
import { PageQueryDto } from '../../common/pagination';
import { ANY_CLAIM_STATUS, type ClaimStatus } from '../claim-status';
import type { ClaimTextFilterQuery } from '../claim-text-filters';

export class ListClaimsQuery extends PageQueryDto implements ClaimTextFilterQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  articleId?: string;

  @ApiPropertyOptional({ enum: ANY_CLAIM_STATUS, description: 'without it, every status but candidate' })
  @IsOptional()
  @IsIn(ANY_CLAIM_STATUS)
  status?: ClaimStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ enum: ['newest', 'checkworthiness'], default: 'newest' })
  @IsOptional()
  @IsIn(['newest', 'checkworthiness'])
  sort?: 'newest' | 'checkworthiness';

  @ApiPropertyOptional({
    description: 'words the claim holds (web-search syntax: "a phrase", -leave-out, or)',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  q?: string;

  @ApiPropertyOptional({ description: 'part of the claimant’s name, any case', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  claimant?: string;

  @ApiPropertyOptional({
    description: 'claims carrying this tag (normalised as tags are: "Climate Policy" is climate-policy)',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tag?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: unverified claims past their due date; false: every other claim',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'claims extracted on or after this day (YYYY-MM-DD, UTC)' })
  @IsOptional()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ description: 'claims extracted on or before this day (YYYY-MM-DD, UTC)' })
  @IsOptional()
  @IsDay()
  to?: string;
}
