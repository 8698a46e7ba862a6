import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiError } from '../common/api-error';
import { FailedAuthLimiter } from '../common/rate-limit';
import { ApiKeysService } from './api-keys.service';
import { PUBLIC_KEY, ROLES_KEY } from './principal';
import type { Role } from './role';

export const SESSION_COOKIE = 'claimdesk_session';

/** The key a request carries: `Authorization: Bearer`, or the pages' session cookie. */
export function apiKeyOf(request: Request): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const cookie = (request as Request & { cookies?: Record<string, string> }).cookies?.[SESSION_COOKIE];
  return cookie ?? null;
}

/** Global guard: a route is public, or names its roles; everything else is refused. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly failedAuth: FailedAuthLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const request = context.switchToHttp().getRequest<Request & { principal?: unknown }>();
    const key = apiKeyOf(request);
    if (!key) throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'An API key is required: Authorization: Bearer <key>');
    const principal = await this.failedAuth.guard(request, context.switchToHttp().getResponse<Response>(), async () => {
      const found = await this.apiKeys.authenticate(key);
      if (!found) throw new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'The API key is not valid');
      return found;
    });
    request.principal = principal;
    if (!roles || !roles.includes(principal.role)) throw ApiError.forbidden(`The ${principal.role} role may not do this`);
    return true;
  }
}
