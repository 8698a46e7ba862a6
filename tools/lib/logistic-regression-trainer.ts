import { CheckworthinessModelJson } from '../../src/extraction/lib/checkworthiness-model';
import { FEATURE_BLOCKS, FeatureBlock } from '../../src/extraction/lib/features';
import { minimiseLbfgs } from './lbfgs';

export interface TrainingOptions {
  /** Features seen in fewer training rows are dropped (noise, and model size). */
  minDf: number;
  /** Inverse L2 strength, as in liblinear: loss summed over rows + ||w||² / (2C). */
  C: number;
  /** Weight of a Yes example's loss relative to a No example's. */
  positiveWeight: number;
  maxIterations: number;
  blockWeights: Record<FeatureBlock, number>;
}

interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** L2 logistic regression solved to convergence by full-batch L-BFGS: no seed, same model for the same data. */
export function trainLogisticRegression(
  samples: Map<string, number>[],
  labels: number[],
  options: TrainingOptions,
): CheckworthinessModelJson {
  const df = new Map<string, number>();
  for (const sample of samples) for (const key of sample.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const vocabulary = [...df.entries()]
    .filter(([, count]) => count >= options.minDf)
    .map(([key]) => key)
    .sort();
  const index = new Map(vocabulary.map((key, i) => [key, i]));
  const idf = vocabulary.map((key) => Math.log((1 + samples.length) / (1 + df.get(key)!)) + 1);
  const vectors = samples.map((sample) => vectorise(sample, index, idf, options.blockWeights));

  // The last coordinate is the bias, which is not regularised.
  const dimension = vocabulary.length;
  const rowWeights = labels.map((label) => (label === 1 ? options.positiveWeight : 1));
  const objective = (w: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    vectors.forEach(({ indices, values }, n) => {
      let z = w[dimension];
      for (let k = 0; k < indices.length; k++) z += w[indices[k]] * values[k];
      loss += rowWeights[n] * (labels[n] === 1 ? softplus(-z) : softplus(z));
      const error = rowWeights[n] * (1 / (1 + Math.exp(-z)) - labels[n]);
      for (let k = 0; k < indices.length; k++) gradient[indices[k]] += error * values[k];
      gradient[dimension] += error;
    });
    for (let f = 0; f < dimension; f++) {
      loss += (w[f] * w[f]) / (2 * options.C);
      gradient[f] += w[f] / options.C;
    }
    return loss;
  };
  const weights = minimiseLbfgs(objective, new Float64Array(dimension + 1), {
    maxIterations: options.maxIterations,
    tolerance: 1e-7,
    memory: 10,
  });

  const features: Record<string, [number, number]> = {};
  vocabulary.forEach((key, i) => (features[key] = [round(idf[i]), round(weights[i])]));
  return {
    version: 2,
    threshold: 0.5,
    metrics: {},
    hyperParameters: { ...options, blockWeights: JSON.stringify(options.blockWeights) },
    trainingRows: samples.length,
    bias: round(weights[dimension]),
    blockWeights: options.blockWeights,
    features,
    calibration: { slope: 1, intercept: 0 },
  };
}

/** Platt scaling: the slope and intercept that make σ(slope · z + intercept) fit held-out labels best (log loss). */
export function fitCalibration(logits: number[], labels: number[]): { slope: number; intercept: number } {
  const objective = ([slope, intercept]: Float64Array, gradient: Float64Array): number => {
    gradient.fill(0);
    let loss = 0;
    logits.forEach((z, n) => {
      const u = slope * z + intercept;
      loss += labels[n] === 1 ? softplus(-u) : softplus(u);
      const error = 1 / (1 + Math.exp(-u)) - labels[n];
      gradient[0] += error * z;
      gradient[1] += error;
    });
    return loss;
  };
  const [slope, intercept] = minimiseLbfgs(objective, Float64Array.from([1, 0]), {
    maxIterations: 100,
    tolerance: 1e-9,
    memory: 5,
  });
  return { slope: round(slope), intercept: round(intercept) };
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

function vectorise(
  sample: Map<string, number>,
  index: Map<string, number>,
  idf: number[],
  blockWeights: Record<FeatureBlock, number>,
): SparseVector {
  const byBlock = new Map<string, { indices: number[]; values: number[] }>(
    FEATURE_BLOCKS.map((b) => [b, { indices: [], values: [] }]),
  );
  for (const [key, count] of sample) {
    const i = index.get(key);
    if (i === undefined) continue;
    const block = byBlock.get(key[0])!;
    block.indices.push(i);
    block.values.push((1 + Math.log(count)) * idf[i]);
  }
  const indices: number[] = [];
  const values: number[] = [];
  for (const [name, block] of byBlock) {
    const norm = Math.sqrt(block.values.reduce((sum, v) => sum + v * v, 0));
    if (norm === 0) continue;
    block.indices.forEach((i, k) => {
      indices.push(i);
      values.push((blockWeights[name as FeatureBlock] * block.values[k]) / norm);
    });
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}
