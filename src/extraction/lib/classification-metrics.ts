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

/**
 * Threshold maximising the mean Yes-class F1 over the sets; with a floor, only among thresholds where the floor's set
 * keeps at least its F1 (unconstrained when none does).
 */
export function bestThreshold(sets: ScoredSet[], floor?: { set: ScoredSet; f1: number }): number {
  const candidates = Array.from({ length: 81 }, (_, i) => Number((0.1 + i / 100).toFixed(2)));
  const allowed = floor ? candidates.filter((t) => yesClassMetrics(floor.set.scores, floor.set.labels, t).f1 >= floor.f1) : [];
  let best = 0.5;
  let bestF1 = -1;
  for (const t of allowed.length > 0 ? allowed : candidates) {
    const f1 = sets.reduce((sum, set) => sum + yesClassMetrics(set.scores, set.labels, t).f1, 0) / sets.length;
    if (f1 > bestF1) {
      bestF1 = f1;
      best = t;
    }
  }
  return best;
}
