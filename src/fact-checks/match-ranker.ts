import { readFileSync } from 'node:fs';
import { repoPath } from '../common/repo-paths';
import { MATCH_FEATURES, SENTENCE_FEATURES } from './match-features';

/**
 * A linear ranker over MATCH_FEATURES (models/match-ranker.json: the api's search), or over MATCH_FEATURES and
 * SENTENCE_FEATURES (models/match-ranker-sentences.json: matching in the worker), fitted on pairs (right, wrong) of the train
 * queries' candidate pools (tools/train-match-ranker.ts), and a calibration that turns its score into the chance
 * that a candidate is the right fact-check, so a match's score stays between 0 and 1.
 */
export interface MatchRankerJson {
  version: 1;
  features: string[];
  /** Each feature is read as (value − center) / scale. */
  center: number[];
  scale: number[];
  weights: number[];
  /**
   * A candidate's score = σ(lead · best margin + intercept + slope · (margin − best margin)): how likely the pool's
   * best is right follows its margin (a pool whose best agrees with the query on much is more often right); the
   * others fall below it by how far their margins do.
   */
  calibration: { slope: number; lead: number; intercept: number };
  hyperParameters: Record<string, number | string>;
  trainingQueries: number;
}

export const DEFAULT_MATCH_RANKER_PATH = repoPath('models/match-ranker.json');
export const SENTENCE_MATCH_RANKER_PATH = repoPath('models/match-ranker-sentences.json');

/** The features a ranker may read, in this order: the words' alone, or with the sentence encoder's after them. */
const FEATURE_SETS = [MATCH_FEATURES, [...MATCH_FEATURES, ...SENTENCE_FEATURES]].map((set) => set.join(','));

let shared: MatchRanker | null = null;
let sharedWithSentences: MatchRanker | null = null;

export class MatchRanker {
  constructor(readonly json: MatchRankerJson) {
    if (!FEATURE_SETS.includes(json.features.join(',')))
      throw new Error(
        `match ranker features ${json.features.join(',')} are not ${FEATURE_SETS.join(' or ')}: retrain it`,
      );
  }

  /** `features`: the set the file must have been fitted on, so a ranker is never handed rows of another width. */
  static load(path = DEFAULT_MATCH_RANKER_PATH, features: readonly string[] = MATCH_FEATURES): MatchRanker {
    const json = JSON.parse(readFileSync(path, 'utf8')) as MatchRankerJson;
    if (json.features.join(',') !== features.join(','))
      throw new Error(
        `${path} is fitted on ${json.features.length} features, not the ${features.length} expected: retrain it`,
      );
    return new MatchRanker(json);
  }

  /** models/match-ranker.json, read once per process. */
  static shared(): MatchRanker {
    shared ??= MatchRanker.load();
    return shared;
  }

  /** models/match-ranker-sentences.json, read once per process. */
  static withSentences(): MatchRanker {
    sharedWithSentences ??= MatchRanker.load(SENTENCE_MATCH_RANKER_PATH, [...MATCH_FEATURES, ...SENTENCE_FEATURES]);
    return sharedWithSentences;
  }

  /** The pool-ranking score: higher is better. */
  margin(features: number[]): number {
    const { center, scale, weights } = this.json;
    let z = 0;
    for (let i = 0; i < weights.length; i += 1) z += (weights[i] * (features[i] - center[i])) / scale[i];
    return z;
  }

  /** Each candidate's chance of being a right match, 0 to 1, in the order of its margin. */
  scorePool(pool: number[][]): number[] {
    if (pool.length === 0) return [];
    const { slope, lead, intercept } = this.json.calibration;
    const margins = pool.map((features) => this.margin(features));
    const best = Math.max(...margins);
    return margins.map((m) => 1 / (1 + Math.exp(-(lead * best + intercept + slope * (m - best)))));
  }
}
