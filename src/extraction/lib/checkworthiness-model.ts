import { readFileSync } from 'fs';
import { repoPath } from '../../common/repo-paths';
import { FeatureBlock } from './features';

export interface CheckworthinessModelJson {
  version: 1;
  threshold: number;
  metrics: Record<string, number>;
  hyperParameters: Record<string, number | string>;
  trainingRows: number;
  bias: number;
  blockWeights: Record<FeatureBlock, number>;
  /** feature -> [idf, weight] */
  features: Record<string, [number, number]>;
}

export const DEFAULT_MODEL_PATH = repoPath('models/checkworthiness.json');

/** Logistic regression over per-block tf-idf features (see features.ts). */
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

  probability(features: Map<string, number>): number {
    // Hot path: plain locals per block instead of keyed records.
    let dotW = 0, dotC = 0, dotL = 0, normW = 0, normC = 0, normL = 0;
    for (const [key, count] of features) {
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
    return 1 / (1 + Math.exp(-z));
  }
}

const W = 'w'.charCodeAt(0);
const C = 'c'.charCodeAt(0);
