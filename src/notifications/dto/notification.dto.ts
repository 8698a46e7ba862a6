import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAIL_DELIVERIES, NOTIFICATION_KINDS, type MailDelivery, type NotificationKind } from '../notification-kinds';
import type { NotificationPreferences } from '../notification-kinds';
import type { NotificationRow } from '../notifications.repository';

export class NotificationActor {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The person; null for a key' })
  userId: string | null;

  @ApiProperty()
  name: string;
}

export class NotificationResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: NotificationKind;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  claimId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  articleId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The comment that mentioned you' })
  commentId: string | null;

  @ApiProperty({ type: NotificationActor, nullable: true, description: 'Who did it; null when the desk did' })
  actor: NotificationActor | null;

  @ApiProperty()
  createdAt: Date;

  @ApiProperty({ type: Date, nullable: true })
  readAt: Date | null;
}

export function toNotificationResponse(row: NotificationRow): NotificationResponse {
  return {
    id: row.id,
    kind: row.kind,
    claimId: row.claimId,
    articleId: row.articleId,
    commentId: row.commentId,
    actor: row.actorName || row.actorUserId ? { userId: row.actorUserId, name: row.actorName ?? '' } : null,
    createdAt: row.createdAt,
    readAt: row.readAt,
  };
}

export class MarkReadDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  ids: string[];
}

export class MarkReadResponse {
  @ApiProperty({
    type: [String],
    description: 'The ids that were unread and are read now (others: not yours, or read)',
  })
  marked: string[];

  @ApiProperty({ description: 'Your unread notices left' })
  unread: number;
}

export class UnreadCountResponse {
  @ApiProperty()
  unread: number;
}

function deliveryProperty(kind: NotificationKind): PropertyDecorator {
  return (target, key) => {
    ApiPropertyOptional({ enum: MAIL_DELIVERIES, description: `Mail for \`${kind}\`` })(target, key);
    IsOptional()(target, key);
    IsIn(MAIL_DELIVERIES)(target, key);
  };
}

/** Per kind: `immediately`, in the daily `digest`, or `off` (the notice still shows in the pages). */
export class DeliveryByKind implements Partial<Record<NotificationKind, MailDelivery>> {
  @deliveryProperty('assigned') assigned?: MailDelivery;
  @deliveryProperty('mentioned') mentioned?: MailDelivery;
  @deliveryProperty('second_opinion_requested') second_opinion_requested?: MailDelivery;
  @deliveryProperty('returned') returned?: MailDelivery;
  @deliveryProperty('lease_expiring') lease_expiring?: MailDelivery;
  @deliveryProperty('due_soon') due_soon?: MailDelivery;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ type: DeliveryByKind, description: 'Kinds left out keep their current choice' })
  @IsOptional()
  // One object: ValidateNested alone would check each element of an array instead, and let the array through.
  @IsObject()
  @ValidateNested()
  @Type(() => DeliveryByKind)
  kinds?: DeliveryByKind;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 23,
    description: 'The hour the daily digest goes out, in your time zone',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(23)
  digestHour?: number;
}

export class PreferencesResponse implements NotificationPreferences {
  @ApiProperty({ type: DeliveryByKind })
  kinds: Record<NotificationKind, MailDelivery>;

  @ApiProperty({ minimum: 0, maximum: 23 })
  digestHour: number;
}
