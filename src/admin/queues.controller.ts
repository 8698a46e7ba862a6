import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/principal';
import { QueuesService } from './queues.service';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/queues')
export class QueuesController {
  constructor(private readonly queues: QueuesService) {}

  @Get()
  @ApiOperation({ summary: 'Jobs per state for each queue, with recent failures (admin)' })
  async list() {
    return { items: await Promise.all(this.queues.all().map((q) => this.queues.stats(q))), nextCursor: null };
  }

  @Post(':name/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Retry every failed job of a queue (admin)' })
  async retry(@Param('name') name: string) {
    return { retried: await this.queues.retryFailed(name) };
  }

  @Post(':name/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a queue for every worker (admin)' })
  pause(@Param('name') name: string) {
    return this.queues.pause(name);
  }

  @Post(':name/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused queue (admin)' })
  resume(@Param('name') name: string) {
    return this.queues.resume(name);
  }
}
