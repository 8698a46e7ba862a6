import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiKeysService } from '../auth/api-keys.service';
import { Public, type Principal } from '../auth/principal';
import { SESSION_COOKIE } from '../auth/request-origin';
import { FailedAuthLimiter } from '../auth/rate-limit';
import { LoginDto, LoginQuery } from './dto/login.dto';
import { UiExceptionFilter } from './ui-exception.filter';
import { loginPage } from './views/login-page';

const SESSION_HOURS = 12;

/** Only paths of this service: an open redirect would let a link send a signed-in user anywhere. */
function safeNext(next: string | undefined): string | null {
  return next && /^\/(ui|admin\/queues\/ui)(\/|\?|$)/.test(next) && !next.includes('\\') ? next : null;
}

function homeOf(principal: Principal): string {
  return principal.role === 'reviewer' ? '/ui/review' : principal.role === 'admin' ? '/ui/admin' : '/ui/articles';
}

/** The guard refuses sign-ins posted from another origin (login CSRF); a deactivated reviewer's key is refused as everywhere. */
@ApiExcludeController()
@UseFilters(UiExceptionFilter)
@Public()
@Controller('ui')
export class UiAuthController {
  constructor(
    private readonly apiKeys: ApiKeysService,
    private readonly failedAuth: FailedAuthLimiter,
  ) {}

  @Get()
  root(@Res() response: Response): void {
    response.redirect(HttpStatus.SEE_OTHER, '/ui/articles');
  }

  @Get('login')
  login(@Query() query: LoginQuery, @Res() response: Response): void {
    response.type('html').setHeader('Cache-Control', 'no-store');
    response.send(loginPage(safeNext(query.next), null));
  }

  @Post('login')
  async signIn(@Body() dto: LoginDto, @Req() request: Request, @Res() response: Response): Promise<void> {
    const key = dto.apiKey?.trim() ?? '';
    if (key) await this.failedAuth.refuseIfOverLimit(request, response);
    const principal = key ? await this.apiKeys.authenticate(key) : null;
    if (!principal) {
      if (key) await this.failedAuth.recordFailure(request);
      response.status(HttpStatus.UNAUTHORIZED).type('html').setHeader('Cache-Control', 'no-store');
      response.send(loginPage(safeNext(dto.next), key ? 'That key is not valid (or has been revoked).' : 'Enter your API key.'));
      return;
    }
    // The key itself is the session: revoking it ends every session at once, with no session table to keep in step.
    response.cookie(SESSION_COOKIE, key, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/',
      maxAge: SESSION_HOURS * 3600 * 1000,
    });
    response.redirect(HttpStatus.SEE_OTHER, safeNext(dto.next) ?? homeOf(principal));
  }

  @Post('logout')
  logout(@Req() request: Request, @Res() response: Response): void {
    response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/' });
    response.redirect(HttpStatus.SEE_OTHER, '/ui/login');
  }
}
