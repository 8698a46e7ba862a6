import { Body, Controller, Get, HttpStatus, Param, Patch, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { ArticlesQueryService } from '../articles/articles-query.service';
import { ArticlesService } from '../articles/articles.service';
import { CreateArticleDto } from '../articles/dto/create-article.dto';
import { ListArticlesQuery } from '../articles/dto/list-articles.query';
import { UpdateArticleDto } from '../articles/dto/update-article.dto';
import { ApiError } from '../common/api-error';
import {
  ArticleDetailResponse,
  ArticleResponse,
  emptySummary,
  toArticleDetailResponse,
  toArticleResponse,
} from '../claims/article.response';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { AddClaimDto } from '../claims/dto/add-claim.dto';
import { ArticleClaimsQuery } from '../claims/dto/article-claims.query';
import { ClaimResponse, toClaimResponse } from '../claims/claim.response';
import { PageOf, type Page } from '../common/pagination';
import { ManualClaimService } from '../extraction/manual-claim.service';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('articles')
export class ArticlesController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly query: ArticlesQueryService,
    private readonly claims: ClaimsQueryService,
    private readonly manualClaims: ManualClaimService,
  ) {}

  @Post()
  @Roles('admin', 'editor', 'integrator')
  @ApiOperation({ summary: 'Post an article (admin, editor, integrator); 202 when new, 200 when already known' })
  @ApiAcceptedResponse({ description: 'Accepted; claims are extracted in the background', type: ArticleResponse })
  @ApiOkResponse({ description: 'The same article was posted before; nothing written', type: ArticleResponse })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  @ApiResponse({ status: 413, description: 'payload_too_large' })
  @ApiResponse({
    status: 409,
    description: 'idempotency_in_flight: the first request with this Idempotency-Key is still running',
  })
  @ApiResponse({ status: 422, description: 'idempotency_conflict: this Idempotency-Key was used with another body' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'The same key and body answer the first answer again (kept 24 hours)',
  })
  @UseInterceptors(IdempotencyInterceptor)
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateArticleDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleResponse> {
    const { article, created } = await this.articles.accept(principal, dto);
    // A brand-new article has no claims yet; only a repeat or a revision has a summary to read.
    const summary =
      created && article.revision === 1 ? emptySummary() : (await this.claims.summaries([article.id])).get(article.id)!;
    res.status(created ? HttpStatus.ACCEPTED : HttpStatus.OK).location(`/articles/${article.id}`);
    return toArticleResponse(article, summary);
  }

  @Get()
  @Roles('admin', 'editor', 'reviewer', 'integrator')
  @ApiOperation({ summary: 'Articles, newest first, with claim summaries (integrators: their own)' })
  @ApiOkResponse({ type: PageOf(ArticleResponse) })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListArticlesQuery,
  ): Promise<Page<ArticleResponse>> {
    const page = await this.query.list(principal, query);
    const summaries = await this.claims.summaries(page.items.map((a) => a.id));
    return { items: page.items.map((a) => toArticleResponse(a, summaries.get(a.id)!)), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @Roles('admin', 'editor', 'reviewer', 'integrator')
  @ApiOperation({
    summary:
      'One article with its body, summary and its first claims; `claimsNextCursor` leads on to GET /articles/:id/claims',
  })
  @ApiOkResponse({ type: ArticleDetailResponse })
  @ApiResponse({ status: 404, description: 'not_found' })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<ArticleDetailResponse> {
    const article = await this.query.get(principal, id);
    const [summaries, claims] = await Promise.all([this.claims.summaries([id]), this.claims.claimsOf(id)]);
    return toArticleDetailResponse(article, summaries.get(id)!, claims);
  }

  @Get(':id/claims')
  @Roles('admin', 'editor', 'reviewer', 'integrator')
  @ApiOperation({
    summary:
      "The article's claims (or, with ?tier=candidate, its candidates), a page at a time: current ones in text order, withdrawn ones after them",
  })
  @ApiOkResponse({ type: PageOf(ClaimResponse) })
  @ApiResponse({ status: 404, description: 'not_found' })
  async claimsPage(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query() query: ArticleClaimsQuery,
  ): Promise<Page<ClaimResponse>> {
    await this.query.get(principal, id);
    const claims = await this.claims.claimsOf(id, query, query.tier ?? 'claim');
    return { items: claims.items.map(toClaimResponse), nextCursor: claims.nextCursor };
  }

  @Post(':id/claims')
  @Roles('admin', 'editor')
  @ApiOperation({
    summary:
      'Add a claim the extractor missed, by its span in the body (admin, editor); it is scored, typed and queued like the others',
  })
  @ApiCreatedResponse({ description: 'The new claim', type: ClaimResponse })
  @ApiResponse({ status: 409, description: 'conflict: the span is already a claim, or the article is not ready' })
  async addClaim(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: AddClaimDto,
  ): Promise<ClaimResponse> {
    return toClaimResponse(await this.manualClaims.add(principal, id, dto));
  }

  @Patch(':id')
  @Roles('admin', 'editor')
  @ApiOperation({ summary: 'Set or clear the article’s due date (admin, editor); its claims take it at once' })
  @ApiOkResponse({ type: ArticleResponse })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  @ApiResponse({ status: 404, description: 'not_found' })
  async update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: UpdateArticleDto,
  ): Promise<ArticleResponse> {
    if (dto.dueAt === undefined) throw ApiError.validation({ dueAt: ['send dueAt (an instant, or null for none)'] });
    const article = await this.articles.setDueAt(id, dto.dueAt, principal);
    return toArticleResponse(article, (await this.claims.summaries([id])).get(id)!);
  }
}
