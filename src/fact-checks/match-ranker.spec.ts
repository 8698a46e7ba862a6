import { MATCH_FEATURES, SENTENCE_FEATURES } from './match-features';
import { MatchRanker, SENTENCE_MATCH_RANKER_PATH, type MatchRankerJson } from './match-ranker';

describe('MatchRanker', () => {
  const model = (weights: number[]): MatchRankerJson => ({
    version: 1,
    features: [...MATCH_FEATURES],
    center: MATCH_FEATURES.map(() => 0.5),
    scale: MATCH_FEATURES.map(() => 2),
    weights,
    calibration: { slope: 1, lead: 0.5, intercept: -1 },
    hyperParameters: {},
    trainingQueries: 0,
  });
  const first = MATCH_FEATURES.map((_, i) => (i === 0 ? 1 : 0));
  const features = (x: number) => MATCH_FEATURES.map((_, i) => (i === 0 ? x : 0.5));

  it('refuses a model fitted on other features', () => {
    expect(() => new MatchRanker({ ...model(first), features: ['bm25f'] })).toThrow(/retrain/);
  });

  it("loads the shipped rankers: the search's over the words, matching's with the sentence features after them", () => {
    expect(MatchRanker.shared().json.features).toEqual([...MATCH_FEATURES]);
    const matching = MatchRanker.withSentences().json;
    expect(matching.features).toEqual([...MATCH_FEATURES, ...SENTENCE_FEATURES]);
    // The sentence cosines weigh for a match: a ranker fitted without them would carry zero weights.
    const claimCosine = matching.features.indexOf('sentenceClaim');
    expect(matching.weights[claimCosine]).toBeGreaterThan(0);
    // Each file is read only as what it is.
    expect(() => MatchRanker.load(SENTENCE_MATCH_RANKER_PATH)).toThrow(/retrain/);
  });

  it('reads each feature unit-scaled', () => {
    expect(new MatchRanker(model(first)).margin(features(4.5))).toBeCloseTo(2);
  });

  it("scores a pool in its margins' order, between 0 and 1, the best by its margin alone", () => {
    const ranker = new MatchRanker(model(first));
    const scores = ranker.scorePool([features(0.5), features(4.5), features(2.5)]);
    expect(scores[1]).toBeGreaterThan(scores[2]);
    expect(scores[2]).toBeGreaterThan(scores[0]);
    scores.forEach((s) => expect(s > 0 && s < 1).toBe(true));
    // best margin 2: σ(0.5 · 2 − 1) = 0.5
    expect(scores[1]).toBeCloseTo(0.5);
    expect(ranker.scorePool([])).toEqual([]);
  });

  it('gives the best of a stronger pool a higher score', () => {
    const ranker = new MatchRanker(model(first));
    const [weak] = ranker.scorePool([features(2.5)]);
    const [strong] = ranker.scorePool([features(8.5)]);
    expect(strong).toBeGreaterThan(weak);
  });

  it('loads the shipped model, fitted on these features', () => {
    expect(MatchRanker.load().json.features).toEqual([...MATCH_FEATURES]);
  });
});
