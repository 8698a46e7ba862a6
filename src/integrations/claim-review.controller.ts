import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ClaimReviewDocument, ClaimReviewGraph } from './claim-review.response';
import { ClaimReviewService } from './claim-review.service';

const JSON_LD = 'application/ld+json';

@ApiBearerAuth()
@ApiTags('integrations')
@Roles('admin', 'editor', 'reviewer', 'integrator')
@Controller()
export class ClaimReviewController {
  constructor(private readonly claimReviews: ClaimReviewService) {}

  @Get('claims/:id/claimreview')
  @ApiProduces('application/ld+json')
  @ApiOperation({ summary: 'schema.org ClaimReview JSON-LD for a sourced or disputed claim (integrators: their own)' })
  @ApiOkResponse({ description: 'ClaimReview', type: ClaimReviewDocument })
  @ApiResponse({ status: 404, description: 'not_found: no such claim, or no published verdict' })
  async forClaim(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimReviewDocument> {
    const review = await this.claimReviews.forClaim(principal, id);
    res.type(JSON_LD);
    return review;
  }

  @Get('articles/:id/claimreview')
  @ApiProduces('application/ld+json')
  @ApiOperation({
    summary: 'ClaimReview JSON-LD (@graph) for every sourced or disputed claim of an article (integrators: their own)',
  })
  @ApiOkResponse({ description: 'Every published ClaimReview of the article', type: ClaimReviewGraph })
  @ApiResponse({ status: 404, description: 'not_found' })
  async forArticle(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ClaimReviewGraph> {
    const graph = await this.claimReviews.forArticle(principal, id);
    res.type(JSON_LD);
    return graph;
  }
}
