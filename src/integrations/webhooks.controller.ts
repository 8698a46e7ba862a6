import { Body, Controller, Headers, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { ArticleResponse, toArticleResponse } from '../claims/article.response';
import { CreateArticleDto } from '../articles/dto/create-article.dto';
import { CurrentPrincipal, Public, type Principal } from '../auth/principal';
import { ClaimsQueryService } from '../claims/claims-query.service';
import { WebhookSignatureGuard } from './webhook-signature.guard';
import { WebhooksService } from './webhooks.service';

@ApiTags('integrations')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    private readonly claims: ClaimsQueryService,
  ) {}

  @Post('articles')
  @Public()
  @UseGuards(WebhookSignatureGuard)
  @ApiOperation({
    summary: 'Post an article by signed webhook (integrator, by signature; no API key)',
    description:
      'Signed per Standard Webhooks with the integrator’s whsec_ secret; the body is the same as POST /articles.',
  })
  @ApiQuery({ name: 'integrator', required: true, description: 'Your integrator id' })
  @ApiHeader({
    name: 'webhook-id',
    required: true,
    description: 'Unique per message; the same id again is answered with the same article',
  })
  @ApiHeader({ name: 'webhook-timestamp', required: true, description: 'Unix seconds; at most 5 minutes from now' })
  @ApiHeader({
    name: 'webhook-signature',
    required: true,
    description: 'v1,<base64 HMAC-SHA256 of "id.timestamp.body">, several separated by spaces',
  })
  @ApiAcceptedResponse({ description: 'Accepted; claims are extracted in the background', type: ArticleResponse })
  @ApiOkResponse({ description: 'A webhook-id, or an article, seen before; nothing written', type: ArticleResponse })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  @ApiResponse({
    status: 401,
    description: 'unauthorized: a missing, forged or stale signature, or an unknown integrator',
  })
  async receive(
    @CurrentPrincipal() principal: Principal,
    @Headers('webhook-id') webhookId: string,
    @Body() dto: CreateArticleDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ArticleResponse> {
    const { article, created } = await this.webhooks.receiveArticle(principal, webhookId, dto);
    const summary = (await this.claims.summaries([article.id])).get(article.id)!;
    res.status(created ? HttpStatus.ACCEPTED : HttpStatus.OK).location(`/articles/${article.id}`);
    return toArticleResponse(article, summary);
  }
}
