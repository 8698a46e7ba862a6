import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, Roles, type Principal } from '../auth/principal';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateUserDto, UpdateUserDto } from '../people/dto/user.dto';
import { PeopleService } from '../people/people.service';
import { SessionsService } from '../people/sessions.service';
import { InviteFormDto, PersonChangeFormDto } from './dto/admin-forms.dto';
import { optionalField, validatedAs } from './form-input';
import { HtmlPage } from './html-page.decorator';
import { PagesRepository } from './pages.repository';
import { UiExceptionFilter } from './ui-exception.filter';
import { secretPage } from './views/admin-console';
import { adminPeoplePage } from './views/admin-people-page';

/** People and invitations in the admin console; invitation and reset links are shown on the answer to the post, once. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Roles('admin')
@Controller('ui/admin/people')
export class UiAdminPeopleController {
  constructor(
    private readonly people: PeopleService,
    private readonly sessions: SessionsService,
    private readonly pages: PagesRepository,
  ) {}

  @Get()
  @HtmlPage()
  async page(@CurrentPrincipal() principal: Principal): Promise<string> {
    const [people, lastSeen, reviewers] = await Promise.all([
      this.people.list(),
      this.sessions.lastSeenByUser(),
      this.pages.reviewerNames(),
    ]);
    return adminPeoplePage(
      principal,
      people,
      lastSeen,
      [...reviewers].map(([id, name]) => ({ id, name })),
    );
  }

  @Post()
  @HttpCode(HttpStatus.OK)
  @HtmlPage()
  async invite(@CurrentPrincipal() principal: Principal, @Body() form: InviteFormDto): Promise<string> {
    const dto = await validatedAs(CreateUserDto, {
      name: form.name,
      email: form.email,
      role: form.role,
      reviewerId: optionalField(form.reviewerId),
    });
    const { user, inviteUrl } = await this.people.invite(dto, principal);
    return secretPage(
      principal,
      '/ui/admin/people',
      `Invitation for ${user.name}`,
      `Send this link to ${user.email}: it works once, within 72 hours, to set a password.`,
      [{ label: 'Invitation link', value: inviteUrl }],
      { href: '/ui/admin/people', label: 'Back to people' },
    );
  }

  @Post(':id')
  async change(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Body() form: PersonChangeFormDto,
    @Res() response: Response,
  ): Promise<void> {
    const dto = await validatedAs(UpdateUserDto, {
      role: optionalField(form.role),
      active: form.active === undefined ? undefined : form.active === 'true',
    });
    await this.people.update(id, dto, principal);
    response.redirect(HttpStatus.SEE_OTHER, `/ui/admin/people#person-${id}`);
  }

  /** A lost phone: the second factor is turned off and the person enrols again. */
  @Post(':id/two-factor/reset')
  async resetTwoFactor(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParamPipe) id: string,
    @Res() response: Response,
  ): Promise<void> {
    await this.people.resetTwoFactor(id, principal);
    response.redirect(HttpStatus.SEE_OTHER, `/ui/admin/people#person-${id}`);
  }

  @Post(':id/reset')
  @HttpCode(HttpStatus.OK)
  @HtmlPage()
  async reset(@CurrentPrincipal() principal: Principal, @Param('id', UuidParamPipe) id: string): Promise<string> {
    const [person, resetUrl] = await Promise.all([this.people.get(id), this.people.reset(id, principal)]);
    return secretPage(
      principal,
      '/ui/admin/people',
      `Reset link for ${person.name}`,
      `Send this link to ${person.email}: it works once, within 72 hours; earlier links no longer do.`,
      [{ label: 'Reset link', value: resetUrl }],
      { href: '/ui/admin/people', label: 'Back to people' },
    );
  }
}
