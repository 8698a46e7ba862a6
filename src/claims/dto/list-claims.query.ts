import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { ANY_CLAIM_STATUS, type ClaimStatus } from '../claim-status';

export class ListClaimsQuery extends PageQueryDto {
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
}
