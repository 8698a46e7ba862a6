import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Principal } from '../auth/principal';
import { isUnavailable } from '../common/unavailable';
import { errorPage, refusalTitle } from './views/error-page';
import { typedFields, withRefusedForm, type RefusedForm } from './views/refused-form';

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
        ? Object.entries(body.details).flatMap(([field, messages]) => {
            const readable = [messages].flat().filter((m) => typeof m === 'string' || typeof m === 'number');
            return readable.length ? [`${field}: ${readable.join('; ')}`] : [];
          })
        : undefined;
    const back = request.method === 'POST' ? pageReferrer(request) : null;
    if (back && SHOWN_AGAIN.has(status)) {
      const code = typeof (body as { code?: unknown }).code === 'string' ? (body as { code: string }).code : null;
      showFormAgain(request, response, back, {
        action: request.path,
        fields: typedFields(request.body),
        status,
        code,
        title: refusalTitle(status),
        message,
        problems: details ?? [],
        explained: false,
      });
      return;
    }
    response.status(status).type('html').setHeader('Cache-Control', 'no-store');
    response.send(errorPage(status, message, request.principal ?? null, details, back));
  }
}

/** Refusals of what was typed (invalid input, a conflict): the form comes back on its page, filled as it was sent. */
const SHOWN_AGAIN = new Set([HttpStatus.BAD_REQUEST, HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_ENTITY]);

/**
 * Renders the page the form was posted from again (a GET through the app, with the same session), with the refused
 * form's values in its form and the reason on the page, under the refusal's status.
 */
function showFormAgain(request: Request, response: Response, page: string, refused: RefusedForm): void {
  const setStatus = response.status.bind(response);
  response.status = (code: number) => setStatus(code === HttpStatus.OK ? refused.status : code);
  request.method = 'GET';
  request.url = page;
  request.originalUrl = page;
  // Express's own dispatch (untyped): the page's route runs with its guards, as for the person's own GET.
  const app = request.app as unknown as { handle(req: Request, res: Response, done: () => void): void };
  withRefusedForm(refused, () =>
    app.handle(request, response, () => {
      if (!response.headersSent) response.status(refused.status).type('text').send(refused.message);
    }),
  );
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
