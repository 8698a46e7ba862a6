import {
  DEFAULT_SCORER_PARAMS,
  originalsFirst,
  parseTsvector,
  postingsToRead,
  salientTokens,
  scoreCandidate,
} from './match-scorer';
import { contentWords } from './word-vectors';

describe('parseTsvector', () => {
  it('reads lexemes with their number of positions', () => {
    const v = parseTsvector(`'bus':3,7A 'it''s':1 'lane':4`);
    expect([...v.entries()]).toEqual([
      ['bus', 2],
      ["it's", 1],
      ['lane', 1],
    ]);
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
    claimWords: contentWords('City spent 40 million on bus lanes'),
    titleWords: [],
    rank: 0.1,
    softQuery: 0,
    softClaim: 0,
    media: 0,
  });

  it('ranks a claim holding the rare terms above one holding the common one', () => {
    const rare = scoreCandidate(terms, new Set(), doc(`'bus':1 'lane':2`), stats, DEFAULT_SCORER_PARAMS);
    const common = scoreCandidate(terms, new Set(), doc(`'citi':1`), stats, DEFAULT_SCORER_PARAMS);
    expect(rare).toBeGreaterThan(common);
  });

  it('scores nothing in common as zero without the extra signals', () => {
    expect(
      scoreCandidate(terms, new Set(), doc(`'tax':1`), stats, {
        ...DEFAULT_SCORER_PARAMS,
        wRank: 0,
        wEntities: 0,
        wSoftQuery: 0,
        wSoftClaim: 0,
      }),
    ).toBe(0);
  });

  it('lifts a claim sharing the query’s numbers and names', () => {
    const params = { ...DEFAULT_SCORER_PARAMS, wEntities: 0.5 };
    const withNames = scoreCandidate(terms, salientTokens('City spent 40 million'), doc(`'bus':1`), stats, params);
    const without = scoreCandidate(terms, new Set(), doc(`'bus':1`), stats, params);
    expect(withNames).toBeGreaterThan(without);
  });

  it('lifts a fact-check about a picture when the query shows one, and can lower it when the query shows none', () => {
    const params = { ...DEFAULT_SCORER_PARAMS, wMediaShared: 0.01, wMediaUnasked: 0.02 };
    const plain = scoreCandidate(terms, new Set(), doc(`'bus':1`), stats, params);
    expect(scoreCandidate(terms, new Set(), { ...doc(`'bus':1`), media: 1 }, stats, params)).toBeCloseTo(
      plain + 0.01,
      10,
    );
    expect(scoreCandidate(terms, new Set(), { ...doc(`'bus':1`), media: -1 }, stats, params)).toBeCloseTo(
      plain - 0.02,
      10,
    );
  });
});

describe('postingsToRead', () => {
  const terms = [
    { lexeme: 'common', queryTf: 1, ndoc: 900 },
    { lexeme: 'rare', queryTf: 1, ndoc: 2 },
    { lexeme: 'unknown', queryTf: 1, ndoc: 0 },
    { lexeme: "o'neil", queryTf: 1, ndoc: 5 },
    { lexeme: 'middling', queryTf: 1, ndoc: 120 },
  ];

  it('skips unknown lexemes and ones in too many documents, rarest first', () => {
    expect(postingsToRead(terms, 1000, 16, 0.15, 1000).map((r) => r.lexeme)).toEqual(['rare', "o'neil", 'middling']);
  });

  it('gives rare lexemes all their postings and shares the rest of the budget among the common ones', () => {
    const read = postingsToRead(terms, 1000, 16, 1, 100);
    expect(read.map((r) => [r.lexeme, r.cap])).toEqual([
      ['rare', 2],
      ["o'neil", 5],
      ['middling', 46],
      ['common', 47],
    ]);
    expect(read.reduce((sum, r) => sum + r.cap, 0)).toBe(100);
    expect(read[0].idf).toBeGreaterThan(read[3].idf);
  });
});

describe('originalsFirst', () => {
  const copy = (id: string, fingerprint: string, importSeq: number, published: string | null = null) => ({
    id,
    fingerprint,
    importSeq,
    datePublished: published === null ? null : new Date(published),
  });

  it('puts the first-imported copy of a claim first, at the place of the best-ranked copy', () => {
    const ranked = [
      copy('other', 'tax', 1),
      copy('republished', 'bus lanes', 9),
      copy('unrelated', 'rail', 2),
      copy('original', 'bus lanes', 3),
    ];
    expect(originalsFirst(ranked, (c) => c).map((c) => c.id)).toEqual([
      'other',
      'original',
      'republished',
      'unrelated',
    ]);
  });

  it('prefers the earliest published copy over the first imported one', () => {
    const ranked = [
      copy('imported first', 'bus lanes', 1, '2020-05-01'),
      copy('published first', 'bus lanes', 2, '2019-01-01'),
      copy('undated', 'bus lanes', 0),
    ];
    expect(originalsFirst(ranked, (c) => c).map((c) => c.id)).toEqual(['published first', 'imported first', 'undated']);
  });
});
