import { compactWordVectors, contentWords, relatedness, WordVectors } from './word-vectors';

describe('WordVectors', () => {
  // Listed most frequent first, as the embeddings are: "bus" is commoner than "tram", "lanes" rarer than both.
  const full: Record<string, number[]> = { bus: [4, 1, 0], tram: [3, 1, 0], lanes: [0, 0, 2], cat: [0, 5, 0] };
  const vectors = new WordVectors(
    compactWordVectors(['bus', 'tram', 'absent', 'cat', 'lanes'], (w) => full[w], 'test'),
  );

  it('keeps only the words it has vectors for, one byte per dimension', () => {
    expect(vectors.json.words).toEqual(['bus', 'tram', 'cat', 'lanes']);
    expect(Buffer.from(vectors.json.vectors, 'base64')).toHaveLength(12);
  });

  it("averages the known words' vectors, rarer words weighing more, null when none is known", () => {
    const mean = vectors.meanVector(['bus', 'lanes', 'absent'])!;
    expect(mean).toHaveLength(3);
    expect(mean[2] / mean[0]).toBeGreaterThan(1 / 0.97); // "lanes" is rarer than "bus"
    expect(vectors.meanVector(['absent'])).toBeNull();
  });

  it('gives similar words a cosine near 1, unrelated ones near 0, unknown ones 0', () => {
    expect(vectors.similarity('bus', 'tram')).toBeGreaterThan(0.95);
    expect(vectors.similarity('bus', 'lanes')).toBeCloseTo(0, 5);
    expect(vectors.similarity('bus', 'absent')).toBe(0);
  });

  it('counts a word said with a neighbour as nearly said, and one of the same stem as said', () => {
    const same = vectors.forQuery(['bus', 'lanes']).queryIn(['bus', 'lanes']);
    const neighbour = vectors.forQuery(['bus', 'lanes']).queryIn(['tram', 'lanes']);
    const stem = vectors.forQuery(['election']).queryIn(['elections']);
    const unrelated = vectors.forQuery(['bus', 'lanes']).queryIn(['cat']);

    expect(same).toBe(1);
    expect(neighbour).toBeGreaterThan(0.9);
    expect(neighbour).toBeLessThan(1);
    expect(stem).toBe(1);
    expect(unrelated).toBeLessThan(0.3);
  });

  it('counts a word met only at an unrelated cosine as not said', () => {
    // A cosine of about 0.3: the level unrelated words reach in the real embeddings.
    const mixed = new WordVectors(
      compactWordVectors(['bus', 'mix'], (w) => (w === 'bus' ? [1, 0, 0] : [0.3, 0.95, 0]), 'test'),
    );
    expect(mixed.similarity('bus', 'mix')).toBeGreaterThan(0.25);
    expect(mixed.forQuery(['bus']).queryIn(['mix'])).toBe(0);
  });

  it('weighs a rare word more than a common one', () => {
    // Only "lanes" (rarer) is said in the first, only "bus" (commoner) in the second.
    expect(vectors.forQuery(['bus', 'lanes']).queryIn(['lanes'])).toBeGreaterThan(
      vectors.forQuery(['bus', 'lanes']).queryIn(['bus']),
    );
  });

  it('measures the other way round alike: how much of a text the query says', () => {
    expect(vectors.forQuery(['tram', 'lanes']).textIn(['bus', 'lanes'])).toBeCloseTo(
      vectors.forQuery(['bus', 'lanes']).queryIn(['tram', 'lanes']),
      10,
    );
    expect(vectors.forQuery(['bus']).textIn(['bus', 'lanes'])).toBeLessThan(0.5);
  });

  it('scores nothing against nothing as 0', () => {
    expect(vectors.forQuery([]).queryIn(['bus'])).toBe(0);
    expect(vectors.forQuery([]).textIn(['bus'])).toBe(0);
    expect(vectors.forQuery(['bus']).queryIn([])).toBe(0);
  });

  it('takes a text’s content words in lower case, without function words', () => {
    expect(contentWords('The City spent $40 million on bus-lanes.')).toEqual([
      'city',
      'spent',
      '40',
      'million',
      'bus',
      'lanes',
    ]);
  });
});

describe('relatedness', () => {
  it('is 0 up to the unrelated cosine and 1 at a cosine of 1, rising in between', () => {
    expect(relatedness(-0.5)).toBe(0);
    expect(relatedness(0.4)).toBe(0);
    expect(relatedness(0.7)).toBeCloseTo(0.5, 10);
    expect(relatedness(1)).toBe(1);
  });
});

describe('models/word-vectors.json', () => {
  it('loads and knows the words a claim about buses is made of', () => {
    const vectors = WordVectors.shared();
    expect(vectors.similarity('bus', 'buses')).toBeGreaterThan(0.5);
    expect(vectors.similarity('bus', 'bus')).toBe(1);
  });
});
