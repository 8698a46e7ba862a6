import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Nullable } from '../../common/nullable';
import { HasVisibleText } from '../../common/text-rules';
import { CLAIMANT_KINDS, type ClaimantKind } from '../claimant-kind';

/** An editor's correction of who a claim is attributed to: the name, its kind, or both. */
export class CorrectClaimantDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 200,
    description: 'The claimant’s name; null: the article itself. Absent: unchanged',
  })
  @Nullable()
  @IsString()
  @HasVisibleText()
  @MaxLength(200)
  claimant?: string | null;

  @ApiPropertyOptional({
    enum: CLAIMANT_KINDS,
    nullable: true,
    description: 'A person or an organization; null: as the name reads. Absent: unchanged',
  })
  @Nullable()
  @IsIn(CLAIMANT_KINDS)
  kind?: ClaimantKind | null;
}
