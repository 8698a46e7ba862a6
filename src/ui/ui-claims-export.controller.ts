import { Controller, Get, Query, StreamableFile, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { ExportClaimsQuery } from '../claims/dto/export-claims.query';
import { UiExceptionFilter } from './ui-exception.filter';

/** The pages' "Export" links: GET /claims/export for a signed-in person, with the filters on screen. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor')
@Controller('ui/claims/export')
export class UiClaimsExportController {
  constructor(private readonly claims: ClaimsQueryService) {}

  @Get()
  export(@CurrentPrincipal() principal: Principal, @Query() query: ExportClaimsQuery): Promise<StreamableFile> {
    return this.claims.exportFile(principal, query);
  }
}
