import { Injectable } from '@nestjs/common';
import type { CandidateRow, FactCheckText } from './fact-checks.repository';
import {
  FactCheckSentenceVectorsRepository,
  type StoredSentenceVectors,
} from './fact-check-sentence-vectors.repository';
import { cosine, withSentenceColumns, type SentenceCosines } from './match-features';
import type { PreparedQuery } from './prepared-query';
import { SentenceEncoder, sentenceFingerprint } from './sentence-encoder';

/**
 * Runs in the worker: how close a query's meaning is to each candidate's, through the sentence encoder. Each
 * fact-check is encoded once — by its import's re-match job, or else the first time a search meets it — and kept in
 * Postgres for every later search.
 */
@Injectable()
export class SentenceSimilarityService {
  constructor(
    private readonly stored: FactCheckSentenceVectorsRepository,
    private readonly encoder: SentenceEncoder,
  ) {}

  /** The pool with SENTENCE_FEATURES after each candidate's MATCH_FEATURES, for MatchRanker.withSentences(). */
  async withSentenceFeatures(prepared: PreparedQuery): Promise<PreparedQuery> {
    return {
      ...prepared,
      features: withSentenceColumns(prepared.features, await this.cosines(prepared.text, prepared.rows)),
    };
  }

  /** Each candidate's cosines with the query, in the candidates' order. */
  async cosines(queryText: string, rows: CandidateRow[]): Promise<SentenceCosines[]> {
    if (rows.length === 0) return [];
    const [query] = await this.encoder.encode([queryText]);
    const vectors = await this.vectorsOf(rows);
    return rows.map((row) => {
      const { claim, headline } = vectors.get(row.id)!;
      return { claim: cosine(query, claim), headline: cosine(query, headline) };
    });
  }

  /** Encodes those not yet encoded (or edited since), so matching finds them ready. */
  async encode(factChecks: FactCheckText[]): Promise<void> {
    if (factChecks.length > 0) await this.vectorsOf(factChecks);
  }

  private async vectorsOf(rows: FactCheckText[]): Promise<Map<string, StoredSentenceVectors>> {
    const fingerprints = new Map(rows.map((r) => [r.id, sentenceFingerprint(r.claimReviewed, r.headline ?? '')]));
    const vectors = new Map(
      (await this.stored.read([...fingerprints.keys()]))
        .filter((v) => v.fingerprint === fingerprints.get(v.factCheckId))
        .map((v) => [v.factCheckId, v]),
    );
    const missing = [...new Map(rows.filter((r) => !vectors.has(r.id)).map((r) => [r.id, r])).values()];
    if (missing.length === 0) return vectors;
    // A fact-check without a headline is its claim alone.
    const headlined = missing.filter((r) => r.headline?.trim());
    const encoded = await this.encoder.encode([
      ...missing.map((r) => r.claimReviewed),
      ...headlined.map((r) => r.headline!),
    ]);
    const headlines = new Map(headlined.map((r, i) => [r.id, encoded[missing.length + i]]));
    const fresh = missing.map((r, i) => ({
      factCheckId: r.id,
      fingerprint: fingerprints.get(r.id)!,
      claim: encoded[i],
      headline: headlines.get(r.id) ?? encoded[i],
    }));
    await this.stored.save(fresh);
    for (const v of fresh) vectors.set(v.factCheckId, v);
    return vectors;
  }
}
