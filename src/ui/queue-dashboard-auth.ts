import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { credentialOf, refuseForeignOrigin } from '../auth/api-key.guard';
import type { PrincipalResolver } from '../auth/principal-resolver';
import { ApiError } from '../common/api-error';
import type { FailedAuthLimiter } from '../auth/rate-limit';
import { errorPage } from './views/error-page';

/**
 * bull-board is express middleware, out of reach of the global guard: admins only, checked here. A browser not signed in
 * is sent to sign in, and one signed in with another role gets the pages' readable 403; bull-board's own calls (JSON)
 * get JSON errors. Its own script cannot send a CSRF token, so its buttons are held to the origin check.
 */
export function queueDashboardAuth(principals: PrincipalResolver, failedAuth: FailedAuthLimiter, publicUrl: string) {
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    refuseForeignOrigin(request, publicUrl);
    const credential = credentialOf(request);
    const wantsPage = request.method === 'GET' && request.accepts(['json', 'html']) === 'html';
    if (!credential && wantsPage) {
      response.redirect(303, `/ui/login?next=${encodeURIComponent(request.originalUrl)}`);
      return;
    }
    const refused = () =>
      new ApiError(
        HttpStatus.UNAUTHORIZED,
        'unauthorized',
        'An admin API key is required: Authorization: Bearer <key>',
      );
    if (!credential) throw refused();
    const principal = await failedAuth.guard(request, response, async () => {
      const found = await principals.resolve(credential);
      if (!found) throw refused();
      return found;
    });
    if (principal.role === 'admin') return next();
    const message = 'The queue dashboard is for admins.';
    if (!wantsPage) throw ApiError.forbidden(message);
    response.status(HttpStatus.FORBIDDEN).type('html').setHeader('Cache-Control', 'no-store');
    response.send(errorPage(HttpStatus.FORBIDDEN, message, principal));
  };
}
