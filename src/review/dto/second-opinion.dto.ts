import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { HasVisibleText } from '../../common/text-rules';

export class ApproveVerdictDto {
  @ApiPropertyOptional({ description: 'The version you saw; or send If-Match: "<version>"' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

export class ReturnVerdictDto extends ApproveVerdictDto {
  @ApiProperty({ description: 'What the verdict’s reviewer should look at again (kept in the claim’s history)' })
  @IsString()
  @HasVisibleText()
  @MaxLength(10_000)
  note: string;
}
