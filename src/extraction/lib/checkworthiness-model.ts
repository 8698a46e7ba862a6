import { readFileSync } from 'fs';
import { repoPath } from '../../common/repo-paths';
import { analyseText, extractFeatures, FeatureBlock } from './features';
import { EntitySpan, Token } from './nlp-analyser';

export interface CheckworthinessModelJson {
  version: 2;
  threshold: number;
  metrics: Record<string, number>;
  hyperParameters: Record<string, number | string>;
  trainingRows: number;
  bias: number;
  blockWeights: Record<FeatureBlock, number>;
  /** feature -> [idf, weight] */
  features: Record<string, [number, number]>;
  /** Platt scaling fitted on held-out newer debates: probability = σ(slope · z + intercept) */
  calibration: { slope: number; intercept: number };
}

export const DEFAULT_MODEL_PATH = repoPath('models/checkworthiness.json');

/** Logistic regression over per-block tf-idf features (see features.ts), calibrated. */
export class CheckworthinessModel {
  private readonly table: Map<string, [number, number]>;

  constructor(readonly json: CheckworthinessModelJson) {
    this.table = new Map(Object.entries(json.features));
  }

  static load(path = DEFAULT_MODEL_PATH): CheckworthinessModel {
    return new CheckworthinessModel(JSON.parse(readFileSync(path, 'utf8')) as CheckworthinessModelJson);
  }

  get threshold(): number {
    return this.json.threshold;
  }

  score(tokens: Token[], entities: EntitySpan[]): number {
    return this.probability(extractFeatures(tokens, entities));
  }

  scoreText(text: string): number {
    const { tokens, entities } = analyseText(text);
    return this.score(tokens, entities);
  }

  probability(terms: Map<string, number>): number {
    const { slope, intercept } = this.json.calibration;
    return 1 / (1 + Math.exp(-(slope * this.logit(terms) + intercept)));
  }

  /** The uncalibrated decision value. */
  logit(terms: Map<string, number>): number {
    // Hot path: plain locals per block instead of keyed records.
    let dotW = 0,
      dotC = 0,
      dotL = 0,
      normW = 0,
      normC = 0,
      normL = 0;
    for (const [key, count] of terms) {
      const entry = this.table.get(key);
      if (entry === undefined) continue;
      const value = (count === 1 ? 1 : 1 + Math.log(count)) * entry[0];
      const block = key.charCodeAt(0);
      if (block === W) {
        dotW += value * entry[1];
        normW += value * value;
      } else if (block === C) {
        dotC += value * entry[1];
        normC += value * value;
      } else {
        dotL += value * entry[1];
        normL += value * value;
      }
    }
    const weights = this.json.blockWeights;
    let z = this.json.bias;
    if (normW > 0) z += (weights.w * dotW) / Math.sqrt(normW);
    if (normC > 0) z += (weights.c * dotC) / Math.sqrt(normC);
    if (normL > 0) z += (weights.l * dotL) / Math.sqrt(normL);
    return z;
  }
}

const W = 'w'.charCodeAt(0);
const C = 'c'.charCodeAt(0);
