import { Controller, Get, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { QueuesService } from '../admin/queues.service';
import { StatsService } from '../admin/stats.service';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { HtmlPage } from './html-page.decorator';
import { UiExceptionFilter } from './ui-exception.filter';
import { adminPage } from './views/admin-page';

@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin')
@Controller('ui/admin')
export class UiAdminController {
  constructor(
    private readonly stats: StatsService,
    private readonly queues: QueuesService,
  ) {}

  @Get()
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal): Promise<string> {
    const [stats, queues] = await Promise.all([this.stats.stats(), Promise.all(this.queues.all().map((q) => this.queues.stats(q)))]);
    return adminPage(stats, queues, principal);
  }
}
