import { candidateLexemes, DEFAULT_SCORER_PARAMS, orTsquery, parseTsvector, salientTokens, scoreCandidate } from './match-scorer';

describe('parseTsvector', () => {
  it('reads lexemes with their number of positions', () => {
    const v = parseTsvector(`'bus':3,7A 'it''s':1 'lane':4`);
    expect([...v.entries()]).toEqual([['bus', 2], ["it's", 1], ['lane', 1]]);
  });
});

describe('scoreCandidate', () => {
  const stats = { docCount: 1000, avgClaimLength: 8, avgTitleLength: 6 };
  const terms = [
    { lexeme: 'bus', queryTf: 1, ndoc: 10 },
    { lexeme: 'lane', queryTf: 1, ndoc: 5 },
    { lexeme: 'citi', queryTf: 1, ndoc: 300 },
  ];
  const doc = (claim: string, title = '') => ({
    claimVector: parseTsvector(claim),
    titleVector: parseTsvector(title),
    claimText: 'City spent 40 million on bus lanes',
    titleText: '',
    trigram: 0.3,
    titleTrigram: 0.2,
    rank: 0.1,
  });

  it('ranks a claim holding the rare terms above one holding the common one', () => {
    const rare = scoreCandidate(terms, new Set(), doc(`'bus':1 'lane':2`), stats, DEFAULT_SCORER_PARAMS);
    const common = scoreCandidate(terms, new Set(), doc(`'citi':1`), stats, DEFAULT_SCORER_PARAMS);
    expect(rare).toBeGreaterThan(common);
  });

  it('scores nothing in common as zero without the extra signals', () => {
    expect(scoreCandidate(terms, new Set(), doc(`'tax':1`), stats, { ...DEFAULT_SCORER_PARAMS, wClaimCoverage: 0, wTitleCoverage: 0, wTrigram: 0, wTitleTrigram: 0, wRank: 0, wEntities: 0 })).toBe(0);
  });

  it('lifts a claim sharing the query’s numbers and names', () => {
    const params = { ...DEFAULT_SCORER_PARAMS, wEntities: 0.5 };
    const withNames = scoreCandidate(terms, salientTokens('City spent 40 million'), doc(`'bus':1`), stats, params);
    const without = scoreCandidate(terms, new Set(), doc(`'bus':1`), stats, params);
    expect(withNames).toBeGreaterThan(without);
  });
});

describe('candidateLexemes and orTsquery', () => {
  it('takes the rarest known lexemes and quotes them', () => {
    const lexemes = candidateLexemes(
      [
        { lexeme: 'common', queryTf: 1, ndoc: 900 },
        { lexeme: 'rare', queryTf: 1, ndoc: 2 },
        { lexeme: 'unknown', queryTf: 1, ndoc: 0 },
        { lexeme: "o'neil", queryTf: 1, ndoc: 5 },
      ],
      1000,
      16,
      0.15,
    );
    expect(lexemes).toEqual(['rare', "o'neil"]);
    expect(orTsquery(lexemes)).toBe(`'rare' | 'o''neil'`);
  });
});
