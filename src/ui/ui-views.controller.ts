import { Body, Controller, HttpStatus, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CsrfOnlyDto } from './dto/login.dto';
import { SaveViewForm } from './dto/editor-forms.dto';
import { SavedViewsService, viewUrl } from './saved-views.service';
import { UiExceptionFilter } from './ui-exception.filter';

/** Save the search page's filters under a name, and delete a saved view: the same service as /views. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor', 'reviewer')
@Controller('ui/views')
export class UiViewsController {
  constructor(private readonly views: SavedViewsService) {}

  @Post()
  async save(@CurrentPrincipal() principal: Principal, @Body() form: SaveViewForm, @Res() response: Response) {
    const { name, _csrf: _, ...filters } = form;
    const view = await this.views.create(principal, name, filters);
    response.redirect(HttpStatus.SEE_OTHER, viewUrl(view.filters));
  }

  @Post(':id/delete')
  async delete(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() _form: CsrfOnlyDto,
    @Res() response: Response,
  ) {
    await this.views.delete(principal, id);
    response.redirect(HttpStatus.SEE_OTHER, '/ui/search');
  }
}
