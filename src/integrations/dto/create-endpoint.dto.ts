import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, MaxLength } from 'class-validator';
import { IsHttpUrl } from '../../common/http-url';
import { CALLBACK_EVENTS, type CallbackEvent } from '../callback-events';

export class CreateEndpointDto {
  @ApiProperty({ example: 'https://cms.example/claimdesk-callbacks' })
  @IsHttpUrl()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: CALLBACK_EVENTS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CALLBACK_EVENTS, { each: true })
  events: CallbackEvent[];
}
