import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { ClaimResponse, toClaimResponse } from '../claims/claim.response';
import { ApiError } from '../common/api-error';
import { PageOf, type Page } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { MAX_IMPORT_ITEMS } from './claim-review-input';
import { ClaimMatchDecisionService } from './claim-match-decision.service';
import { ConfirmMatchDto } from './dto/confirm-match.dto';
import { MATCH_READERS } from './match-readers';
import { SearchFactChecksQuery } from './dto/search-fact-checks.query';
import { FactCheckImportService, ImportResult } from './fact-check-import.service';
import { FactCheckSearchService } from './fact-check-search.service';
import {
  FactCheckHitResponse,
  MatchDecisionResponse,
  MatchListResponse,
  toFactCheckHit,
  toMatchResponse,
} from './fact-check.response';
import { importItemsOf } from './claim-review-input';

@ApiTags('fact-checks')
@ApiBearerAuth()
@Controller()
export class FactChecksController {
  constructor(
    private readonly importer: FactCheckImportService,
    private readonly search: FactCheckSearchService,
    private readonly decisions: ClaimMatchDecisionService,
  ) {}

  @Post('fact-checks/import')
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({
    summary: `Import schema.org ClaimReview: one object, an array or {items}, up to ${MAX_IMPORT_ITEMS}; identity by url, a re-import updates`,
  })
  @ApiBody({ schema: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }] } })
  @ApiOkResponse({ description: 'Counts, and the items refused with why', type: ImportResult })
  @ApiResponse({ status: 400, description: 'validation_failed: not ClaimReview, or too many items' })
  async import(@Body() body: unknown): Promise<ImportResult> {
    const items = importItemsOf(body);
    if (!items)
      throw ApiError.validation({ body: ['must be a ClaimReview object, an array of them, or {items: [...]}'] });
    if (items.length > MAX_IMPORT_ITEMS)
      throw ApiError.validation({
        items: [
          `at most ${MAX_IMPORT_ITEMS} items a call (got ${items.length}); use npm run cli -- fact-checks:import FILE`,
        ],
      });
    return this.importer.importItems(items);
  }

  @Get('fact-checks/search')
  @Roles('admin', 'editor', 'reviewer')
  @ApiOperation({ summary: 'Fact-checks matching a text, best first' })
  @ApiOkResponse({ type: PageOf(FactCheckHitResponse) })
  async searchFactChecks(@Query() query: SearchFactChecksQuery): Promise<Page<FactCheckHitResponse>> {
    const limit = query.limit ?? 10;
    const offset = query.cursor ? Number(query.cursor) : 0;
    const page = await this.search.search(query.q, limit, offset);
    return { items: page.items.map(toFactCheckHit), nextCursor: page.more ? String(offset + limit) : null };
  }

  @Get('claims/:id/matches')
  @Roles(...MATCH_READERS)
  @ApiOperation({
    summary: 'Seen before: fact-checks and claims with a verdict that match this claim, and the same claim elsewhere',
  })
  @ApiOkResponse({ type: MatchListResponse })
  async matches(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<MatchListResponse> {
    return { items: (await this.decisions.list(principal, id)).map(toMatchResponse) };
  }

  @Post('claims/:id/matches/:matchId/confirm')
  @HttpCode(200)
  @Roles('admin', 'editor', 'reviewer')
  @ApiOperation({
    summary: 'The claim takes the match’s verdict, with the fact-check as its source (through the state machine)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: '"<version>" instead of expectedVersion' })
  @ApiOkResponse({ description: 'The moved claim', type: ClaimResponse })
  @ApiResponse({ status: 409, description: 'stale_version, illegal_transition, conflict' })
  async confirm(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('matchId', UuidParamPipe) matchId: string,
    @Body() dto: ConfirmMatchDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.decisions.confirm(principal, id, matchId, dto, ifMatch));
  }

  @Post('claims/:id/matches/:matchId/reject')
  @HttpCode(200)
  @Roles('admin', 'editor', 'reviewer')
  @ApiOperation({ summary: 'Not the same claim: the match is set aside' })
  @ApiOkResponse({ type: MatchDecisionResponse })
  async reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('matchId', UuidParamPipe) matchId: string,
  ): Promise<MatchDecisionResponse> {
    return this.decisions.reject(principal, id, matchId);
  }
}
