import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { actorOf } from '../claims/claim-history';
import { ClaimResponse, toClaimResponse, toVerdictResponse, VerdictResponse } from '../claims/claim.response';
import { PageOf, type Page } from '../common/pagination';
import { TransitionClaimDto } from '../claims/dto/transition-claim.dto';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AssignmentService } from './assignment.service';

@ApiTags('review')
@ApiBearerAuth()
@Roles('reviewer')
@Controller('review')
export class ReviewController {
  constructor(private readonly assignments: AssignmentService) {}

  @Post('next')
  @ApiOperation({
    summary:
      'Take the most check-worthy claim you may review (reviewer); 204 when there is none or you are at capacity',
  })
  @ApiOkResponse({ description: 'The claim, now assigned to you', type: ClaimResponse })
  @ApiNoContentResponse({ description: 'Nothing to give' })
  async next(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimResponse | undefined> {
    const assignment = await this.assignments.pullNext(principal.reviewerId!, actorOf(principal));
    if (!assignment) {
      res.status(204);
      return undefined;
    }
    res.status(200);
    return toClaimResponse(assignment.claim);
  }

  @Get('mine')
  @ApiOperation({ summary: 'Your open claims, most check-worthy first (reviewer)' })
  @ApiOkResponse({ type: PageOf(ClaimResponse) })
  async mine(@CurrentPrincipal() principal: Principal): Promise<Page<ClaimResponse>> {
    const claims = await this.assignments.openClaimsOf(principal.reviewerId!);
    return { items: claims.map(toClaimResponse), nextCursor: null };
  }

  @Post('claims/:id/verdict')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move one of your claims (as POST /claims/:id/transitions) and take the claim to work next, in one request (reviewer)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: '"<version>" instead of expectedVersion' })
  @ApiOkResponse({ description: 'The moved claim, and your next one', type: VerdictResponse })
  @ApiResponse({ status: 400, description: 'validation_failed, evidence_required' })
  @ApiResponse({ status: 403, description: 'forbidden' })
  @ApiResponse({ status: 409, description: 'stale_version, illegal_transition: nothing moved, nothing handed out' })
  async verdict(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: TransitionClaimDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<VerdictResponse> {
    return toVerdictResponse(await this.assignments.moveThenNext(id, principal, dto, ifMatch));
  }

  @Post('claims/:id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand one of your claims back to the pool (reviewer)' })
  @ApiOkResponse({ description: 'The claim, unassigned', type: ClaimResponse })
  async release(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.assignments.unassign(id, actorOf(principal), principal.reviewerId!));
  }
}
