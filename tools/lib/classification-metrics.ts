export interface YesClassMetrics {
  precision: number;
  recall: number;
  f1: number;
}

export function yesClassMetrics(scores: number[], labels: number[], threshold: number): YesClassMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((score, i) => {
    const predicted = score >= threshold;
    if (predicted && labels[i] === 1) tp++;
    else if (predicted) fp++;
    else if (labels[i] === 1) fn++;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export interface ScoredSet {
  scores: number[];
  labels: number[];
}

/** The threshold (0.10 to 0.90, in hundredths) at which the set's Yes-class F1 is highest; the lowest such on a tie. */
export function bestThreshold(set: ScoredSet): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let i = 0; i <= 80; i++) {
    const t = Number((0.1 + i / 100).toFixed(2));
    const f1 = yesClassMetrics(set.scores, set.labels, t).f1;
    if (f1 > bestF1) [best, bestF1] = [t, f1];
  }
  return best;
}

/** Yes-class figures with a 95 % percentile bootstrap interval of F1 over the rows (seeded: a rerun prints the same). */
export function f1WithInterval(
  set: ScoredSet,
  threshold: number,
  resamples = 1000,
): YesClassMetrics & { low: number; high: number; n: number } {
  const n = set.labels.length;
  const random = seededRandom();
  const f1s: number[] = [];
  const scores = new Array<number>(n);
  const labels = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const pick = Math.floor(random() * n);
      scores[i] = set.scores[pick];
      labels[i] = set.labels[pick];
    }
    f1s.push(yesClassMetrics(scores, labels, threshold).f1);
  }
  f1s.sort((a, b) => a - b);
  return {
    ...yesClassMetrics(set.scores, set.labels, threshold),
    low: f1s[Math.floor(0.025 * resamples)],
    high: f1s[Math.floor(0.975 * resamples)],
    n,
  };
}

export function seededRandom(seed = 0x9e3779b9): () => number {
  let state = seed;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}
