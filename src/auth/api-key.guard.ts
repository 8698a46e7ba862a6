import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiError } from '../common/api-error';
import { FailedAuthLimiter } from './rate-limit';
import type { Environment } from '../config/environment';
import { PrincipalResolver, type Credential } from './principal-resolver';
import { PUBLIC_KEY, ROLES_KEY, type Principal } from './principal';
import {
  CSRF_FIELD,
  CSRF_HEADER,
  csrfTokenFor,
  csrfTokenMatches,
  foreignOriginOf,
  isPagePath,
  isStateChanging,
  SESSION_COOKIE,
} from './request-origin';
import type { Role } from './role';

const pathOf = (request: Request) => request.originalUrl.split('?')[0];

/** `Authorization: Bearer <key>`, or, on the pages only, the session cookie (never on the JSON API). */
export function credentialOf(request: Request): Credential | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice('Bearer '.length).trim(), session: false };
  const cookie = isPagePath(pathOf(request)) ? sessionTokenOf(request) : null;
  return cookie ? { token: cookie, session: true } : null;
}

/** The session cookie's token, if the request carries one (wherever it is sent: callers decide where it counts). */
export function sessionTokenOf(request: Request): string | null {
  const token = (request as Request & { cookies?: Record<string, unknown> }).cookies?.[SESSION_COOKIE];
  return typeof token === 'string' && token ? token : null;
}

/** A page's state-changing request from another origin (forms, fetches, the queue dashboard's buttons) is refused. */
export function refuseForeignOrigin(request: Request, publicUrl: string): void {
  if (!isPagePath(pathOf(request)) || !isStateChanging(request.method)) return;
  const foreign = foreignOriginOf(request.headers, request.protocol, publicUrl);
  if (foreign) throw ApiError.forbidden(`Refused: ${foreign}`);
}

/**
 * Global guard, and the one place a request becomes a principal: a route is public, or names its roles. A
 * session's state-changing request must carry its CSRF token (form field or header) as well as come from here.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly principals: PrincipalResolver,
    private readonly failedAuth: FailedAuthLimiter,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    refuseForeignOrigin(request, this.config.get('PUBLIC_URL', { infer: true }));
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const credential = credentialOf(request);
    if (!credential?.token)
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'unauthorized',
        'An API key is required: Authorization: Bearer <key>',
      );
    const principal = await this.failedAuth.guard(request, context.switchToHttp().getResponse<Response>(), async () => {
      const found = await this.principals.resolve(credential);
      if (!found)
        throw new ApiError(
          HttpStatus.UNAUTHORIZED,
          'unauthorized',
          credential.session ? 'The session has ended; sign in again' : 'The API key is not valid',
        );
      return found;
    });
    request.principal = credential.session ? { ...principal, csrfToken: csrfTokenFor(credential.token) } : principal;
    if (credential.session && isStateChanging(request.method)) {
      const given = (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? request.headers[CSRF_HEADER];
      if (!csrfTokenMatches(credential.token, given))
        throw ApiError.forbidden(
          'Refused: the form’s CSRF token is missing or not this session’s; reload the page and try again',
        );
    }
    if (!roles || !roles.includes(principal.role))
      throw ApiError.forbidden(`The ${principal.role} role may not do this`);
    return true;
  }
}
