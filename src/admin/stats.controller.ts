import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { StatsQuery } from './dto/stats.query';
import { DeskStats, StatsService } from './stats.service';

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
  @ApiOkResponse({ type: DeskStats })
  get(@Query() query: StatsQuery): Promise<DeskStats> {
    return this.stats.stats(query.days);
  }
}
