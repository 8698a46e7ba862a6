import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageOf, PageQueryDto, type Page } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CallbackEndpointsService } from './callback-endpoints.service';
import { CreateEndpointDto } from './dto/create-endpoint.dto';
import {
  DeliveryResponse,
  EndpointResponse,
  EndpointSecretResponse,
  NewEndpointResponse,
} from './integrations.response';

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
  @ApiCreatedResponse({ type: NewEndpointResponse })
  @ApiResponse({ status: 400, description: 'validation_failed' })
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateEndpointDto): Promise<NewEndpointResponse> {
    return this.endpoints.create(principal, dto.url, dto.events);
  }

  @Get()
  @ApiOperation({ summary: 'Your callback endpoints (admin: all), without secrets' })
  @ApiOkResponse({ type: PageOf(EndpointResponse) })
  async list(@CurrentPrincipal() principal: Principal): Promise<Page<EndpointResponse>> {
    return { items: await this.endpoints.list(principal), nextCursor: null };
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Disable an endpoint; pending deliveries to it are given up' })
  @ApiOkResponse({ description: 'The endpoint, disabled', type: EndpointResponse })
  @ApiResponse({ status: 404, description: 'not_found' })
  disable(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<EndpointResponse> {
    return this.endpoints.disable(principal, id);
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Issue a new signing secret for an endpoint; later deliveries are signed with it (shown this once)',
  })
  @ApiOkResponse({ type: EndpointSecretResponse })
  @ApiResponse({ status: 404, description: 'not_found' })
  rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<EndpointSecretResponse> {
    return this.endpoints.rotateSecret(principal, id);
  }

  @Get(':id/deliveries')
  @ApiOperation({
    summary: 'Deliveries to an endpoint, newest first, each with every attempt (status, error, duration)',
  })
  @ApiOkResponse({ type: PageOf(DeliveryResponse) })
  @ApiResponse({ status: 404, description: 'not_found' })
  deliveries(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<Page<DeliveryResponse>> {
    return this.endpoints.deliveries(principal, id, page);
  }

  @Post(':id/deliveries/:deliveryId/redeliver')
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a delivery again now, whatever became of it' })
  @ApiAcceptedResponse({ description: 'The delivery, pending', type: DeliveryResponse })
  @ApiResponse({ status: 404, description: 'not_found' })
  @ApiResponse({ status: 409, description: 'conflict: the endpoint is disabled' })
  redeliver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('deliveryId', UuidParamPipe) deliveryId: string,
  ): Promise<DeliveryResponse> {
    return this.endpoints.redeliver(principal, id, deliveryId);
  }
}
