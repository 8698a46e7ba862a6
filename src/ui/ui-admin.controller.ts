import { Controller, Get, HttpStatus, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { QueuesService } from '../admin/queues.service';
import { StatsService } from '../admin/stats.service';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { AssignmentService } from '../review/assignment.service';
import { CallbackEndpointsService } from '../integrations/callback-endpoints.service';
import { ApiError } from '../common/api-error';
import { HtmlPage } from './html-page.decorator';
import { UiExceptionFilter } from './ui-exception.filter';
import { adminPage } from './views/admin-page';
import { adminQueuesPage } from './views/admin-queues-page';

/** The overview counts claims no reviewer can take up to this many ("10000+"): a bounded read on a large backlog. */
const UNREACHABLE_CAP = 10_000;

/** What the queues page's buttons do. */
const QUEUE_ACTIONS: Record<string, (queues: QueuesService, name: string) => Promise<unknown>> = {
  pause: (queues, name) => queues.pause(name),
  resume: (queues, name) => queues.resume(name),
  retry: (queues, name) => queues.retryFailed(name),
};

/** The admin overview, and the queues with their buttons (pause, resume, retry failed). */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin')
@Controller('ui/admin')
export class UiAdminController {
  constructor(
    private readonly stats: StatsService,
    private readonly queues: QueuesService,
    private readonly assignments: AssignmentService,
    private readonly endpoints: CallbackEndpointsService,
  ) {}

  private queueStats() {
    return Promise.all(this.queues.all().map((q) => this.queues.stats(q)));
  }

  @Get()
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal): Promise<string> {
    const [stats, queues, unreachable, callbacks] = await Promise.all([
      this.stats.stats(),
      this.queueStats(),
      this.assignments.waitingBeyondEveryone(UNREACHABLE_CAP),
      this.endpoints.failingDeliveries(),
    ]);
    return adminPage(stats, queues, { count: unreachable, cap: UNREACHABLE_CAP }, callbacks, principal);
  }

  @Get('queues')
  @HtmlPage()
  async queuesPage(@CurrentPrincipal() principal: Principal): Promise<string> {
    return adminQueuesPage(principal, await this.queueStats());
  }

  @Post('queues/:name/:action')
  async act(@Param('name') name: string, @Param('action') action: string, @Res() response: Response): Promise<void> {
    const act = Object.hasOwn(QUEUE_ACTIONS, action) ? QUEUE_ACTIONS[action] : undefined;
    if (!act) throw ApiError.notFound('Queue action', action);
    await act(this.queues, name);
    response.redirect(HttpStatus.SEE_OTHER, '/ui/admin/queues');
  }
}
