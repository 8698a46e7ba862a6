import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { ROLES, type Role } from '../auth/role';
import { SourceDto } from '../claims/dto/evidence.dto';
import { ALL_QUEUES, type QueueName } from '../queue/queue-names';

export class KeyResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ROLES })
  role: Role;

  @ApiProperty({ description: 'The start of the key, to tell keys apart', example: 'cdk_3f9a1c2e' })
  prefix: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reviewerId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  integratorId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The person the key acts as' })
  ownerUserId: string | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  lastUsedAt: Date | null;

  @ApiProperty({ type: Date, nullable: true })
  revokedAt: Date | null;
}

export class NewKeyResponse extends KeyResponse {
  @ApiProperty({ description: 'The key (cdk_…), shown in this answer only' })
  key: string;
}

export class FailedJobResponse {
  @ApiProperty({ type: String, required: false })
  id: string | undefined;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data: unknown;

  @ApiProperty()
  attemptsMade: number;

  @ApiProperty()
  failedReason: string;

  @ApiProperty({ type: Date, nullable: true })
  finishedOn: Date | null;
}

export class QueueStatsResponse {
  @ApiProperty({ enum: ALL_QUEUES })
  name: QueueName;

  @ApiProperty()
  paused: boolean;

  @ApiProperty({ description: 'Waiting, prioritized and paused jobs' })
  waiting: number;

  @ApiProperty()
  active: number;

  @ApiProperty()
  delayed: number;

  @ApiProperty()
  failed: number;

  @ApiProperty()
  completed: number;

  @ApiProperty({ type: [FailedJobResponse], description: 'The last 20' })
  recentFailures: FailedJobResponse[];
}

export class RetriedJobsResponse {
  @ApiProperty({ description: 'Failed jobs moved back to waiting' })
  retried: number;
}

export class EventActorPerson {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  name: string | null;
}

export class EventActor {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the service itself' })
  keyId: string | null;

  @ApiProperty()
  role: string;

  @ApiProperty({ type: EventActorPerson, nullable: true })
  person: EventActorPerson | null;
}

class LoggedEventResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  action: string;

  @ApiProperty({ type: EventActor })
  actor: EventActor;

  @ApiProperty()
  createdAt: Date;
}

export class EventTarget {
  @ApiProperty({ type: String, nullable: true, example: 'reviewer' })
  type: string | null;

  @ApiProperty({ type: String, nullable: true })
  id: string | null;
}

export class AdminEventResponse extends LoggedEventResponse {
  @ApiProperty({ enum: ['admin'] })
  kind: 'admin';

  @ApiProperty({ type: EventTarget })
  target: EventTarget;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true })
  details: Record<string, unknown> | null;
}

export class ClaimLogEventResponse extends LoggedEventResponse {
  @ApiProperty({ enum: ['claim'] })
  kind: 'claim';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  claimId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  articleId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reviewerId: string | null;

  @ApiProperty({ type: String, nullable: true })
  fromStatus: string | null;

  @ApiProperty({ type: String, nullable: true })
  toStatus: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: [SourceDto], nullable: true })
  sources: unknown[] | null;
}

export type AuditEventResponse = AdminEventResponse | ClaimLogEventResponse;

@ApiExtraModels(AdminEventResponse, ClaimLogEventResponse)
export class AuditEventPage {
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [{ $ref: getSchemaPath(AdminEventResponse) }, { $ref: getSchemaPath(ClaimLogEventResponse) }],
      discriminator: { propertyName: 'kind' },
    },
  })
  items: AuditEventResponse[];

  @ApiProperty({ type: String, nullable: true, description: 'The next page as ?cursor=; null on the last page' })
  nextCursor: string | null;
}
