import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsUrl, MaxLength } from 'class-validator';
import { CALLBACK_EVENTS, type CallbackEvent } from '../callback-events';

export class CreateEndpointDto {
  @ApiProperty({ example: 'https://cms.example/claimdesk-callbacks' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }) @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: CALLBACK_EVENTS, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(CALLBACK_EVENTS, { each: true })
  events: CallbackEvent[];
}
