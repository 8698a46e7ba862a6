import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { ownerIdOf, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { parseIdempotencyKey, requestFingerprint } from './idempotency-key';
import { IdempotencyRepository } from './idempotency.repository';

/**
 * `Idempotency-Key` (IETF httpapi draft), per owner, kept in Postgres so a Redis flush cannot forget it:
 * the same key and body answer the first answer again; another body is 422; while the first runs, 409.
 * Failed requests keep nothing, so they may be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly keys: IdempotencyRepository) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { principal: Principal }>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    const key = parseIdempotencyKey(header);
    if (!key)
      throw ApiError.validation({ 'Idempotency-Key': ['one key of 1 to 255 visible ASCII characters, e.g. "a-uuid"'] });

    const owner = ownerIdOf(request.principal);
    const fingerprint = requestFingerprint(request.method, request.path, request.body);
    if (!(await this.keys.claim(owner, key, fingerprint)))
      return of(await this.replay(owner, key, fingerprint, response));

    return next.handle().pipe(
      mergeMap((body) => from(this.complete(owner, key, response, body))),
      catchError((error) => from(this.keys.release(owner, key)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }

  private async replay(owner: string, key: string, fingerprint: string, response: Response): Promise<unknown> {
    const stored = await this.keys.find(owner, key);
    if (stored && stored.fingerprint !== fingerprint) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'idempotency_conflict',
        'This Idempotency-Key was used with another request body',
      );
    }
    if (!stored || stored.status === 'in_flight') {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'idempotency_in_flight',
        'The first request with this Idempotency-Key is still being processed; retry shortly',
      );
    }
    response.status(stored.responseStatus!);
    if (stored.responseLocation) response.location(stored.responseLocation);
    return stored.responseBody;
  }

  private async complete(owner: string, key: string, response: Response, body: unknown): Promise<unknown> {
    const location = response.getHeader('location');
    await this.keys.complete(owner, key, {
      status: response.statusCode,
      body,
      location: typeof location === 'string' ? location : null,
    });
    return body;
  }
}
