import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UiLiveQuery } from './dto/ui-live.query';
import { LiveUpdatesService } from './live-updates.service';
import { UiExceptionFilter } from './ui-exception.filter';

/** Server-Sent Events for the pages (under /ui, so the session cookie counts): `?article=<id>` or `?workbench=1`. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor', 'reviewer', 'integrator')
@Controller('ui/live')
export class UiLiveController {
  constructor(private readonly live: LiveUpdatesService) {}

  @Get()
  stream(
    @CurrentPrincipal() principal: Principal,
    @Query() query: UiLiveQuery,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.live.open(principal, query, request, response);
  }
}
