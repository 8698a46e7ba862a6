/** Each e2e suite gets its own Redis db index (and queue prefix), so suites never see each other's jobs. */
export function testEnvironment(redisDb: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/claimdesk_test',
    REDIS_URL: `redis://127.0.0.1:6379/${redisDb}`,
    QUEUE_PREFIX: `{claimdesk-test-${redisDb}}`,
    LOG_LEVEL: 'warn',
    RECONCILE_INTERVAL_MS: '60000',
    ...overrides,
  };
}
