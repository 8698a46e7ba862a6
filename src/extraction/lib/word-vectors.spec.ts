import { splitSentences } from './sentence-splitter';
import { compactWordVectors, WordVectors } from './word-vectors';

describe('WordVectors', () => {
  const full: Record<string, number[]> = { inflation: [2, 0, 0], rose: [0, 4, 0], percent: [0, 0, -1] };
  const vectors = new WordVectors(compactWordVectors(['inflation', 'rose', 'absent', 'percent'], (w) => full[w], 'test'));
  const tokens = (text: string) => splitSentences(text)[0].tokens;

  it('keeps only the words it has vectors for, in bytes', () => {
    expect(vectors.json.words).toEqual(['inflation', 'rose', 'percent']);
    expect(Buffer.from(vectors.json.vectors, 'base64')).toHaveLength(9);
  });

  it('gives a sentence the unit-length mean of its known words, whatever their case', () => {
    const vector = Array.from(vectors.sentenceVector(tokens('Inflation rose sharply.')));

    // Each word's vector is rounded to bytes by its largest component, so both weigh alike: (1, 1, 0) / √2.
    expect(vector[0]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(vector[1]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(vector[2]).toBe(0);
  });

  it('gives a sentence of unknown words the zero vector', () => {
    expect(Array.from(vectors.sentenceVector(tokens('Nobody came.')))).toEqual([0, 0, 0]);
  });
});
