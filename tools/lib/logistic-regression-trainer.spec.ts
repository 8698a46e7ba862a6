import { seededRandom } from './classification-metrics';
import { fitCalibration } from './logistic-regression-trainer';

describe('fitCalibration', () => {
  it('recovers the slope and intercept that generated the labels', () => {
    const random = seededRandom(7);
    const logits = Array.from({ length: 20000 }, () => random() * 8 - 4);
    const labels = logits.map((z) => (random() < 1 / (1 + Math.exp(-(0.5 * z - 1))) ? 1 : 0));

    const { slope, intercept } = fitCalibration(logits, labels);

    expect(slope).toBeCloseTo(0.5, 1);
    expect(intercept).toBeCloseTo(-1, 1);
  });
});
