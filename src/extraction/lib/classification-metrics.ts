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

/** Threshold maximising the mean Yes-class F1 over the given evaluation sets. */
export function bestThreshold(sets: { scores: number[]; labels: number[] }[]): number {
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.1; t <= 0.9; t += 0.01) {
    const f1 = sets.reduce((sum, set) => sum + yesClassMetrics(set.scores, set.labels, t).f1, 0) / sets.length;
    if (f1 > bestF1) {
      bestF1 = f1;
      best = Number(t.toFixed(2));
    }
  }
  return best;
}
