import { bestThreshold, yesClassMetrics } from './classification-metrics';

describe('classification metrics', () => {
  it('computes Yes-class precision, recall and F1 at a threshold', () => {
    expect(yesClassMetrics([0.9, 0.6, 0.4, 0.1], [1, 0, 1, 0], 0.5)).toEqual({ precision: 0.5, recall: 0.5, f1: 0.5 });
  });

  it('keeps the threshold where the floor set holds its F1', () => {
    const strict = { scores: [0.8, 0.6, 0.3], labels: [1, 0, 0] };
    const lenient = { scores: [0.8, 0.3, 0.3, 0.3, 0.2], labels: [1, 1, 1, 1, 0] };

    expect(bestThreshold([strict, lenient])).toBeLessThanOrEqual(0.3);
    expect(bestThreshold([strict, lenient], { set: strict, f1: 1 })).toBeGreaterThan(0.6);
  });
});
