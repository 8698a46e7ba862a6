import type { CandidateRow } from './fact-checks.repository';
import { MATCH_FEATURES } from './match-features';
import { MatchRanker } from './match-ranker';
import { prepareFetched, rankPrepared, type PreparedQuery } from './prepared-query';

describe('a prepared search', () => {
  const row = (id: string, claimReviewed: string, importSeq: number): CandidateRow => ({
    id,
    url: `https://checks.example.org/${id}`,
    claimReviewed,
    headline: null,
    rating: null,
    author: null,
    claimant: null,
    datePublished: null,
    sourceClaimId: null,
    sourceArticleId: null,
    importSeq: String(importSeq),
    claimVector: '',
    titleVector: '',
    rank: 0,
  });
  // A ranker reading the first feature only.
  const ranker = new MatchRanker({
    version: 1,
    features: [...MATCH_FEATURES],
    center: MATCH_FEATURES.map(() => 0),
    scale: MATCH_FEATURES.map(() => 1),
    weights: MATCH_FEATURES.map((_, i) => (i === 0 ? 1 : 0)),
    calibration: { slope: 1, lead: 1, intercept: 0 },
    hyperParameters: {},
    trainingQueries: 0,
  });
  const prepared = (rows: CandidateRow[], first: number[]): PreparedQuery => ({
    text: '',
    terms: [],
    salient: new Set(),
    stats: { docCount: 1, avgClaimLength: 1, avgTitleLength: 1 },
    rows,
    candidates: [],
    features: first.map((x) => MATCH_FEATURES.map((_, i) => (i === 0 ? x : 0))),
  });

  it('ranks by the learned score, between 0 and 1', () => {
    const ranked = rankPrepared(
      prepared([row('a', 'Cats fly.', 1), row('b', 'Dogs swim.', 2)], [1, 3]),
      undefined,
      ranker,
    );
    expect(ranked.map((r) => r.row.id)).toEqual(['b', 'a']);
    ranked.forEach((r) => expect(r.score > 0 && r.score < 1).toBe(true));
  });

  it("puts copies of a claim together, the first imported first, with the best copy's score", () => {
    const ranked = rankPrepared(
      prepared([row('old', 'Cats fly.', 1), row('new', 'Cats  fly!', 2), row('x', 'Dogs swim.', 3)], [1, 3, 2]),
      undefined,
      ranker,
    );
    expect(ranked.map((r) => r.row.id)).toEqual(['old', 'new', 'x']);
    expect(ranked[0].score).toBe(ranked[1].score);
    expect(ranked[1].score).toBeGreaterThan(ranked[2].score);
  });

  it('computes one row of features per fetched candidate', () => {
    const fetched = prepareFetched('Cats fly', {
      text: 'Cats fly',
      terms: [{ lexeme: 'cat', queryTf: 1, ndoc: 1 }],
      stats: { docCount: 10, avgClaimLength: 3, avgTitleLength: 2 },
      rows: [{ ...row('a', 'Cats fly.', 1), claimVector: `'cat':1 'fli':2`, rank: 1 }],
      bestRank: 2,
    });
    expect(fetched.features).toHaveLength(1);
    expect(fetched.features[0]).toHaveLength(MATCH_FEATURES.length);
  });
});
