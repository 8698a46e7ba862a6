import { validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('fills in defaults for the local Postgres and Redis', () => {
    const env = validateEnvironment({});
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/claimdesk');
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379/0');
    expect(env.PORT).toBe(3000);
  });

  it('names the service in links by its port unless PUBLIC_URL says otherwise', () => {
    expect(validateEnvironment({ PORT: '4100' })).toMatchObject({
      PUBLIC_URL: 'http://localhost:4100',
      ORGANIZATION_URL: 'http://localhost:4100',
    });
    expect(validateEnvironment({ PORT: '4100', PUBLIC_URL: 'https://desk.example/' })).toMatchObject({
      PUBLIC_URL: 'https://desk.example',
      ORGANIZATION_URL: 'https://desk.example',
    });
  });

  it('trusts no proxy by default, and takes addresses, CIDR blocks and Express’s named ranges', () => {
    expect(validateEnvironment({}).TRUSTED_PROXIES).toEqual([]);
    expect(
      validateEnvironment({ TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7,::1,fd00::/8,loopback' }).TRUSTED_PROXIES,
    ).toEqual(['10.0.0.0/8', '192.0.2.7', '::1', 'fd00::/8', 'loopback']);
    for (const wrong of ['10.0.0.0/33', 'lb.internal', '10.0.0.1/8/8', '::1/129', '10.0.0.0/', '*'])
      expect(() => validateEnvironment({ TRUSTED_PROXIES: wrong })).toThrow(/TRUSTED_PROXIES lists IP addresses/);
  });

  it('stops with a message naming the variable that is wrong', () => {
    expect(() => validateEnvironment({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ QUEUE_PREFIX: 'claimdesk' })).toThrow(/QUEUE_PREFIX must look like \{name\}/);
  });

  it('lets a verdict be undone for 10 minutes and shows dates in UTC, by default; takes only IANA zones', () => {
    expect(validateEnvironment({})).toMatchObject({ VERDICT_UNDO_SECONDS: 600, DESK_TIME_ZONE: 'UTC' });
    expect(validateEnvironment({ VERDICT_UNDO_SECONDS: '2', DESK_TIME_ZONE: 'Europe/Berlin' })).toMatchObject({
      VERDICT_UNDO_SECONDS: 2,
      DESK_TIME_ZONE: 'Europe/Berlin',
    });
    expect(() => validateEnvironment({ VERDICT_UNDO_SECONDS: '-1' })).toThrow(/VERDICT_UNDO_SECONDS/);
    expect(() => validateEnvironment({ DESK_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/DESK_TIME_ZONE/);
  });

  it('takes a Redis Cluster as a list of host:port, and none by default', () => {
    expect(validateEnvironment({}).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(
      validateEnvironment({ REDIS_CLUSTER_NODES: '10.0.0.1:7000,redis-b.internal:7001' }).REDIS_CLUSTER_NODES,
    ).toBe('10.0.0.1:7000,redis-b.internal:7001');
    for (const wrong of ['10.0.0.1', 'redis://10.0.0.1:7000', '10.0.0.1:7000,', '10.0.0.1:7000, 10.0.0.2:7000']) {
      expect(() => validateEnvironment({ REDIS_CLUSTER_NODES: wrong })).toThrow(
        /REDIS_CLUSTER_NODES must look like host:port,host:port/,
      );
    }
  });

  it('never quotes a key or a URL password in that message', () => {
    const key = 'cdk_0123456789abcdef_too-short';
    expect(() => validateEnvironment({ ADMIN_API_KEY: key })).toThrow(/ADMIN_API_KEY/);
    expect(() => validateEnvironment({ ADMIN_API_KEY: key })).not.toThrow(new RegExp(key));
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://user:s3cret@db/claimdesk' })).toThrow(/DATABASE_URL/);
    expect(() => validateEnvironment({ DATABASE_URL: 'mysql://user:s3cret@db/claimdesk' })).not.toThrow(/s3cret/);
    expect(() => validateEnvironment({ METRICS_TOKEN: 'short-s3cret' })).toThrow(/METRICS_TOKEN/);
    expect(() => validateEnvironment({ METRICS_TOKEN: 'short-s3cret' })).not.toThrow(/short-s3cret/);
  });

  it('throttles failed authentications and keeps rows for the windows they serve, by default', () => {
    expect(validateEnvironment({})).toMatchObject({
      AUTH_FAILURE_LIMIT: 20,
      AUTH_FAILURE_WINDOW_SECONDS: 60,
      RETENTION_IDEMPOTENCY_HOURS: 24,
      RETENTION_WEBHOOK_RECEIPTS_HOURS: 168,
      RETENTION_CALLBACK_ATTEMPTS_HOURS: 720,
    });
    expect(validateEnvironment({}).METRICS_TOKEN).toBeUndefined();
    // Shorter than the replay window would forget answers a retry may still ask for.
    expect(() => validateEnvironment({ RETENTION_IDEMPOTENCY_HOURS: '12' })).toThrow(/RETENTION_IDEMPOTENCY_HOURS/);
  });
});
