import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { ClaimResponse, toClaimResponse } from '../claims/claim.response';
import { PageOf, PageQueryDto, type Page } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ApproveVerdictDto, ReturnVerdictDto } from './dto/second-opinion.dto';
import { SecondOpinionService } from './second-opinion.service';

@ApiTags('review')
@ApiBearerAuth()
@Roles('admin', 'editor', 'reviewer')
@Controller()
export class SecondOpinionController {
  constructor(private readonly secondOpinion: SecondOpinionService) {}

  @Get('review/second-opinions')
  @ApiOperation({
    summary: 'Verdicts waiting for a second opinion you may give (not your own), most check-worthy first',
  })
  @ApiOkResponse({ type: PageOf(ClaimResponse) })
  async waiting(@CurrentPrincipal() principal: Principal, @Query() page: PageQueryDto): Promise<Page<ClaimResponse>> {
    const claims = await this.secondOpinion.waitingFor(principal, page);
    return { items: claims.items.map(toClaimResponse), nextCursor: claims.nextCursor };
  }

  @Post('claims/:id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve a verdict waiting for a second opinion (anyone but its author): it is published — callbacks, ClaimReview, the desk’s fact-check',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: '"<version>" instead of expectedVersion' })
  @ApiOkResponse({ description: 'The claim, approval "approved"', type: ClaimResponse })
  @ApiResponse({ status: 403, description: 'own_verdict' })
  @ApiResponse({ status: 409, description: 'stale_version, not_pending' })
  async approve(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ApproveVerdictDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.secondOpinion.approve(id, principal, dto, ifMatch));
  }

  @Post('claims/:id/return')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Return a verdict waiting for a second opinion to its reviewer with a note (anyone but its author): the claim is unverified again',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: '"<version>" instead of expectedVersion' })
  @ApiOkResponse({
    description: 'The claim, unverified; assigned to its reviewer when they have room',
    type: ClaimResponse,
  })
  @ApiResponse({ status: 400, description: 'validation_failed: a note is required' })
  @ApiResponse({ status: 403, description: 'own_verdict' })
  @ApiResponse({ status: 409, description: 'stale_version, not_pending' })
  async returnVerdict(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ReturnVerdictDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.secondOpinion.returnVerdict(id, principal, dto, ifMatch));
  }
}
