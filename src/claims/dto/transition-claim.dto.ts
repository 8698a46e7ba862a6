import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { HasVisibleText } from '../../common/text-rules';
import { CLAIM_STATUSES, type ClaimStatus } from '../claim-status';
import { EvidenceDto } from './evidence.dto';

export class TransitionClaimDto extends EvidenceDto {
  @ApiProperty({ enum: CLAIM_STATUSES })
  @IsIn(CLAIM_STATUSES)
  to: ClaimStatus;

  @ApiPropertyOptional({ description: 'The version you saw; or send If-Match: "<version>"' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @ApiPropertyOptional({
    description: 'A sourced or disputed verdict’s rating: a key of the desk’s scale (GET /admin/settings)',
    example: 'mostly-false',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  rating?: string;

  @ApiPropertyOptional({
    description:
      'A sourced or disputed verdict’s rationale for readers: it goes into callbacks, ClaimReview (reviewBody) and the ' +
      'public page, where `note` never does. Required for a disputed verdict when the desk sets requirePublicNote',
  })
  @IsOptional()
  @IsString()
  @HasVisibleText()
  @MaxLength(5000)
  publicNote?: string;
}
