import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { AuditPageService } from './audit-page.service';
import { AuditFilterQuery } from './dto/admin-forms.dto';
import { HtmlPage } from './html-page.decorator';
import { UiExceptionFilter } from './ui-exception.filter';
import { auditPage } from './views/audit-page';

/** The audit log, for admins and editors (as GET /admin/events is). */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor')
@Controller('ui/admin/audit')
export class UiAuditController {
  constructor(private readonly audit: AuditPageService) {}

  @Get()
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal, @Query() query: AuditFilterQuery): Promise<string> {
    return auditPage(principal, await this.audit.load(query));
  }
}
