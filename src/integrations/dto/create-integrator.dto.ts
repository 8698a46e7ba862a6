import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CreateIntegratorDto {
  @ApiProperty({ maxLength: 200, example: 'Daily Planet CMS' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}
