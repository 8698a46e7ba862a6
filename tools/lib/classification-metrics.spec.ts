import { bestThreshold, f1WithInterval, yesClassMetrics } from './classification-metrics';

describe('classification metrics', () => {
  it('computes Yes-class precision, recall and F1 at a threshold', () => {
    expect(yesClassMetrics([0.9, 0.6, 0.4, 0.1], [1, 0, 1, 0], 0.5)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('picks the threshold with the best F1', () => {
    const set = { scores: [0.8, 0.6, 0.35, 0.3, 0.2], labels: [1, 0, 1, 1, 0] };

    expect(bestThreshold(set)).toBe(0.21);
    expect(yesClassMetrics(set.scores, set.labels, bestThreshold(set)).f1).toBeCloseTo(6 / 7, 10);
  });

  it('gives F1 with a seeded bootstrap interval around it that narrows with more rows', () => {
    const rows = (n: number) => ({
      scores: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 0.9 : i % 5 === 0 ? 0.6 : 0.2)),
      labels: Array.from({ length: n }, (_, i) => (i % 3 === 0 || i % 7 === 0 ? 1 : 0)),
    });
    const few = f1WithInterval(rows(60), 0.5);
    const many = f1WithInterval(rows(2000), 0.5);

    expect(few.f1).toBeCloseTo(yesClassMetrics(rows(60).scores, rows(60).labels, 0.5).f1, 10);
    expect(few.low).toBeLessThanOrEqual(few.f1);
    expect(few.high).toBeGreaterThanOrEqual(few.f1);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    expect(f1WithInterval(rows(60), 0.5)).toEqual(few);
  });
});
