import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/principal';
import { csrfTokenFor, csrfTokenMatches } from '../auth/request-origin';
import { sessionTokenOf } from '../auth/api-key.guard';
import { ApiError } from '../common/api-error';
import type { Environment } from '../config/environment';
import { SessionsService } from '../people/sessions.service';
import { SignInService, type SignedIn } from '../people/sign-in.service';
import { CodeDto, CsrfOnlyDto, LoginDto, LoginQuery } from './dto/login.dto';
import { homeOf, safeNext, SessionCookies } from './session-cookie';
import { UiExceptionFilter } from './ui-exception.filter';
import { codePage, loginPage } from './views/sign-in-pages';

/**
 * Where a sign-in goes next: the page asked for, or the role's home; a second factor or an enrolment first. `next`
 * is checked here, where it is used, whatever carried it (a form, a query, the SSO cookie).
 */
export function afterSignIn(signedIn: SignedIn, asked: string | null): string {
  const next = safeNext(asked);
  if (signedIn.stage === 'second_factor') return `/ui/login/code${next ? `?next=${encodeURIComponent(next)}` : ''}`;
  if (signedIn.stage === 'enrolment') return '/ui/account/totp';
  return next ?? homeOf(signedIn.user.role);
}

/** Sign-in and sign-out. The guard refuses sign-ins posted from another origin (login CSRF). */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Public()
@Controller('ui')
export class UiAuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: SessionsService,
    private readonly cookies: SessionCookies,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  private page(response: Response, status: number, body: string): void {
    response.status(status).type('html').setHeader('Cache-Control', 'no-store');
    response.send(body);
  }

  private get sso(): boolean {
    return !!this.config.get('OIDC_ISSUER', { infer: true });
  }

  @Get()
  root(@Res() response: Response): void {
    response.redirect(HttpStatus.SEE_OTHER, '/ui/articles');
  }

  @Get('login')
  login(@Query() query: LoginQuery, @Res() response: Response): void {
    this.page(response, HttpStatus.OK, loginPage({ next: safeNext(query.next), sso: this.sso }));
  }

  @Post('login')
  async signInWithPassword(@Body() dto: LoginDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const next = safeNext(dto.next);
    const email = dto.email?.trim() ?? '';
    try {
      const signedIn = await this.signIn.withPassword(email, dto.password ?? '', request, response);
      this.cookies.set(request, response, signedIn.token);
      response.redirect(HttpStatus.SEE_OTHER, afterSignIn(signedIn, next));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.page(response, error.getStatus(), loginPage({ next, email, error: error.message, sso: this.sso }));
    }
  }

  @Get('login/code')
  async code(@Query() query: LoginQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const token = sessionTokenOf(request);
    const session = token ? await this.sessions.find(token) : null;
    if (!token || session?.stage !== 'second_factor') return response.redirect(HttpStatus.SEE_OTHER, '/ui/login');
    this.page(response, HttpStatus.OK, codePage(csrfTokenFor(token), safeNext(query.next), null));
  }

  @Post('login/code')
  async signInWithCode(@Body() dto: CodeDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const token = sessionTokenOf(request);
    const session = token ? await this.sessions.find(token) : null;
    if (!token || session?.stage !== 'second_factor') return response.redirect(HttpStatus.SEE_OTHER, '/ui/login');
    if (!csrfTokenMatches(token, dto._csrf))
      throw ApiError.forbidden(
        'Refused: the form’s CSRF token is missing or not this session’s; reload the page and try again',
      );
    const next = safeNext(dto.next);
    try {
      const signedIn = await this.signIn.withCode(session, dto.code, request, response);
      this.cookies.set(request, response, signedIn.token);
      response.redirect(HttpStatus.SEE_OTHER, afterSignIn(signedIn, next));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      this.page(response, error.getStatus(), codePage(csrfTokenFor(token), next, error.message));
    }
  }

  /** Ends the session on the server, not only in this browser. */
  @Post('logout')
  async logout(@Body() dto: CsrfOnlyDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const token = sessionTokenOf(request);
    if (token && !csrfTokenMatches(token, dto._csrf))
      throw ApiError.forbidden(
        'Refused: the form’s CSRF token is missing or not this session’s; reload the page and try again',
      );
    if (token) await this.sessions.end(token);
    this.cookies.clear(request, response);
    response.redirect(HttpStatus.SEE_OTHER, '/ui/login');
  }
}
