import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { HasVisibleText } from '../../common/text-rules';
import { RAW_TAG_LENGTH, TAGS_IN_A_REQUEST } from '../../claims/dto/tags.dto';

export const BULK_ACTIONS = ['assign', 'unassign', 'dismiss', 'reopen', 'tag', 'untag'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];
export const BULK_MAX_CLAIMS = 500;

export class BulkClaimsDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: BULK_MAX_CLAIMS, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_CLAIMS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];

  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS)
  action: BulkAction;

  @ApiPropertyOptional({ format: 'uuid', description: 'assign: the reviewer' })
  @IsOptional()
  @IsUUID()
  reviewerId?: string;

  @ApiPropertyOptional({ description: 'dismiss, reopen: the rationale (required)', maxLength: 10_000 })
  @IsOptional()
  @IsString()
  @HasVisibleText()
  @MaxLength(10_000)
  note?: string;

  @ApiPropertyOptional({ type: [String], description: 'tag, untag: the tags to add or remove' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TAGS_IN_A_REQUEST)
  @IsString({ each: true })
  @MaxLength(RAW_TAG_LENGTH, { each: true })
  tags?: string[];
}

export class BulkResultResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  ok: boolean;

  @ApiPropertyOptional({
    description:
      'Why this claim was refused: the code the single action answers (not_found, forbidden, conflict, illegal_transition…)',
  })
  code?: string;
}

export class BulkResultsResponse {
  @ApiProperty({ type: [BulkResultResponse], description: 'One per id, in the order given' })
  results: BulkResultResponse[];
}
