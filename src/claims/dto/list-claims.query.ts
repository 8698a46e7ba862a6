import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination';
import { CLAIM_STATUSES, type ClaimStatus } from '../claim-status';

export class ListClaimsQuery extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID()
  articleId?: string;

  @ApiPropertyOptional({ enum: CLAIM_STATUSES }) @IsOptional() @IsIn(CLAIM_STATUSES)
  status?: ClaimStatus;

  @ApiPropertyOptional() @IsOptional() @IsUUID()
  assigneeId?: string;

  @ApiPropertyOptional({ enum: ['newest', 'checkworthiness'], default: 'newest' }) @IsOptional() @IsIn(['newest', 'checkworthiness'])
  sort?: 'newest' | 'checkworthiness';
}
