import { CorrectClaimantDto } from './dto/correct-claimant.dto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageOf, PageQueryDto, type Page } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ClaimEventResponse, ClaimResponse, toClaimEventResponse, toClaimResponse } from './claim.response';
import { CLAIM_EXPORT_COLUMNS } from './claim-export';
import { ClaimTransitionService } from './claim-transition.service';
import { ClaimsQueryService } from './claims-query.service';
import { EvidenceDto } from './dto/evidence.dto';
import { ExportClaimsQuery } from './dto/export-claims.query';
import { ListClaimsQuery } from './dto/list-claims.query';
import { TransitionClaimDto } from './dto/transition-claim.dto';
import { UndoVerdictDto } from './dto/undo-verdict.dto';
import { SetTagsDto } from './dto/tags.dto';
import { ClaimTagsService } from './claim-tags.service';

@ApiTags('claims')
@ApiBearerAuth()
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly query: ClaimsQueryService,
    private readonly transitions: ClaimTransitionService,
    private readonly tags: ClaimTagsService,
  ) {}

  @Get()
  @Roles('admin', 'editor', 'reviewer', 'integrator')
  @ApiOperation({ summary: 'Claims, filtered by article, status or assignee; newest or most check-worthy first' })
  @ApiOkResponse({ type: PageOf(ClaimResponse) })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListClaimsQuery): Promise<Page<ClaimResponse>> {
    const page = await this.query.list(principal, query);
    return { items: page.items.map(toClaimResponse), nextCursor: page.nextCursor };
  }

  @Get('export')
  @Roles('admin', 'editor', 'integrator')
  @ApiOperation({
    summary: 'Every claim the listing’s filters select, in its order, as CSV or JSON Lines (streamed, one row a claim)',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  @ApiOkResponse({ description: 'Columns: ' + CLAIM_EXPORT_COLUMNS.join(', ') })
  export(@CurrentPrincipal() principal: Principal, @Query() query: ExportClaimsQuery): Promise<StreamableFile> {
    return this.query.exportFile(principal, query);
  }

  @Get(':id')
  @Roles('admin', 'editor', 'reviewer', 'integrator')
  @ApiOkResponse({ type: ClaimResponse })
  @ApiResponse({ status: 404, description: 'not_found' })
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<ClaimResponse> {
    return toClaimResponse(await this.query.get(principal, id));
  }

  @Get(':id/events')
  @Roles('admin', 'editor', 'reviewer', 'integrator')
  @ApiOperation({ summary: 'The claim’s history, oldest first' })
  @ApiOkResponse({ type: PageOf(ClaimEventResponse) })
  async events(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<ClaimEventResponse>> {
    const events = await this.query.events(principal, id, page);
    return { items: events.items.map(toClaimEventResponse), nextCursor: events.nextCursor };
  }

  @Post(':id/transitions')
  @HttpCode(200)
  @Roles('admin', 'editor', 'reviewer')
  @ApiOperation({
    summary: 'Move a claim through the state machine (reviewers: their assigned claims, or their own last verdict)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: '"<version>" instead of expectedVersion' })
  @ApiOkResponse({ description: 'The moved claim', type: ClaimResponse })
  @ApiResponse({ status: 400, description: 'validation_failed, evidence_required' })
  @ApiResponse({ status: 403, description: 'forbidden' })
  @ApiResponse({ status: 409, description: 'stale_version, illegal_transition' })
  async transition(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: TransitionClaimDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.transitions.move(id, principal, dto, ifMatch));
  }

  @Post(':id/undo')
  @HttpCode(200)
  @Roles('reviewer')
  @ApiOperation({
    summary:
      'Take back your own verdict within VERDICT_UNDO_SECONDS: the claim is unverified and yours again, or back in the pool (assigneeId null) when your list is at capacity',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: '"<version>" instead of expectedVersion' })
  @ApiOkResponse({ description: 'The claim, unverified and assigned to you', type: ClaimResponse })
  @ApiResponse({ status: 403, description: 'forbidden: not your verdict' })
  @ApiResponse({ status: 409, description: 'stale_version, nothing_to_undo, undo_expired' })
  async undo(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UndoVerdictDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.transitions.undo(id, principal, dto, ifMatch));
  }

  @Post(':id/promote')
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({
    summary:
      'Make a candidate (scored below the threshold) a claim in review: queued and matched like the others (admin, editor)',
  })
  @ApiResponse({ status: 403, description: 'forbidden' })
  @ApiOkResponse({ description: 'The claim, unverified and queued', type: ClaimResponse })
  @ApiResponse({ status: 409, description: 'illegal_transition: not a candidate' })
  async promote(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.transitions.promote(id, principal));
  }

  @Put(':id/claimant')
  @Roles('admin', 'editor')
  @ApiOperation({
    summary: 'Correct who the claim is attributed to, and whether a person or an organization (admin, editor)',
  })
  @ApiOkResponse({ description: 'The claim, with the claimant as corrected', type: ClaimResponse })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  @ApiResponse({ status: 404, description: 'not_found' })
  async correctClaimant(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: CorrectClaimantDto,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.transitions.correctClaimant(id, principal, dto));
  }

  @Post(':id/notes')
  @Roles('admin', 'editor', 'reviewer')
  @ApiOperation({ summary: 'Add a note or sources without a move' })
  @ApiCreatedResponse({ description: 'The note, as an event of the claim’s history', type: ClaimEventResponse })
  async annotate(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: EvidenceDto,
  ): Promise<ClaimEventResponse> {
    return toClaimEventResponse(await this.transitions.annotate(id, principal, dto));
  }

  @Put(':id/tags')
  @Roles('admin', 'editor', 'reviewer')
  @ApiOperation({
    summary:
      'Replace the claim’s tags (admin, editor, the reviewer it is assigned to); the change is in its history as tags_changed',
  })
  @ApiOkResponse({ description: 'The claim with its tags', type: ClaimResponse })
  @ApiResponse({ status: 400, description: 'validation_failed, invalid_tag, tag_too_long, too_many_tags' })
  @ApiResponse({ status: 403, description: 'forbidden: a reviewer the claim is not assigned to' })
  async setTags(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: SetTagsDto,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.tags.change(id, principal, { set: dto.tags }));
  }
}
