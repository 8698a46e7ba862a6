import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { PageOf, type Page } from '../common/pagination';
import { QueueStatsResponse, RetriedJobsResponse } from './admin.response';
import { QueuesService } from './queues.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues')
export class QueuesController {
  constructor(private readonly queues: QueuesService) {}

  @Get()
  @ApiOperation({ summary: 'Jobs per state for each queue, with recent failures (admin)' })
  @ApiOkResponse({ type: PageOf(QueueStatsResponse) })
  async list(): Promise<Page<QueueStatsResponse>> {
    return { items: await Promise.all(this.queues.all().map((q) => this.queues.stats(q))), nextCursor: null };
  }

  @Post(':name/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry every failed job of a queue (admin)' })
  @ApiOkResponse({ type: RetriedJobsResponse })
  async retry(@Param('name') name: string): Promise<RetriedJobsResponse> {
    return { retried: await this.queues.retryFailed(name) };
  }

  @Post(':name/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a queue for every worker (admin)' })
  @ApiOkResponse({ description: 'The queue, paused', type: QueueStatsResponse })
  pause(@Param('name') name: string): Promise<QueueStatsResponse> {
    return this.queues.pause(name);
  }

  @Post(':name/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused queue (admin)' })
  @ApiOkResponse({ description: 'The queue, running', type: QueueStatsResponse })
  resume(@Param('name') name: string): Promise<QueueStatsResponse> {
    return this.queues.resume(name);
  }
}
