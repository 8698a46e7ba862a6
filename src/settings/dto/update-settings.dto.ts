import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HasVisibleText } from '../../common/text-rules';
import { SECOND_OPINION_STATUSES, type SecondOpinionStatus } from '../desk-settings';

export class RatingStepDto {
  @ApiProperty({
    description: 'Lowercase letters and digits joined by hyphens, unique on the scale',
    example: 'mostly-false',
  })
  @IsString()
  @MaxLength(40)
  key: string;

  @ApiProperty({ example: 'Mostly false' })
  @IsString()
  @HasVisibleText()
  @MaxLength(80)
  label: string;

  @ApiProperty({ description: 'An integer; the highest on the scale is ClaimReview’s bestRating', example: 2 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  ratingValue: number;
}

export class SecondOpinionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 1 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minCheckworthiness?: number;

  @ApiPropertyOptional({ enum: SECOND_OPINION_STATUSES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SECOND_OPINION_STATUSES.length)
  @IsIn(SECOND_OPINION_STATUSES, { each: true })
  statuses?: SecondOpinionStatus[];
}

/** A change to the desk's settings: each field given replaces the one held (secondOpinion's fields one by one). */
export class UpdateSettingsDto {
  @ApiPropertyOptional({ type: [RatingStepDto], description: 'The whole scale, best or worst first as you like' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RatingStepDto)
  ratings?: RatingStepDto[];

  @ApiPropertyOptional({ description: 'Whether a sourced or disputed verdict must carry a rating' })
  @IsOptional()
  @IsBoolean()
  requireRating?: boolean;

  @ApiPropertyOptional({ description: 'Whether a disputed verdict must carry a publicNote, the rationale readers see' })
  @IsOptional()
  @IsBoolean()
  requirePublicNote?: boolean;

  @ApiPropertyOptional({ type: SecondOpinionDto })
  @IsOptional()
  // One object: ValidateNested alone would check each element of an array instead, and let the array through.
  @IsObject()
  @ValidateNested()
  @Type(() => SecondOpinionDto)
  secondOpinion?: SecondOpinionDto;
}
