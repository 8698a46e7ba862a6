import { Controller, Get, Query, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UiSearchQuery } from './dto/ui-search.query';
import { HtmlPage } from './html-page.decorator';
import { SearchPageService } from './search-page.service';
import { UiExceptionFilter } from './ui-exception.filter';
import { searchPage } from './views/search-page';

/** Claims and fact-checks by text, status, claimant and date; the desk's roles only, like GET /fact-checks/search. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor', 'reviewer')
@Controller('ui/search')
export class UiSearchController {
  constructor(private readonly search: SearchPageService) {}

  @Get()
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal, @Query() query: UiSearchQuery): Promise<string> {
    const [result, assignable] = await Promise.all([this.search.load(query), this.search.assignable(principal)]);
    return searchPage(result, query, principal, assignable);
  }
}
