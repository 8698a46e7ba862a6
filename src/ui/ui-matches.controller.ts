import { Controller, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import type { ClaimEntity } from '../claims/claim.entity';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { ApiError } from '../common/api-error';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ClaimMatchDecisionService } from '../fact-checks/claim-match-decision.service';
import { UiMatchDecisionQuery } from './dto/ui-articles.query';
import { UiExceptionFilter } from './ui-exception.filter';

/**
 * "Seen before"'s buttons: plain form posts (session cookie and its CSRF token, checked by the guard) that decide a
 * match through the API's own service, then send the browser back to the page it came from (post, redirect, get).
 */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin', 'editor', 'reviewer')
@Controller('ui/claims/:id/matches/:matchId')
export class UiMatchesController {
  constructor(
    private readonly decisions: ClaimMatchDecisionService,
    private readonly claims: ClaimsQueryService,
  ) {}

  @Post(':decision')
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('matchId', UuidParamPipe) matchId: string,
    @Param('decision') decision: string,
    @Query() query: UiMatchDecisionQuery,
    @Res() response: Response,
  ): Promise<void> {
    let claim: ClaimEntity;
    if (decision === 'confirm') claim = await this.decisions.confirm(principal, id, matchId, {});
    else if (decision === 'reject') {
      await this.decisions.reject(principal, id, matchId);
      claim = await this.claims.get(principal, id);
    } else throw ApiError.notFound('Decision', decision);
    // Back on the workbench, a confirmed claim's flash says what it now is.
    const back =
      query.back === 'review'
        ? `/ui/review?claim=${id}${decision === 'confirm' ? `&moved=${id}` : ''}`
        : `/ui/articles/${claim.articleId}?claim=${id}`;
    response.redirect(HttpStatus.SEE_OTHER, `${back}#seen-before`);
  }
}
