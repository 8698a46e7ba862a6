import { Transform } from 'class-transformer';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsNumber,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsTimestamp } from '../../common/timestamp';
import { IsHttpUrl } from '../../common/http-url';
import { HasVisibleText } from '../../common/text-rules';
import { Nullable } from '../../common/nullable';

export class CreateArticleDto {
  @ApiProperty({ maxLength: 1000 })
  @IsString()
  @HasVisibleText()
  @MaxLength(1000)
  title: string;

  @ApiProperty({ description: 'Plain text; claims carry character offsets into it' })
  @IsString()
  @HasVisibleText()
  @MaxLength(1_000_000)
  body: string;

  @ApiPropertyOptional()
  @Nullable()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @IsHttpUrl()
  @MaxLength(2000)
  url?: string;

  @ApiPropertyOptional({ description: 'Your id for the article; the same id with new content is a new revision' })
  @Nullable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({ description: 'ISO 639-1 code', default: 'en' })
  @Nullable()
  @Matches(/^[a-z]{2}$/, { message: 'language must be an ISO 639-1 code such as en' })
  language?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'ISO 8601 with Z or ±hh:mm, years 0001–9999' })
  @Nullable()
  @IsTimestamp()
  publishedAt?: Date;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the article’s claims should be checked by; they inherit it (null: none)',
  })
  @Nullable()
  @IsTimestamp()
  dueAt?: Date | null;

  @ApiPropertyOptional({ type: [String] })
  @Nullable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  topics?: string[];

  @ApiPropertyOptional({
    description: 'Keep claims scoring at least this; 0 keeps every candidate sentence',
    minimum: 0,
    maximum: 1,
  })
  @Nullable()
  @IsNumber()
  @Min(0)
  @Max(1)
  // Scores have four places, so a floor above 0 and below 0.0001 keeps what 0.0001 keeps; the column (a real) could
  // not hold the smallest (1e-50 is out of its range).
  @Transform(({ value }: { value: unknown }) => (typeof value === 'number' && value > 0 && value < 1e-4 ? 1e-4 : value))
  minCheckworthiness?: number;
}
