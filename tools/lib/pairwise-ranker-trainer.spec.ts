import { calibrate, pairDeltas, trainRanker, unitScaling, type RankingGroup } from './pairwise-ranker-trainer';

/** Pools where feature 0 tells the right candidate and feature 1 is noise. */
function pools(count: number): RankingGroup[] {
  let state = 7;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: count }, () => {
    const right = Array.from({ length: 6 }, (_, i) => i === 0);
    return { right, features: right.map((r) => [(r ? 1 : 0) + random() * 0.8, random()]) };
  });
}

describe('pairwise ranker trainer', () => {
  it('scales features to mean 0 and spread 1, a constant one by 1', () => {
    const { center, scale } = unitScaling(
      [
        {
          features: [
            [1, 5],
            [3, 5],
          ],
          right: [true, false],
        },
      ],
      2,
    );
    expect(center).toEqual([2, 5]);
    expect(scale).toEqual([1, 1]);
  });

  it.each(['pairwise', 'listwise'] as const)('learns the feature that tells the right candidate (%s)', (loss) => {
    const { weights } = trainRanker(pools(40), { C: 10, loss, deltaRounds: 0, maxIterations: 200 });
    expect(weights[0]).toBeGreaterThan(0);
    expect(Math.abs(weights[1])).toBeLessThan(weights[0] / 2);
  });

  it('weighs a pair by how much swapping it changes average precision at 5', () => {
    const deltas = pairDeltas([false, true, false], [3, 2, 1]);
    // Right second: swapping with the first gains 0.5, with the third loses 1/2 − 1/3.
    expect(deltas.get('1 0')).toBeCloseTo(0.5);
    expect(deltas.get('1 2')).toBeCloseTo(1 / 2 - 1 / 3);
  });

  it('fits more weight to ΔMAP pairs without losing the signal', () => {
    const { weights } = trainRanker(pools(40), { C: 10, loss: 'pairwise', deltaRounds: 1, maxIterations: 200 });
    expect(weights[0]).toBeGreaterThan(0);
  });

  it('calibrates margins to chances, recovering a known logistic', () => {
    let state = 3;
    const random = () => {
      state = (state * 1664525 + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const inputs: number[][] = [];
    const labels: boolean[] = [];
    for (let i = 0; i < 4000; i += 1) {
      const x = random() * 4 - 2;
      inputs.push([10 * x + 30]);
      labels.push(random() < 1 / (1 + Math.exp(-(3 * x - 1))));
    }
    const { weights, intercept } = calibrate(inputs, labels);
    expect(weights[0]).toBeCloseTo(0.3, 1);
    expect(intercept).toBeCloseTo(-10, 0);
  });
});
