import { Body, Controller, HttpStatus, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CsrfOnlyDto } from './dto/login.dto';
import { UiExceptionFilter } from './ui-exception.filter';

/** The editor page's Promote button: a plain form (CSRF-checked by the guard), answered with a redirect to the claim. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor')
@Controller('ui/claims')
export class UiCandidatesController {
  constructor(private readonly transitions: ClaimTransitionService) {}

  @Post(':id/promote')
  async promote(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() _dto: CsrfOnlyDto,
    @Res() response: Response,
  ): Promise<void> {
    const claim = await this.transitions.promote(id, principal);
    response.redirect(HttpStatus.SEE_OTHER, `/ui/articles/${claim.articleId}?claim=${claim.id}#claim-heading`);
  }
}
