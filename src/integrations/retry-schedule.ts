export interface RetryPolicy {
  baseMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

/**
 * When to try a callback again after `attempts` failed tries, or null to give up. Exponential, capped,
 * with "equal jitter" (half fixed, half random) so endpoints that failed together are not all retried together.
 */
export function nextRetryDelayMs(
  attempts: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (attempts >= policy.maxAttempts) return null;
  const ceiling = Math.min(policy.baseMs * 2 ** (attempts - 1), policy.maxDelayMs);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
