import { ApiProperty } from '@nestjs/swagger';
import { IsObject, IsString, MaxLength } from 'class-validator';
import { HasVisibleText } from '../../common/text-rules';

export class CreateSavedViewDto {
  @ApiProperty({ maxLength: 100 })
  @IsString()
  @HasVisibleText()
  @MaxLength(100)
  name: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description:
      'The search page’s query parameters (q, kind, status, claimant, from, to, tag), checked by the page’s own rules',
    example: { q: 'budget', status: 'unverified', tag: 'elections' },
  })
  @IsObject()
  filters: Record<string, unknown>;
}

export class SavedViewResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  filters: Record<string, string>;

  @ApiProperty({ description: 'The search page with these filters' })
  url: string;

  @ApiProperty()
  createdAt: Date;
}

export class SavedViewsResponse {
  @ApiProperty({ type: [SavedViewResponse], description: 'By name' })
  items: SavedViewResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'Always null: a person has at most 50 views' })
  nextCursor: null;
}
