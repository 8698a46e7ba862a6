import ClusterAllFailedError from 'ioredis/built/errors/ClusterAllFailedError';
import { MaxRetriesPerRequestError } from 'ioredis/built/errors';
import { QueryFailedError } from 'typeorm';
import { isUnavailable } from './unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isUnavailable', () => {
  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTCONN', 'EHOSTUNREACH'])(
    'is an outage when a socket fails with %s',
    (errno) => {
      expect(isUnavailable(withCode(`connect ${errno} 127.0.0.1:5432`, errno))).toBe(true);
    },
  );

  it.each(['08006', '08001', '57P01', '57P02', '57P03', '53300'])(
    'is an outage when Postgres answers SQLSTATE %s',
    (sqlstate) => {
      expect(isUnavailable(withCode('server said so', sqlstate))).toBe(true);
    },
  );

  it('looks through TypeORM’s QueryFailedError at the driver’s error', () => {
    const driverError = withCode('terminating connection due to administrator command', '57P01');
    expect(isUnavailable(new QueryFailedError('SELECT 1', [], driverError))).toBe(true);
  });

  it('looks into an AggregateError of every address tried, and into a cause', () => {
    expect(isUnavailable(new AggregateError([withCode('connect ECONNREFUSED ::1:6379', 'ECONNREFUSED')], ''))).toBe(
      true,
    );
    expect(isUnavailable(new Error('could not enqueue', { cause: withCode('read ECONNRESET', 'ECONNRESET') }))).toBe(
      true,
    );
  });

  it.each(['Connection terminated unexpectedly', 'timeout exceeded when trying to connect', 'Connection is closed.'])(
    'is an outage for the driver message "%s", which has no code',
    (message) => {
      expect(isUnavailable(new Error(message))).toBe(true);
    },
  );

  it('is an outage for ioredis’s retry and cluster errors', () => {
    expect(isUnavailable(new MaxRetriesPerRequestError(20))).toBe(true);
    expect(isUnavailable(new ClusterAllFailedError('Failed to refresh slots cache.', new Error('down')))).toBe(true);
  });

  it('is a bug when Postgres refuses the statement itself', () => {
    expect(
      isUnavailable(
        new QueryFailedError('INSERT', [], withCode('duplicate key value violates unique constraint', '23505')),
      ),
    ).toBe(false);
    expect(isUnavailable(withCode('syntax error at or near "SELEC"', '42601'))).toBe(false);
  });

  it('is a bug when a message only mentions a connection or an errno', () => {
    expect(isUnavailable(new Error('Connection terminated unexpectedly while parsing the reviewer list'))).toBe(false);
    expect(isUnavailable(new Error('ECONNREFUSED in the text of a bad request'))).toBe(false);
    expect(isUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isUnavailable('ECONNREFUSED')).toBe(false);
  });
});
