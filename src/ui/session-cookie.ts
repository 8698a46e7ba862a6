import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../auth/request-origin';
import type { Environment } from '../config/environment';

/** The session cookie: opaque, HTTP-only, `Secure` behind https (the request's or PUBLIC_URL's, for a TLS proxy). */
@Injectable()
export class SessionCookies {
  constructor(private readonly config: ConfigService<Environment, true>) {}

  /** `Lax`, not `Strict`: a person coming back from the SSO provider (a top-level GET from elsewhere) keeps their session. */
  private options(request: Request) {
    const secure = request.secure || this.config.get('PUBLIC_URL', { infer: true }).startsWith('https:');
    return { httpOnly: true, sameSite: 'lax' as const, secure, path: '/' };
  }

  /** The cookie lasts as long as the browser; the server decides how long the session does. */
  set(request: Request, response: Response, token: string): void {
    response.cookie(SESSION_COOKIE, token, this.options(request));
  }

  clear(request: Request, response: Response): void {
    response.clearCookie(SESSION_COOKIE, this.options(request));
  }
}

/** Only paths of this service: an open redirect would let a link send a signed-in person anywhere. */
export function safeNext(next: string | undefined | null): string | null {
  return next && /^\/(ui|admin\/queues\/ui)(\/|\?|$)/.test(next) && !next.includes('\\') ? next : null;
}

export function homeOf(role: string): string {
  return role === 'reviewer' ? '/ui/review' : role === 'admin' ? '/ui/admin' : '/ui/articles';
}
