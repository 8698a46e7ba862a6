import { Controller, Get, HttpStatus, NotFoundException, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/principal';
import { UiExceptionFilter } from './ui-exception.filter';

/**
 * The site's root leads to the desk, and an address under /ui that no page answers gets a readable page, not the
 * API's JSON. Registered last in UiModule, so every page's own route matches first.
 */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Public()
@Controller()
export class UiFallbackController {
  @Get()
  home(@Res() response: Response): void {
    response.redirect(HttpStatus.SEE_OTHER, '/ui');
  }

  @Get('ui/*path')
  unknownPage(): never {
    throw new NotFoundException(
      'No page of the desk has this address. It may have moved, or the link may be mistyped.',
    );
  }
}
