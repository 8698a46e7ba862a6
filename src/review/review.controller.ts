import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { actorOf } from '../claims/claim-history';
import { toClaimResponse } from '../claims/claim.response';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AssignmentService } from './assignment.service';

@ApiTags('review')
@ApiBearerAuth()
@Roles('reviewer')
@Controller('review')
export class ReviewController {
  constructor(private readonly assignments: AssignmentService) {}

  @Post('next')
  @ApiOperation({ summary: 'Take the most check-worthy claim you may review (reviewer); 204 when there is none or you are at capacity' })
  @ApiResponse({ status: 200, description: 'The claim, now assigned to you' })
  @ApiResponse({ status: 204, description: 'Nothing to give' })
  async next(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) res: Response) {
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
  async mine(@CurrentPrincipal() principal: Principal) {
    const claims = await this.assignments.openClaimsOf(principal.reviewerId!);
    return { items: claims.map(toClaimResponse), nextCursor: null };
  }

  @Post('claims/:id/release')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hand one of your claims back to the pool (reviewer)' })
  async release(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return toClaimResponse(await this.assignments.unassign(id, actorOf(principal), principal.reviewerId!));
  }
}
