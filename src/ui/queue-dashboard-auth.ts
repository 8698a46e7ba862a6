import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { credentialOf, refuseForeignOrigin } from '../auth/api-key.guard';
import type { ApiKeysService } from '../auth/api-keys.service';
import { ApiError } from '../common/api-error';
import type { FailedAuthLimiter } from '../auth/rate-limit';

/**
 * bull-board is express middleware, out of reach of the global guard: admins only, checked here. A browser without
 * a key is sent to sign in. Its own script cannot send a CSRF token, so its buttons are held to the origin check.
 */
export function queueDashboardAuth(apiKeys: ApiKeysService, failedAuth: FailedAuthLimiter, publicUrl: string) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    refuseForeignOrigin(request, publicUrl);
    const key = credentialOf(request)?.key;
    if (!key && request.method === 'GET' && request.accepts(['json', 'html']) === 'html') {
      response.redirect(303, `/ui/login?next=${encodeURIComponent(request.originalUrl)}`);
      return;
    }
    const refused = () => new ApiError(HttpStatus.UNAUTHORIZED, 'unauthorized', 'An admin API key is required: Authorization: Bearer <key>');
    if (!key) throw refused();
    const principal = await failedAuth.guard(request, response, async () => {
      const found = await apiKeys.authenticate(key);
      if (!found) throw refused();
      return found;
    });
    if (principal.role !== 'admin') throw ApiError.forbidden('The queue dashboard is for admins');
    next();
  };
}
