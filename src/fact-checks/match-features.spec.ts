import {
  cosine,
  dateAgreement,
  datesOf,
  MATCH_FEATURES,
  matchFeatures,
  normalisedBm25,
  numbersOf,
  places,
  queryFeatureContext,
  SENTENCE_FEATURES,
  sentenceFeatures,
  sharedShare,
  tweetSignature,
  wordPairs,
} from './match-features';
import { DEFAULT_SCORER_PARAMS, parseTsvector, type Candidate } from './match-scorer';
import { compactWordVectors, contentWords, WordVectors } from './word-vectors';

describe('match features', () => {
  it('reads numbers whatever their thousands separators, and drops trailing zero decimals', () => {
    expect([...numbersOf('1,200 people, 40% of 3.0 million, 007')]).toEqual(['1200', '40', '3', '7']);
  });

  it('pairs neighbouring content words by their first six letters, skipping function words', () => {
    expect([...wordPairs('The elections of the governor')]).toEqual(['electi govern']);
  });

  it('gives the share of one set found in another, 0 for an empty one', () => {
    expect(sharedShare(new Set(['a', 'b']), new Set(['b', 'c']))).toBe(0.5);
    expect(sharedShare(new Set(), new Set(['b']))).toBe(0);
  });

  it('gives the cosine of two vectors, 0 when one is missing or zero', () => {
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([2, 0]))).toBeCloseTo(1);
    expect(cosine(Float32Array.from([1, 0]), Float32Array.from([0, 3]))).toBeCloseTo(0);
    expect(cosine(null, Float32Array.from([1, 0]))).toBe(0);
    expect(cosine(Float32Array.from([0, 0]), Float32Array.from([1, 0]))).toBe(0);
  });

  it('places values best first, ties by position', () => {
    expect(places([0.2, 0.9, 0.2, 0.5])).toEqual([2, 0, 3, 1]);
  });

  it('reads the years and months a text names', () => {
    const dates = datesOf('In August 2019, as in 2018 and on March 3, 2020');
    expect([...dates.years].sort()).toEqual([2018, 2019, 2020]);
    expect([...dates.months].sort()).toEqual([2019 * 12 + 7, 2020 * 12 + 2]);
  });

  it("reads an embedded tweet's poster and date, and nothing from a text without one", () => {
    expect(tweetSignature('Words here — Jane Doe (@janedoe) May 4, 2019')).toEqual({
      poster: 'Jane Doe',
      month: 2019 * 12 + 4,
    });
    expect(tweetSignature('No signature in 2019')).toBeNull();
  });

  it('agrees on a month within one, half agrees on the year, conflicts when every year named is far', () => {
    const may2019 = { years: new Set([2019]), months: new Set([2019 * 12 + 4]) };
    expect(dateAgreement(may2019, datesOf('in June 2019'))).toEqual({ agrees: 1, conflicts: 0 });
    expect(dateAgreement(may2019, datesOf('in 2019'))).toEqual({ agrees: 0.5, conflicts: 0 });
    expect(dateAgreement(may2019, datesOf('in 2012'))).toEqual({ agrees: 0, conflicts: 1 });
    expect(dateAgreement(may2019, datesOf('no date'))).toEqual({ agrees: 0, conflicts: 0 });
    expect(dateAgreement({ years: new Set(), months: new Set() }, datesOf('in 2012'))).toEqual({
      agrees: 0,
      conflicts: 0,
    });
  });

  describe('normalisedBm25', () => {
    const stats = { docCount: 1000, avgClaimLength: 8, avgTitleLength: 6 };
    const terms = [
      { lexeme: 'bus', queryTf: 1, ndoc: 10 },
      { lexeme: 'lane', queryTf: 1, ndoc: 5 },
    ];

    it('is near 1 for a document holding every query term, 0 for one holding none', () => {
      const all = normalisedBm25(terms, parseTsvector(`'bus':1 'lane':2`), new Map(), stats, DEFAULT_SCORER_PARAMS);
      expect(all).toBeGreaterThan(0.4);
      expect(all).toBeLessThanOrEqual(1);
      expect(normalisedBm25(terms, parseTsvector(`'tram':1`), new Map(), stats, DEFAULT_SCORER_PARAMS)).toBe(0);
    });

    it('scores one field alone when the other is empty (no 0 / 0)', () => {
      const title = normalisedBm25(terms, new Map(), parseTsvector(`'bus':1`), stats, DEFAULT_SCORER_PARAMS);
      expect(title).toBeGreaterThan(0);
      expect(Number.isFinite(title)).toBe(true);
    });
  });

  describe('matchFeatures', () => {
    const full: Record<string, number[]> = { bus: [4, 1, 0], tram: [3, 1, 0], lanes: [0, 0, 2], cat: [0, 5, 0] };
    const vectors = new WordVectors(compactWordVectors(Object.keys(full), (w) => full[w], 'test'));
    const stats = { docCount: 1000, avgClaimLength: 8, avgTitleLength: 6 };
    const terms = [
      { lexeme: 'bus', queryTf: 1, ndoc: 10 },
      { lexeme: 'lane', queryTf: 1, ndoc: 5 },
    ];
    const candidate = (claimText: string, claimVector: string): Candidate => ({
      claimVector: parseTsvector(claimVector),
      titleVector: new Map(),
      claimText,
      titleText: '',
      claimWords: contentWords(claimText),
      titleWords: [],
      rank: 0.5,
      softQuery: 0.5,
      softClaim: 0.5,
      media: 0,
    });
    const raw = 'Bus lanes cost 40 million in 2019 — Jane Doe (@janedoe) May 4, 2019';
    const context = queryFeatureContext(
      raw,
      'Bus lanes cost 40 million in 2019',
      terms,
      stats,
      DEFAULT_SCORER_PARAMS,
      vectors,
    );
    const rows = matchFeatures(context, [
      candidate('Jane Doe said bus lanes cost 40 million in May 2019.', `'bus':1 'lane':2`),
      candidate('A cat was seen in 2012.', `'cat':1`),
    ]);
    const value = (row: number[], name: (typeof MATCH_FEATURES)[number]) => row[MATCH_FEATURES.indexOf(name)];

    it('gives every candidate one finite value per feature', () => {
      expect(rows).toHaveLength(2);
      for (const row of rows) {
        expect(row).toHaveLength(MATCH_FEATURES.length);
        row.forEach((v) => expect(Number.isFinite(v)).toBe(true));
      }
    });

    it('reads agreement on words, numbers, dates, names and the poster', () => {
      const [agreeing, other] = rows;
      expect(value(agreeing, 'bm25f')).toBeGreaterThan(value(other, 'bm25f'));
      expect(value(agreeing, 'numbersShared')).toBe(1);
      expect(value(agreeing, 'dateAgrees')).toBe(1);
      expect(value(other, 'dateConflicts')).toBe(1);
      expect(value(agreeing, 'posterNamed')).toBe(1);
      expect(value(other, 'posterNamed')).toBe(0);
      expect(value(agreeing, 'wordPairs')).toBeGreaterThan(0);
      expect(value(agreeing, 'meanVectorClaim')).toBeGreaterThan(value(other, 'meanVectorClaim'));
      expect(value(agreeing, 'rareTermsFound')).toBe(1);
    });

    it("compares each candidate with its pool's best", () => {
      const [agreeing, other] = rows;
      expect(value(agreeing, 'bm25fPoolBest')).toBe(1);
      expect(value(agreeing, 'lexicalPlace')).toBe(1);
      expect(value(other, 'lexicalPlace')).toBe(0.5);
    });
  });

  it('reads the sentence cosines of each candidate, and how far the closer of the two falls below the pool’s best', () => {
    const rows = sentenceFeatures([
      { claim: 0.9, headline: 0.5 },
      { claim: 0.2, headline: 0.7 },
    ]);
    expect(rows[0]).toHaveLength(SENTENCE_FEATURES.length);
    expect(rows[0]).toEqual([0.9, 0.5, 0]);
    expect(rows[1][0]).toBe(0.2);
    expect(rows[1][2]).toBeCloseTo(-0.2, 10);
  });
});
