import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { ListEventsQuery } from './dto/list-events.query';
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
  list(@Query() query: ListEventsQuery) {
    return this.events.list(query);
  }
}
