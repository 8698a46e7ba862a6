import { Body, Controller, Get, HttpStatus, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Public, Roles, type Principal } from '../auth/principal';
import { csrfTokenFor, csrfTokenMatches } from '../auth/request-origin';
import { sessionTokenOf } from '../auth/api-key.guard';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { PeopleService } from '../people/people.service';
import { principalOfSession, SessionsService } from '../people/sessions.service';
import type { SessionRow } from '../people/sessions.repository';
import { TotpEnrolmentService } from '../people/totp-enrolment.service';
import { CodeDto, CsrfOnlyDto, TimeZoneDto } from './dto/login.dto';
import { homeOf, SessionCookies } from './session-cookie';
import { UiExceptionFilter } from './ui-exception.filter';
import { accountPage, totpPage } from './views/sign-in-pages';

const personOnly = (principal: Principal): string => {
  if (!principal.userId || principal.keyId)
    throw ApiError.forbidden(
      'The account page is for people signed in with a password or single sign-on, not API keys',
    );
  return principal.userId;
};

/** A person's own account: two-factor set-up, "sign out everywhere". */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Controller('ui/account')
export class UiAccountController {
  constructor(
    private readonly people: PeopleService,
    private readonly sessions: SessionsService,
    private readonly totp: TotpEnrolmentService,
    private readonly cookies: SessionCookies,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  private page(response: Response, status: number, body: string): void {
    response.status(status).type('html').setHeader('Cache-Control', 'no-store');
    response.send(body);
  }

  @Get()
  @Roles('admin', 'editor', 'reviewer')
  async show(@CurrentPrincipal() principal: Principal, @Res() response: Response): Promise<void> {
    const user = await this.people.get(personOnly(principal));
    const person = {
      email: user.email,
      twoFactor: user.totpEnabledAt !== null,
      timeZone: user.timeZone,
      deskTimeZone: this.config.get('DESK_TIME_ZONE', { infer: true }),
    };
    this.page(response, HttpStatus.OK, accountPage(principal, person, null));
  }

  /** The zone the person reads every page's dates in (from their next request on). */
  @Post('time-zone')
  @Roles('admin', 'editor', 'reviewer')
  async setTimeZone(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: TimeZoneDto,
    @Res() response: Response,
  ): Promise<void> {
    await this.people.setTimeZone(personOnly(principal), dto.timeZone ?? null);
    response.redirect(HttpStatus.SEE_OTHER, '/ui/account');
  }

  /** Ends every session of the person, this one included. */
  @Post('sign-out-everywhere')
  @Roles('admin', 'editor', 'reviewer')
  async signOutEverywhere(
    @CurrentPrincipal() principal: Principal,
    @Body() _dto: CsrfOnlyDto,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.sessions.endAllOf(personOnly(principal));
    this.cookies.clear(request, response);
    response.redirect(HttpStatus.SEE_OTHER, '/ui/login');
  }

  /** A session that is signed in, or one that must enrol before it may be (REQUIRE_2FA_FOR). */
  private async enrollingSession(request: Request): Promise<{ token: string; session: SessionRow } | null> {
    const token = sessionTokenOf(request);
    const session = token ? await this.sessions.find(token) : null;
    return token && session && (session.stage === 'signed_in' || session.stage === 'enrolment')
      ? { token, session }
      : null;
  }

  @Get('totp')
  @Public()
  async offer(@Req() request: Request, @Res() response: Response): Promise<void> {
    const found = await this.enrollingSession(request);
    if (!found) return response.redirect(HttpStatus.SEE_OTHER, '/ui/login?next=%2Fui%2Faccount%2Ftotp');
    await this.render(response, HttpStatus.OK, found.token, found.session, null);
  }

  @Post('totp')
  @Public()
  async confirm(@Body() dto: CodeDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const found = await this.enrollingSession(request);
    if (!found) return response.redirect(HttpStatus.SEE_OTHER, '/ui/login');
    if (!csrfTokenMatches(found.token, dto._csrf))
      throw ApiError.forbidden(
        'Refused: the form’s CSRF token is missing or not this session’s; reload the page and try again',
      );
    try {
      await this.totp.confirm(found.session.userId, dto.code);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      return this.render(response, error.getStatus(), found.token, found.session, error.message);
    }
    if (found.session.stage === 'enrolment')
      this.cookies.set(request, response, await this.sessions.advance(found.session, 'signed_in'));
    response.redirect(
      HttpStatus.SEE_OTHER,
      found.session.stage === 'enrolment' ? homeOf(found.session.role) : '/ui/account',
    );
  }

  private async render(
    response: Response,
    status: number,
    token: string,
    session: SessionRow,
    error: string | null,
  ): Promise<void> {
    const offer = await this.totp.offer(session.userId);
    if (!offer) return response.redirect(HttpStatus.SEE_OTHER, '/ui/account');
    const signedIn =
      session.stage === 'signed_in' ? { ...principalOfSession(session), csrfToken: csrfTokenFor(token) } : null;
    this.page(
      response,
      status,
      totpPage({ ...offer, csrfToken: csrfTokenFor(token), mandatory: session.stage === 'enrolment', error }, signedIn),
    );
  }
}
