import { CheckworthinessModelJson } from './checkworthiness-model';
import { FEATURE_BLOCKS, FeatureBlock } from './features';

export interface TrainingOptions {
  minDf: number;
  l2: number;
  learningRate: number;
  epochs: number;
  seed: number;
  /** Weight of a Yes example's loss relative to a No example's. */
  positiveWeight: number;
  /** Average the weights over the last epochs' updates (Polyak); steadier than the last iterate. */
  averageFromEpoch: number;
  blockWeights: Record<FeatureBlock, number>;
}

interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/** Deterministic Adagrad logistic regression: fixed seed, fixed shuffles, same model for the same data. */
export function trainLogisticRegression(samples: Map<string, number>[], labels: number[], options: TrainingOptions): CheckworthinessModelJson {
  const df = new Map<string, number>();
  for (const sample of samples) for (const key of sample.keys()) df.set(key, (df.get(key) ?? 0) + 1);
  const vocabulary = [...df.entries()].filter(([, count]) => count >= options.minDf).map(([key]) => key).sort();
  const index = new Map(vocabulary.map((key, i) => [key, i]));
  const idf = vocabulary.map((key) => Math.log((1 + samples.length) / (1 + df.get(key)!)) + 1);
  const vectors = samples.map((sample) => vectorise(sample, index, idf, options.blockWeights));

  const weights = new Float64Array(vocabulary.length);
  const squares = new Float64Array(vocabulary.length).fill(1e-8);
  let bias = 0;
  let biasSquare = 1e-8;
  const sum = new Float64Array(vocabulary.length);
  let biasSum = 0;
  let averaged = 0;
  const order = samples.map((_, i) => i);
  const random = mulberry32(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const n of order) {
      const { indices, values } = vectors[n];
      let z = bias;
      for (let k = 0; k < indices.length; k++) z += weights[indices[k]] * values[k];
      const error = (1 / (1 + Math.exp(-z)) - labels[n]) * (labels[n] === 1 ? options.positiveWeight : 1);
      for (let k = 0; k < indices.length; k++) {
        const f = indices[k];
        const gradient = error * values[k] + options.l2 * weights[f];
        squares[f] += gradient * gradient;
        weights[f] -= (options.learningRate * gradient) / Math.sqrt(squares[f]);
      }
      biasSquare += error * error;
      bias -= (options.learningRate * error) / Math.sqrt(biasSquare);
    }
    if (epoch >= options.averageFromEpoch) {
      for (let f = 0; f < weights.length; f++) sum[f] += weights[f];
      biasSum += bias;
      averaged++;
    }
  }
  if (averaged > 0) {
    for (let f = 0; f < weights.length; f++) weights[f] = sum[f] / averaged;
    bias = biasSum / averaged;
  }
  const features: Record<string, [number, number]> = {};
  vocabulary.forEach((key, i) => (features[key] = [round(idf[i]), round(weights[i])]));
  return {
    version: 1,
    threshold: 0.5,
    metrics: {},
    hyperParameters: { ...options, blockWeights: JSON.stringify(options.blockWeights) },
    trainingRows: samples.length,
    bias: round(bias),
    blockWeights: options.blockWeights,
    features,
  };
}

function vectorise(sample: Map<string, number>, index: Map<string, number>, idf: number[], blockWeights: Record<FeatureBlock, number>): SparseVector {
  const byBlock = new Map<string, { indices: number[]; values: number[] }>(FEATURE_BLOCKS.map((b) => [b, { indices: [], values: [] }]));
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

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function round(value: number): number {
  return Number(value.toPrecision(4));
}
