import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CreateKeyDto } from '../admin/dto/create-key.dto';
import { KeysService } from '../admin/keys.service';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { IntegratorsService } from '../integrations/integrators.service';
import { PeopleService } from '../people/people.service';
import { KeyFormDto } from './dto/admin-forms.dto';
import { optionalField, validatedAs } from './form-input';
import { HtmlPage } from './html-page.decorator';
import { PagesRepository } from './pages.repository';
import { UiExceptionFilter } from './ui-exception.filter';
import { secretPage } from './views/admin-console';
import { adminKeysPage, revokeKeyPage } from './views/admin-keys-page';

/** API keys in the admin console: the secret of a new key is on the answer to the post only; revoking asks first. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin')
@Controller('ui/admin/keys')
export class UiAdminKeysController {
  constructor(
    private readonly keys: KeysService,
    private readonly people: PeopleService,
    private readonly integrators: IntegratorsService,
    private readonly pages: PagesRepository,
  ) {}

  @Get()
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal): Promise<string> {
    const [keys, people, reviewers, integrators] = await Promise.all([
      this.keys.list(),
      this.people.list(),
      this.pages.reviewerNames(),
      this.integrators.list(),
    ]);
    const owners = {
      people: new Map(people.map((p) => [p.id, p.name])),
      reviewers,
      integrators: new Map(integrators.map((i) => [i.id, i.name])),
    };
    return adminKeysPage(
      principal,
      keys,
      owners,
      people.filter((p) => p.active),
      [...reviewers].map(([id, name]) => ({ id, name })),
    );
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @HtmlPage()
  async create(@CurrentPrincipal() principal: Principal, @Body() form: KeyFormDto): Promise<string> {
    const dto = await validatedAs(CreateKeyDto, {
      name: form.name,
      role: form.role,
      ownerUserId: optionalField(form.ownerUserId),
      reviewerId: optionalField(form.reviewerId),
    });
    const { entity, key } = await this.keys.create(dto, principal);
    return secretPage(
      principal,
      '/ui/admin/keys',
      `Key “${entity.name}” created`,
      `A ${entity.role} key. Send it as Authorization: Bearer <key>.`,
      [{ label: 'API key', value: key }],
      { href: '/ui/admin/keys', label: 'Back to the keys' },
    );
  }

  @Get(':id/revoke')
  @HtmlPage()
  async confirmRevoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
  ): Promise<string> {
    return revokeKeyPage(principal, await this.keys.get(id));
  }

  @Post(':id/revoke')
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.keys.revoke(id, principal);
    response.redirect(HttpStatus.SEE_OTHER, `/ui/admin/keys#key-${id}`);
  }
}
