import { minimiseLbfgs } from './lbfgs';

/** One query's candidate pool: each candidate's features and whether it is a right match. */
export interface RankingGroup {
  features: number[][];
  right: boolean[];
}

export interface RankerTrainingOptions {
  /** Inverse L2 strength: loss averaged over queries + ||w||² / (2C · queries). */
  C: number;
  /** 'pairwise': logistic loss on every (right, wrong) pair of a pool; 'listwise': the right one's softmax share. */
  loss: 'pairwise' | 'listwise';
  /**
   * Pairwise only: after a first fit, weigh each pair by how much swapping the two would change the query's
   * average precision at 5 under that fit's ranking (LambdaRank's ΔMAP), and fit again this many times.
   */
  deltaRounds: number;
  maxIterations: number;
}

/** Features are read as (value − center) / scale: each one's mean and spread over the training candidates. */
export function unitScaling(groups: RankingGroup[], dimension: number): { center: number[]; scale: number[] } {
  const center = new Array<number>(dimension).fill(0);
  const scale = new Array<number>(dimension).fill(0);
  let n = 0;
  for (const g of groups)
    for (const x of g.features) {
      n += 1;
      for (let f = 0; f < dimension; f += 1) center[f] += x[f];
    }
  for (let f = 0; f < dimension; f += 1) center[f] /= Math.max(1, n);
  for (const g of groups)
    for (const x of g.features) for (let f = 0; f < dimension; f += 1) scale[f] += (x[f] - center[f]) ** 2;
  for (let f = 0; f < dimension; f += 1) {
    const sd = Math.sqrt(scale[f] / Math.max(1, n));
    scale[f] = sd > 1e-9 ? sd : 1;
  }
  return { center, scale };
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Average precision at k of a ranking (best first) of right/wrong flags. */
function averagePrecision(right: boolean[], order: number[], k = 5): number {
  const total = right.filter(Boolean).length;
  if (total === 0) return 0;
  let hits = 0;
  let sum = 0;
  order.slice(0, k).forEach((i, at) => {
    if (right[i]) {
      hits += 1;
      sum += hits / (at + 1);
    }
  });
  return sum / Math.min(total, k);
}

/** |ΔAP@5| of swapping each (right, wrong) pair in the ranking by `scores`: pairs far below the top count for little. */
export function pairDeltas(right: boolean[], scores: number[]): Map<string, number> {
  const order = scores
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map(({ i }) => i);
  const base = averagePrecision(right, order);
  const place = new Array<number>(order.length);
  order.forEach((i, at) => (place[i] = at));
  const out = new Map<string, number>();
  right.forEach((r, i) => {
    if (!r) return;
    right.forEach((w, j) => {
      if (w) return;
      const swapped = [...order];
      [swapped[place[i]], swapped[place[j]]] = [swapped[place[j]], swapped[place[i]]];
      out.set(`${i} ${j}`, Math.abs(averagePrecision(right, swapped) - base));
    });
  });
  return out;
}

/**
 * A linear ranker (weights over unit-scaled features, no bias: only order counts), every query weighing the same,
 * solved by L-BFGS: deterministic, the same weights for the same data. Pools without a right candidate teach nothing.
 */
export function trainRanker(
  groups: RankingGroup[],
  options: RankerTrainingOptions,
): { center: number[]; scale: number[]; weights: number[] } {
  const useful = groups.filter((g) => g.right.some(Boolean) && g.right.some((r) => !r));
  const dimension = useful[0]?.features[0]?.length ?? 0;
  const { center, scale } = unitScaling(useful, dimension);
  const scaled = useful.map((g) => ({
    right: g.right,
    x: g.features.map((row) => row.map((v, f) => (v - center[f]) / scale[f])),
  }));
  const queries = Math.max(1, scaled.length);
  const fit = (pairWeight: ((q: number, i: number, j: number) => number) | null) => {
    const objective = (w: Float64Array, gradient: Float64Array): number => {
      gradient.fill(0);
      let loss = 0;
      scaled.forEach(({ right, x }, q) => {
        const s = x.map((row) => row.reduce((sum, v, f) => sum + v * w[f], 0));
        if (options.loss === 'listwise') {
          const top = Math.max(...s);
          const e = s.map((v) => Math.exp(v - top));
          const all = e.reduce((a, b) => a + b, 0);
          const good = e.reduce((a, v, i) => a + (right[i] ? v : 0), 0);
          loss += (Math.log(all) - Math.log(good)) / queries;
          x.forEach((row, i) => {
            const g = (e[i] / all - (right[i] ? e[i] / good : 0)) / queries;
            for (let f = 0; f < dimension; f += 1) gradient[f] += g * row[f];
          });
          return;
        }
        const pairs: [number, number, number][] = [];
        right.forEach((r, i) => {
          if (r) right.forEach((o, j) => !o && pairs.push([i, j, pairWeight ? pairWeight(q, i, j) : 1]));
        });
        const total = pairs.reduce((sum, [, , weight]) => sum + weight, 0);
        if (total <= 0) return;
        for (const [i, j, weight] of pairs) {
          const z = s[i] - s[j];
          const share = weight / total / queries;
          loss += share * softplus(-z);
          const g = -share / (1 + Math.exp(z));
          for (let f = 0; f < dimension; f += 1) gradient[f] += g * (x[i][f] - x[j][f]);
        }
      });
      for (let f = 0; f < dimension; f += 1) {
        loss += (w[f] * w[f]) / (2 * options.C * queries);
        gradient[f] += w[f] / (options.C * queries);
      }
      return loss;
    };
    return minimiseLbfgs(objective, new Float64Array(dimension), {
      maxIterations: options.maxIterations,
      tolerance: 1e-9,
      memory: 10,
    });
  };
  let weights = fit(null);
  for (let round = 0; options.loss === 'pairwise' && round < options.deltaRounds; round += 1) {
    const current = weights;
    const deltas = scaled.map(({ right, x }) =>
      pairDeltas(
        right,
        x.map((row) => row.reduce((sum, v, f) => sum + v * current[f], 0)),
      ),
    );
    // A small floor keeps pairs already in order from vanishing altogether.
    weights = fit((q, i, j) => 0.01 + (deltas[q].get(`${i} ${j}`) ?? 0));
  }
  return { center, scale, weights: [...weights] };
}

/**
 * Platt scaling over several inputs (a ranker's margin, and signals comparable across queries): the weights and
 * intercept of σ(w · inputs + intercept) that fit right/wrong labels best (log loss).
 */
export function calibrate(inputs: number[][], labels: boolean[]): { weights: number[]; intercept: number } {
  const d = inputs[0]?.length ?? 0;
  // Solved on unit-scaled inputs from zero (well conditioned), then mapped back.
  const { center, scale } = unitScaling([{ features: inputs, right: labels }], d);
  const scaled = inputs.map((row) => row.map((v, k) => (v - center[k]) / scale[k]));
  const objective = (x: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    scaled.forEach((row, n) => {
      let u = x[d];
      for (let k = 0; k < d; k += 1) u += x[k] * row[k];
      loss += labels[n] ? softplus(-u) : softplus(u);
      const error = 1 / (1 + Math.exp(-u)) - (labels[n] ? 1 : 0);
      for (let k = 0; k < d; k += 1) gradient[k] += error * row[k];
      gradient[d] += error;
    });
    const n = Math.max(1, scaled.length);
    for (let k = 0; k <= d; k += 1) gradient[k] /= n;
    return loss / n;
  };
  const x = minimiseLbfgs(objective, new Float64Array(d + 1), { maxIterations: 500, tolerance: 1e-10, memory: 5 });
  const weights = [...x.slice(0, d)].map((w, k) => w / scale[k]);
  return { weights, intercept: x[d] - weights.reduce((sum, w, k) => sum + w * center[k], 0) };
}
