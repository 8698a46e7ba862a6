import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class SearchFactChecksQuery {
  @ApiProperty({ description: 'Text to match: a claim, a sentence, a tweet' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  q: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 50, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{1,3}$/, { message: 'cursor must be a nextCursor this endpoint returned' })
  cursor?: string;
}
