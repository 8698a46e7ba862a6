import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { ErrorCode } from './api-error';
import { isUnavailable } from './unavailable';

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  422: 'validation_failed',
  429: 'rate_limited',
  503: 'service_unavailable',
};

interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** Terminus's failed health check: {status: 'error', error: {name: …}, details: {name: …}}. */
function isHealthReport(
  payload: unknown,
): payload is { error: Record<string, unknown>; details: Record<string, unknown> } {
  const report = payload as { status?: unknown; error?: unknown; details?: unknown } | null;
  return (
    typeof report === 'object' &&
    report !== null &&
    report.status === 'error' &&
    typeof report.error === 'object' &&
    report.error !== null &&
    typeof report.details === 'object' &&
    report.details !== null
  );
}

/** Every error leaves as {statusCode, code, message, details?}. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    // Nest hands body-parser's errors over as HttpExceptions, the original (with its `type`) as the cause.
    const parserError = (exception instanceof HttpException ? exception.cause : exception) as
      { type?: string; message?: string } | undefined;
    if (parserError?.type === 'charset.unsupported') {
      return {
        statusCode: 415,
        code: 'unsupported_charset',
        message: `${parserError.message}: send the body as UTF-8`,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload !== null && 'code' in payload) return payload as ErrorBody;
      if (isHealthReport(payload)) {
        // Each check's status only: its error text (hosts, ports, users) is for the log, not a public route.
        const details = Object.fromEntries(
          Object.entries(payload.details).map(([name, result]) => [
            name,
            { status: (result as { status?: unknown })?.status },
          ]),
        );
        return {
          statusCode: status,
          code: 'service_unavailable',
          message: `Down: ${Object.keys(payload.error).join(', ')}`,
          details,
        };
      }
      const message =
        typeof payload === 'string' ? payload : String((payload as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, code: CODE_BY_STATUS[status] ?? 'internal_error', message };
    }
    const bodyParserError = exception as { type?: string; status?: number; message?: string };
    if (bodyParserError?.type === 'entity.too.large') {
      return { statusCode: 413, code: 'payload_too_large', message: 'The request body is over 1 MiB' };
    }
    if (bodyParserError?.type === 'query.invalid') {
      return {
        statusCode: 400,
        code: 'validation_failed',
        message: `The query string could not be read: ${bodyParserError.message}`,
      };
    }
    if (
      (typeof bodyParserError?.type === 'string' && bodyParserError.type.startsWith('entity.')) ||
      bodyParserError?.type === 'encoding.unsupported'
    ) {
      return {
        statusCode: 400,
        code: 'validation_failed',
        message: `The request body could not be read: ${bodyParserError.message}`,
      };
    }
    if (isUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'service_unavailable',
        message: 'A backing service is unavailable; try again shortly',
      };
    }
    return { statusCode: 500, code: 'internal_error', message: 'Internal error' };
  }
}
