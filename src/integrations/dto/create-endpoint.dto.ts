import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, MaxLength, ValidateBy } from 'class-validator';
import { CALLBACK_EVENTS, type CallbackEvent } from '../callback-events';

/**
 * Parsed the way the worker parses it (WHATWG URL): any spelling it accepts (`http://2130706433/`, `http://0x7f.1/`)
 * reaches the one address rule in callback-destination.ts as the address a delivery would connect to.
 */
function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const IsHttpUrl = () =>
  ValidateBy({
    name: 'isHttpUrl',
    validator: { validate: isHttpUrl, defaultMessage: () => 'url must be an http or https URL' },
  });

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
