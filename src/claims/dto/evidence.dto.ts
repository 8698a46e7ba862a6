import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import { IsHttpUrl } from '../../common/http-url';
import { HasVisibleText } from '../../common/text-rules';

export class SourceDto {
  @ApiProperty()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  @IsHttpUrl()
  @MaxLength(2000)
  url: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  quote?: string;
}

/** A note and sources: the evidence a move or a plain annotation carries. */
export class EvidenceDto {
  @ApiPropertyOptional({ description: 'Rationale; required for disputes, dismissals and reopening' })
  @IsOptional()
  @IsString()
  @HasVisibleText()
  @MaxLength(10_000)
  note?: string;

  @ApiPropertyOptional({ type: [SourceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SourceDto)
  sources?: SourceDto[];
}
