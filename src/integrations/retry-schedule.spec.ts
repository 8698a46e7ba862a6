import { nextRetryDelayMs } from './retry-schedule';

describe('callback retry schedule', () => {
  const policy = { baseMs: 30_000, maxDelayMs: 6 * 3600_000, maxAttempts: 13 };

  it('doubles the delay after each failure, between half and all of the ceiling', () => {
    expect(nextRetryDelayMs(1, policy, () => 0)).toBe(15_000);
    expect(nextRetryDelayMs(1, policy, () => 1)).toBe(30_000);
    expect(nextRetryDelayMs(2, policy, () => 1)).toBe(60_000);
    expect(nextRetryDelayMs(5, policy, () => 0.5)).toBe(360_000);
  });

  it('caps the delay', () => {
    expect(nextRetryDelayMs(12, policy, () => 1)).toBe(6 * 3600_000);
  });

  it('spreads retries over hours before giving up after the last attempt', () => {
    let total = 0;
    for (let attempts = 1; attempts < policy.maxAttempts; attempts++)
      total += nextRetryDelayMs(attempts, policy, () => 0)!;
    expect(total).toBeGreaterThan(8 * 3600_000);
    expect(nextRetryDelayMs(policy.maxAttempts, policy)).toBeNull();
  });
});
