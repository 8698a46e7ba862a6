import { Controller, Get, HttpStatus, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { SignInService } from '../people/sign-in.service';
import { SingleSignOnService } from '../people/single-sign-on.service';
import { LoginQuery } from './dto/login.dto';
import { safeNext, SessionCookies } from './session-cookie';
import { afterSignIn } from './ui-auth.controller';
import { UiExceptionFilter } from './ui-exception.filter';
import { loginPage } from './views/sign-in-pages';

const ATTEMPT_COOKIE = 'claimdesk_sso';
const ATTEMPT_MINUTES = 10;

/** Single sign-on: off to the provider with PKCE, state and nonce kept in a short-lived, signed, HTTP-only cookie, and back. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Public()
@Controller('ui/sso')
export class UiSsoController {
  constructor(
    private readonly sso: SingleSignOnService,
    private readonly signIn: SignInService,
    private readonly cookies: SessionCookies,
  ) {}

  @Get()
  async start(@Query() query: LoginQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const { url, attempt } = await this.sso.start(safeNext(query.next));
    response.cookie(ATTEMPT_COOKIE, this.sso.sealAttempt(attempt), {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.secure,
      path: '/ui/sso',
      maxAge: ATTEMPT_MINUTES * 60_000,
    });
    response.redirect(HttpStatus.SEE_OTHER, url);
  }

  @Get('callback')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const attempt = this.sso.openAttempt(
      (request as Request & { cookies?: Record<string, unknown> }).cookies?.[ATTEMPT_COOKIE],
    );
    response.clearCookie(ATTEMPT_COOKIE, { httpOnly: true, sameSite: 'lax', secure: request.secure, path: '/ui/sso' });
    try {
      if (!attempt)
        throw new ApiError(
          HttpStatus.UNAUTHORIZED,
          'unauthorized',
          'Single sign-on refused: this sign-in was not started here, or took too long; try again',
        );
      const { user, secondFactorChecked } = await this.sso.finish(request.originalUrl, attempt);
      const signedIn = await this.signIn.begin(user, secondFactorChecked);
      this.cookies.set(request, response, signedIn.token);
      response.redirect(HttpStatus.SEE_OTHER, afterSignIn(signedIn, attempt.next));
    } catch (error) {
      if (!(error instanceof ApiError) || error.getStatus() !== HttpStatus.UNAUTHORIZED) throw error;
      response.status(HttpStatus.UNAUTHORIZED).type('html').setHeader('Cache-Control', 'no-store');
      response.send(loginPage({ next: null, error: error.message, sso: true }));
    }
  }
}
