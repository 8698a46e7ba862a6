import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AssignClaimDto {
  @ApiProperty()
  @IsUUID()
  reviewerId: string;
}
