import { ApiProperty } from '@nestjs/swagger';
import { CALLBACK_EVENTS, type CallbackEvent } from './callback-events';

export class IntegratorResponse {
  @ApiProperty({ format: 'uuid', description: 'Send as ?integrator= with a signed webhook' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  createdAt: Date;
}

export class NewIntegratorResponse extends IntegratorResponse {
  @ApiProperty({ description: 'The API key (cdk_…), shown in this answer only' })
  apiKey: string;

  @ApiProperty({ description: 'The webhook signing secret (whsec_…), shown in this answer only' })
  webhookSecret: string;
}

export class IntegratorSecretResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The new webhook secret (whsec_…), shown in this answer only' })
  webhookSecret: string;

  @ApiProperty({ description: 'Until then, the earlier secrets still verify' })
  previousSecretsExpireAt: Date;
}

export class EndpointResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The integrator (or key, or person) whose callbacks go here' })
  ownerId: string;

  @ApiProperty()
  url: string;

  @ApiProperty({ enum: CALLBACK_EVENTS, isArray: true })
  events: CallbackEvent[];

  @ApiProperty({ type: Date, nullable: true })
  disabledAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  disabledReason: string | null;

  @ApiProperty()
  createdAt: Date;
}

export class NewEndpointResponse extends EndpointResponse {
  @ApiProperty({ description: 'The signing secret (whsec_…), shown in this answer only' })
  secret: string;
}

export class EndpointSecretResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'The new signing secret (whsec_…), shown in this answer only' })
  secret: string;
}

export class DeliveryAttemptResponse {
  @ApiProperty()
  attempt: number;

  @ApiProperty({ type: Number, nullable: true, description: "The endpoint's HTTP status; null when none came" })
  responseStatus: number | null;

  @ApiProperty({ type: String, nullable: true })
  error: string | null;

  @ApiProperty()
  durationMs: number;

  @ApiProperty()
  at: Date;
}

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  endpointId: string;

  @ApiProperty({ enum: CALLBACK_EVENTS })
  event: CallbackEvent;

  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] })
  status: 'pending' | 'delivered' | 'failed';

  @ApiProperty()
  attempts: number;

  @ApiProperty({ type: Date, nullable: true })
  nextAttemptAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty({ type: Date, nullable: true })
  deliveredAt: Date | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The body sent' })
  payload: unknown;

  @ApiProperty({ type: [DeliveryAttemptResponse] })
  attemptLog: DeliveryAttemptResponse[];
}
