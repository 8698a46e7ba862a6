import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { PageQueryDto } from '../common/pagination';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateEndpointDto } from '../integrations/dto/create-endpoint.dto';
import { CreateIntegratorDto } from '../integrations/dto/create-integrator.dto';
import { CallbackEndpointsService } from '../integrations/callback-endpoints.service';
import { IntegratorsService } from '../integrations/integrators.service';
import { EndpointFormDto, IntegratorFormDto } from './dto/admin-forms.dto';
import { validatedAs } from './form-input';
import { HtmlPage } from './html-page.decorator';
import { UiExceptionFilter } from './ui-exception.filter';
import { secretPage } from './views/admin-console';
import { adminEndpointPage, adminIntegratorsPage, webhookAddress } from './views/admin-integrations-page';
import { html } from './views/html';

const BACK = { href: '/ui/admin/integrators', label: 'Back to the integrators' };

/** Integrators, their webhook secrets, and callback endpoints with their deliveries, in the admin console. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin')
@Controller('ui/admin')
export class UiAdminIntegrationsController {
  constructor(
    private readonly integrators: IntegratorsService,
    private readonly endpoints: CallbackEndpointsService,
  ) {}

  @Get('integrators')
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal): Promise<string> {
    const [integrators, endpoints] = await Promise.all([this.integrators.list(), this.endpoints.list(principal)]);
    return adminIntegratorsPage(principal, integrators, endpoints);
  }

  @Post('integrators')
  @HttpCode(HttpStatus.OK)
  @HtmlPage()
  async register(@CurrentPrincipal() principal: Principal, @Body() form: IntegratorFormDto): Promise<string> {
    const dto = await validatedAs(CreateIntegratorDto, { name: form.name });
    const created = await this.integrators.create(dto.name, principal);
    return secretPage(
      principal,
      '/ui/admin/integrators',
      `Integrator ${created.name} registered`,
      html`Give both to the integrator: the key to call the API with, the secret to sign webhooks with.
        ${webhookAddress(created.id)}`,
      [
        { label: 'API key', value: created.apiKey },
        { label: 'Webhook secret', value: created.webhookSecret },
      ],
      BACK,
    );
  }

  @Post('integrators/:id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @HtmlPage()
  async rotateWebhookSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<string> {
    const rotated = await this.integrators.rotateSecret(id, principal);
    return secretPage(
      principal,
      '/ui/admin/integrators',
      'New webhook secret',
      `The integrator signs its webhooks with this from now on; the previous secrets keep working until ${rotated.previousSecretsExpireAt.toISOString()}.`,
      [{ label: 'Webhook secret', value: rotated.webhookSecret }],
      BACK,
    );
  }

  @Post('integrators/:id/endpoints')
  @HttpCode(HttpStatus.OK)
  @HtmlPage()
  async addEndpoint(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: EndpointFormDto,
  ): Promise<string> {
    const integrator = await this.integrators.get(id);
    const dto = await validatedAs(CreateEndpointDto, { url: form.url?.trim(), events: [form.events ?? []].flat() });
    const created = await this.endpoints.create(principal, dto.url, dto.events, integrator.id);
    return secretPage(
      principal,
      '/ui/admin/integrators',
      `Callback endpoint added for ${integrator.name}`,
      'Give this to the integrator: its receiver verifies every callback to this endpoint with it.',
      [{ label: 'Signing secret', value: created.secret }],
      { href: `/ui/admin/endpoints/${created.id}`, label: 'To the endpoint' },
    );
  }

  @Post('endpoints/:id/disable')
  async disable(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.endpoints.disable(principal, id);
    response.redirect(HttpStatus.SEE_OTHER, `/ui/admin/endpoints/${id}`);
  }

  @Get('endpoints/:id')
  @HtmlPage()
  async endpoint(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Query() page: PageQueryDto,
  ): Promise<string> {
    const [endpoint, deliveries, integrators] = await Promise.all([
      this.endpoints.get(principal, id),
      this.endpoints.deliveries(principal, id, { cursor: page.cursor, limit: page.limit ?? 30 }),
      this.integrators.list(),
    ]);
    const owner = integrators.find((i) => i.id === endpoint.ownerId)?.name ?? `owner ${endpoint.ownerId}`;
    return adminEndpointPage(principal, endpoint, owner, deliveries.items, deliveries.nextCursor);
  }

  @Post('endpoints/:id/rotate-secret')
  @HttpCode(HttpStatus.OK)
  @HtmlPage()
  async rotateSigningSecret(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<string> {
    const rotated = await this.endpoints.rotateSecret(principal, id);
    return secretPage(
      principal,
      '/ui/admin/integrators',
      'New signing secret',
      'Every callback to this endpoint from now on, redeliveries too, is signed with this secret: the receiver must verify with it.',
      [{ label: 'Signing secret', value: rotated.secret }],
      { href: `/ui/admin/endpoints/${id}`, label: 'Back to the endpoint' },
    );
  }

  @Post('endpoints/:id/deliveries/:deliveryId/redeliver')
  async redeliver(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Param('deliveryId', UuidParamPipe) deliveryId: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.endpoints.redeliver(principal, id, deliveryId);
    response.redirect(HttpStatus.SEE_OTHER, `/ui/admin/endpoints/${id}#delivery-${deliveryId}`);
  }
}
