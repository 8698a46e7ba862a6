import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class AddClaimDto {
  @ApiProperty({ description: 'Character offset of the claim’s first character in the article body' })
  @IsInt()
  @Min(0)
  start: number;

  @ApiProperty({ description: 'Character offset just past the claim’s last character' })
  @IsInt()
  @Min(1)
  end: number;
}
