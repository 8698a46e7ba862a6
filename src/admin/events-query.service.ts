import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '../common/pagination';
import type { AuditEventPage, AuditEventResponse } from './admin.response';
import type { ListEventsQuery } from './dto/list-events.query';
import { EventsRepository, type LoggedEvent } from './events.repository';

/** The audit log across claims and admin actions, oldest first from `since` (or newest first), a page at a time. */
@Injectable()
export class EventsQueryService {
  constructor(private readonly events: EventsRepository) {}

  async list(query: ListEventsQuery, newestFirst = false): Promise<AuditEventPage> {
    const limit = query.limit ?? 100;
    const after = decodeCursor(query.cursor, ['timestamp', 'int4', 'int8']);
    const rows = await this.events.page({
      since: query.since,
      actor: query.actor,
      personId: query.personId,
      claimId: query.claimId,
      after,
      limit: limit + 1,
      newestFirst,
    });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(toEventResponse),
      nextCursor: rows.length > limit ? encodeCursor([last.createdKey, last.rank, last.seq]) : null,
    };
  }
}

export function toEventResponse(event: LoggedEvent): AuditEventResponse {
  const common = {
    id: event.id,
    action: event.action,
    actor: {
      keyId: event.actorKeyId,
      role: event.actorRole,
      person: event.actorUserId ? { id: event.actorUserId, name: event.actorUserName } : null,
    },
    createdAt: event.createdAt,
  };
  if (event.kind === 'admin')
    return {
      kind: event.kind,
      ...common,
      target: { type: event.targetType, id: event.targetId },
      details: event.details,
    };
  return {
    kind: event.kind,
    ...common,
    claimId: event.claimId,
    articleId: event.articleId,
    reviewerId: event.reviewerId,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    note: event.note,
    sources: event.sources,
  };
}
