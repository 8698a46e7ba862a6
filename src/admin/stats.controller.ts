import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { StatsQuery } from './dto/stats.query';
import { StatsService } from './stats.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin', 'editor')
@Controller('admin/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({
    summary: 'Claims per status, median time to first verdict, backlog per reviewer, verdicts per day (admin, editor)',
  })
  get(@Query() query: StatsQuery) {
    return this.stats.stats(query.days);
  }
}
