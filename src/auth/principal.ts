import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/error-response.dto';
import type { Role } from './role';

/** Who is calling: resolved by the auth guard from an API key, or from a person's session on the pages. */
export interface Principal {
  /** The key used; null when a person signed in to the pages. */
  keyId: string | null;
  /** The person acting: the one signed in, or the owner of the key. */
  userId: string | null;
  name: string;
  role: Role;
  reviewerId: string | null;
  integratorId: string | null;
  /** The person's own time zone for the pages (IANA name); absent or null: the desk's. */
  timeZone?: string | null;
  /** Set when the request came with the session cookie: what the pages' forms and fetches send back. */
  csrfToken?: string;
}

/** Articles belong to the integrator behind a key, or to the key itself (or the person, on the pages). */
export function ownerIdOf(principal: Principal): string {
  return principal.integratorId ?? principal.keyId ?? principal.userId!;
}

export const ROLES_KEY = 'claimdesk:roles';
export const PUBLIC_KEY = 'claimdesk:public';

/** The roles that may call a route; every route must say (or be @Public). The OpenAPI document says so too. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiExtension('x-roles', roles),
    ApiResponse({ status: 401, description: 'unauthorized: no API key, or not a valid one', type: ErrorResponseDto }),
    ApiResponse({ status: 403, description: `forbidden: for ${roles.join(', ')} only`, type: ErrorResponseDto }),
    ApiResponse({ status: 429, description: 'rate_limited', type: ErrorResponseDto }),
  );
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest().principal;
});
