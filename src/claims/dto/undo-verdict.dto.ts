import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class UndoVerdictDto {
  @ApiPropertyOptional({ description: 'The version you saw (the verdict’s); or send If-Match: "<version>"' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @ApiPropertyOptional({ description: 'Why, for the history (optional)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;
}
