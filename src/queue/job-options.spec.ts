import { assignClaimJobPriority } from './job-options';

describe('assign-claim job priority', () => {
  const now = Date.parse('2026-12-05T10:00:00Z');
  const inHours = (h: number) => new Date(now + h * 3_600_000);

  it('puts claims due sooner first, whatever their check-worthiness', () => {
    expect(assignClaimJobPriority(0.1, inHours(1), now)).toBeLessThan(assignClaimJobPriority(0.99, inHours(5), now));
  });

  it('puts claims with a due date before those without one', () => {
    expect(assignClaimJobPriority(0.1, inHours(24 * 365), now)).toBeLessThan(assignClaimJobPriority(1, null, now));
  });

  it('orders by check-worthiness within the same due band, and overdue claims first', () => {
    expect(assignClaimJobPriority(0.9, null, now)).toBeLessThan(assignClaimJobPriority(0.5, null, now));
    expect(assignClaimJobPriority(0, inHours(-3), now)).toBeLessThan(assignClaimJobPriority(1, inHours(2), now));
  });

  it('stays within BullMQ’s range', () => {
    expect(assignClaimJobPriority(0, null, now)).toBeLessThanOrEqual(2 ** 21);
    expect(assignClaimJobPriority(1, inHours(-100), now)).toBeGreaterThanOrEqual(1);
  });
});
