import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageQueryDto } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CallbackEndpointsService } from './callback-endpoints.service';
import { CreateEndpointDto } from './dto/create-endpoint.dto';

@ApiBearerAuth()
@ApiTags('integrations')
@Roles('admin', 'integrator')
@Controller('integrations/endpoints')
export class CallbackEndpointsController {
  constructor(private readonly endpoints: CallbackEndpointsService) {}

  @Post()
  @ApiOperation({
    summary: 'Subscribe a URL to signed callbacks (integrator: for its own articles; admin)',
    description:
      'Events: article.extracted, claim.status_changed, article.reviewed. Callbacks are signed per Standard Webhooks with the returned secret.',
  })
  @ApiResponse({ status: 201, description: '{id, url, events, secret, …}; the secret is shown this once' })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateEndpointDto) {
    return this.endpoints.create(principal, dto.url, dto.events);
  }

  @Get()
  @ApiOperation({ summary: 'Your callback endpoints (admin: all), without secrets' })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: await this.endpoints.list(principal), nextCursor: null };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Disable an endpoint; pending deliveries to it are given up' })
  @ApiResponse({ status: 200, description: 'The endpoint, disabled' })
  @ApiResponse({ status: 404, description: 'not_found' })
  disable(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.endpoints.disable(principal, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a new signing secret for an endpoint; later deliveries are signed with it (shown this once)',
  })
  @ApiResponse({ status: 200, description: '{id, secret}' })
  @ApiResponse({ status: 404, description: 'not_found' })
  rotateSecret(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string) {
    return this.endpoints.rotateSecret(principal, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: 'Deliveries to an endpoint, newest first, each with every attempt (status, error, duration)',
  })
  @ApiResponse({ status: 404, description: 'not_found' })
  deliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query() page: PageQueryDto,
  ) {
    return this.endpoints.deliveries(principal, id, page);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again now, whatever became of it' })
  @ApiResponse({ status: 202, description: 'The delivery, pending' })
  @ApiResponse({ status: 404, description: 'not_found' })
  @ApiResponse({ status: 409, description: 'conflict: the endpoint is disabled' })
  redeliver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('deliveryId', UuidParamPipe) deliveryId: string,
  ) {
    return this.endpoints.redeliver(principal, id, deliveryId);
  }
}
