import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { catchError, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { ownerIdOf, type Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { parseIdempotencyKey, requestFingerprint } from './idempotency-key';

/** A first request that has not finished in this long is taken to have died; a retry may run it again. */
const IN_FLIGHT_LIMIT = '60 seconds';
/** Answers are replayed for this long. */
const RETENTION = '24 hours';

interface StoredKey {
  fingerprint: string;
  status: 'in_flight' | 'done';
  response_status: number | null;
  response_body: unknown;
  response_location: string | null;
}

/**
 * `Idempotency-Key` (IETF httpapi draft), per owner, kept in Postgres so a Redis flush cannot forget it:
 * the same key and body answer the first answer again; another body is 422; while the first runs, 409.
 * Failed requests keep nothing, so they may be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { principal: Principal }>();
    const response = context.switchToHttp().getResponse<Response>();
    const header = request.headers['idempotency-key'];
    if (header === undefined) return next.handle();
    const key = parseIdempotencyKey(header);
    if (!key) throw ApiError.validation({ 'Idempotency-Key': ['one key of 1 to 255 visible ASCII characters, e.g. "a-uuid"'] });

    const owner = ownerIdOf(request.principal);
    const fingerprint = requestFingerprint(request.method, request.path, request.body);
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO idempotency_keys (owner_id, key, fingerprint, expires_at) VALUES ($1, $2, $3, now() + interval '${RETENTION}')
       ON CONFLICT (owner_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status = 'in_flight', response_status = NULL,
         response_body = NULL, response_location = NULL, started_at = now(), expires_at = EXCLUDED.expires_at
       WHERE idempotency_keys.expires_at < now()
          OR (idempotency_keys.status = 'in_flight' AND idempotency_keys.started_at < now() - interval '${IN_FLIGHT_LIMIT}'
              AND idempotency_keys.fingerprint = EXCLUDED.fingerprint)
       RETURNING 1`,
      [owner, key, fingerprint],
    );
    if (claimed.length === 0) return of(await this.replay(owner, key, fingerprint, response));

    return next.handle().pipe(
      mergeMap((body) => from(this.complete(owner, key, response, body))),
      catchError((error) => from(this.release(owner, key)).pipe(mergeMap(() => throwError(() => error)))),
    );
  }

  private async replay(owner: string, key: string, fingerprint: string, response: Response): Promise<unknown> {
    const [stored]: StoredKey[] = await this.dataSource.query(
      `SELECT fingerprint, status, response_status, response_body, response_location FROM idempotency_keys WHERE owner_id = $1 AND key = $2`,
      [owner, key],
    );
    if (stored && stored.fingerprint !== fingerprint) {
      throw new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, 'idempotency_conflict', 'This Idempotency-Key was used with another request body');
    }
    if (!stored || stored.status === 'in_flight') {
      throw new ApiError(HttpStatus.CONFLICT, 'idempotency_in_flight', 'The first request with this Idempotency-Key is still being processed; retry shortly');
    }
    response.status(stored.response_status!);
    if (stored.response_location) response.location(stored.response_location);
    return stored.response_body;
  }

  private async complete(owner: string, key: string, response: Response, body: unknown): Promise<unknown> {
    const location = response.getHeader('location');
    await this.dataSource.query(
      `UPDATE idempotency_keys SET status = 'done', response_status = $3, response_body = $4, response_location = $5 WHERE owner_id = $1 AND key = $2`,
      [owner, key, response.statusCode, JSON.stringify(body ?? null), typeof location === 'string' ? location : null],
    );
    return body;
  }

  private async release(owner: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE owner_id = $1 AND key = $2 AND status = 'in_flight'`, [owner, key]);
  }
}
