import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { isUnavailable } from '../common/unavailable';
import { errorPage } from './views/error-page';

/** Pages answer in HTML: a browser without a session is sent to sign in (303); other errors get a readable page. The API keeps its JSON errors. */
@Catch()
export class UiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(UiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : isUnavailable(exception)
          ? HttpStatus.SERVICE_UNAVAILABLE
          : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status === HttpStatus.UNAUTHORIZED && !request.headers.authorization) {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.originalUrl)}` : '';
      response.redirect(HttpStatus.SEE_OTHER, `/ui/login${next}`);
      return;
    }
    if (status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const payload = exception instanceof HttpException ? exception.getResponse() : null;
    const body =
      typeof payload === 'object' && payload !== null ? (payload as { message?: unknown; details?: unknown }) : {};
    const message =
      status >= 500
        ? 'The desk could not answer this time; try again shortly.'
        : String(body.message ?? (exception as Error).message);
    const details =
      body.details && typeof body.details === 'object'
        ? Object.entries(body.details).map(([field, messages]) => `${field}: ${[messages].flat().join('; ')}`)
        : undefined;
    response.status(status).type('html').setHeader('Cache-Control', 'no-store');
    response.send(
      errorPage(
        status,
        message,
        request.principal ?? null,
        details,
        request.method === 'POST' ? pageReferrer(request) : null,
      ),
    );
  }
}

/** The page of this desk a form was posted from (pages send `Referrer-Policy: same-origin`), or null. */
function pageReferrer(request: Request): string | null {
  try {
    const from = new URL(request.headers.referer ?? '');
    return from.host === request.headers.host && from.pathname.startsWith('/ui/')
      ? `${from.pathname}${from.search}${from.hash}`
      : null;
  } catch {
    return null;
  }
}
