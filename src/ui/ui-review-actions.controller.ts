import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { actorOf } from '../claims/claim-history';
import { toClaimEventResponse, toClaimResponse, toVerdictResponse } from '../claims/claim.response';
import { ClaimTransitionService } from '../claims/claim-transition.service';
import { EvidenceDto } from '../claims/dto/evidence.dto';
import { TransitionClaimDto } from '../claims/dto/transition-claim.dto';
import { UndoVerdictDto } from '../claims/dto/undo-verdict.dto';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AssignmentService } from '../review/assignment.service';

/**
 * What the workbench's script calls. The JSON API takes only `Authorization: Bearer`; these routes are under /ui so
 * the session cookie (with its CSRF token, checked by the guard) counts here. Errors stay JSON for the script.
 */
@ApiExcludeController()
@Roles('reviewer')
@Controller('ui/review/claims')
export class UiReviewActionsController {
  constructor(
    private readonly transitions: ClaimTransitionService,
    private readonly assignments: AssignmentService,
  ) {}

  /** A verdict and the claim to work next, in one request (as `POST /review/claims/:id/verdict`), so the page moves on to it. */
  @Post(':id/verdict')
  @HttpCode(200)
  async verdict(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: TransitionClaimDto,
  ) {
    return toVerdictResponse(await this.assignments.moveThenNext(id, principal, dto));
  }

  @Post(':id/undo')
  @HttpCode(200)
  async undo(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UndoVerdictDto,
  ) {
    return toClaimResponse(await this.transitions.undo(id, principal, dto));
  }

  @Post(':id/notes')
  async annotate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: EvidenceDto,
  ) {
    return toClaimEventResponse(await this.transitions.annotate(id, principal, dto));
  }

  @Post(':id/release')
  @HttpCode(200)
  async release(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return toClaimResponse(await this.assignments.unassign(id, actorOf(principal), principal.reviewerId!));
  }
}
