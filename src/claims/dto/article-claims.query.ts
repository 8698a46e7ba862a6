import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import type { ClaimTier } from '../claim-status';

const TIERS: readonly ClaimTier[] = ['claim', 'candidate'];

export class ArticleClaimsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    enum: TIERS,
    default: 'claim',
    description: 'candidate: the sentences scored below the threshold, kept for promotion',
  })
  @IsOptional()
  @IsIn(TIERS)
  tier?: ClaimTier;
}
