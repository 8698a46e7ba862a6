import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { ListEventsQuery } from './dto/list-events.query';
import { AuditEventPage } from './admin.response';
import { EventsQueryService } from './events-query.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'editor')
@Controller('admin/events')
export class EventsController {
  constructor(private readonly events: EventsQueryService) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log: claim events and admin actions on keys and reviewers, oldest first (admin, editor)',
  })
  @ApiOkResponse({ type: AuditEventPage })
  list(@Query() query: ListEventsQuery): Promise<AuditEventPage> {
    return this.events.list(query);
  }
}
