/** The database the migrations build; every suite works on a copy of its own. */
export const TEMPLATE_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimdesk_test';

/** The Redis server the suites use (one db index each); another one lets two checkouts run their suites side by side. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export function suiteDatabaseUrl(redisDb: number): string {
  const url = new URL(TEMPLATE_DATABASE_URL);
  url.pathname = `${url.pathname}_${redisDb}`;
  return url.toString();
}

/** Each e2e suite gets its own Redis db index, queue prefix and database, so suites never see each other's work. */
export function testEnvironment(redisDb: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: suiteDatabaseUrl(redisDb),
    REDIS_URL: `${TEST_REDIS_URL}/${redisDb}`,
    QUEUE_PREFIX: `{claimdesk-test-${redisDb}}`,
    LOG_LEVEL: 'warn',
    RECONCILE_INTERVAL_MS: '60000',
    // Suites run several workers side by side: each serves its /health and /metrics on a free port.
    WORKER_PORT: '0',
    // The tests' callback receivers listen on this machine.
    CALLBACK_ALLOW_PRIVATE_NETWORKS: 'true',
    ...overrides,
  };
}
