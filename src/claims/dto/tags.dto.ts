import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Input bounds before normalisation; the rules themselves (≤ 20 tags, ≤ 40 characters) answer with their own codes. */
export const TAGS_IN_A_REQUEST = 50;
export const RAW_TAG_LENGTH = 200;

export class SetTagsDto {
  @ApiProperty({
    type: [String],
    description:
      'The claim’s tags, replacing the ones it has: normalised to lower case, words joined by dashes; at most 20, each at most 40 characters',
    maxItems: TAGS_IN_A_REQUEST,
  })
  @IsArray()
  @ArrayMaxSize(TAGS_IN_A_REQUEST)
  @IsString({ each: true })
  @MaxLength(RAW_TAG_LENGTH, { each: true })
  tags: string[];
}

export class TagCountsQuery {
  @ApiPropertyOptional({ description: 'only tags beginning with this', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  prefix?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class TagCountResponse {
  @ApiProperty()
  tag: string;

  @ApiProperty({ description: 'Claims (not candidates) carrying it, among those you may see' })
  count: number;
}

export class TagCountsResponse {
  @ApiProperty({ type: [TagCountResponse], description: 'Most used first' })
  items: TagCountResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: the most used tags come in one page' })
  nextCursor: null;
}
