import ClusterAllFailedError from 'ioredis/built/errors/ClusterAllFailedError';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import { QueryFailedError } from 'typeorm';

/** Socket errnos: the peer is not there, or went away. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTCONN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EAI_AGAIN',
]);

/** Postgres: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; and all of class 08 (connection exception). */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_EXCEPTION_CLASS = '08';

/**
 * Connection failures the drivers raise without a code, by their exact messages: node-postgres (client and pool,
 * pg 8) and ioredis 5 (commands rejected once the connection closed, or while it is down with no offline queue).
 */
const UNAVAILABLE_MESSAGES = new Set([
  'Connection terminated',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Connection is closed.',
  "Stream isn't writeable and enableOfflineQueue options is false",
  'Command aborted due to connection close',
]);

/** Whether an error is a backing service (Postgres, Redis) being unreachable, answered 503, rather than a bug (500). */
export function isUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  if (error instanceof MaxRetriesPerRequestError || error instanceof ClusterAllFailedError) return true;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (UNAVAILABLE_ERRNOS.has(code) ||
      UNAVAILABLE_SQLSTATES.has(code) ||
      (code.length === 5 && code.startsWith(CONNECTION_EXCEPTION_CLASS)))
  )
    return true;
  if (UNAVAILABLE_MESSAGES.has(error.message)) return true;
  // What wraps the driver's error: TypeORM's QueryFailedError, an AggregateError of every address tried, a cause.
  const wrapped = [
    error instanceof QueryFailedError ? error.driverError : undefined,
    ...(error instanceof AggregateError ? error.errors : []),
    error.cause,
  ];
  return wrapped.some((inner) => inner !== error && isUnavailable(inner, depth + 1));
}
