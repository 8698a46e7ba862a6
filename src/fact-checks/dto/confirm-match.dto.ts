import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PUBLISHED_VERDICTS, type PublishedVerdict } from '../../integrations/claim-review';
import { HasVisibleText } from '../../common/text-rules';

export class ConfirmMatchDto {
  @ApiPropertyOptional({
    enum: PUBLISHED_VERDICTS,
    description: 'The verdict to take; by default the one the match carries',
  })
  @IsOptional()
  @IsIn(PUBLISHED_VERDICTS)
  to?: PublishedVerdict;

  @ApiPropertyOptional({ description: 'Rationale; by default one naming the match' })
  @IsOptional()
  @IsString()
  @HasVisibleText()
  @MaxLength(10_000)
  note?: string;

  @ApiPropertyOptional({ description: 'The claim version you saw (or If-Match); by default the current one' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}
