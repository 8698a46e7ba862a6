import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SentenceVector } from './sentence-encoder';

export interface StoredSentenceVectors {
  factCheckId: string;
  fingerprint: string;
  claim: SentenceVector;
  headline: SentenceVector;
}

const asVector = (bytes: Buffer): SentenceVector => new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
const asBytes = (vector: SentenceVector) => Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength);

/** fact_check_sentence_vectors: a cache of encodings in Postgres, shared by every worker and kept across restarts. */
@Injectable()
export class FactCheckSentenceVectorsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(factCheckIds: string[]): Promise<StoredSentenceVectors[]> {
    if (factCheckIds.length === 0) return [];
    const rows: { factCheckId: string; fingerprint: string; claim: Buffer; headline: Buffer }[] =
      await this.dataSource.query(
        `SELECT fact_check_id AS "factCheckId", fingerprint, claim_vector AS claim, headline_vector AS headline
         FROM fact_check_sentence_vectors WHERE fact_check_id = ANY($1::uuid[])`,
        [factCheckIds],
      );
    return rows.map((r) => ({ ...r, claim: asVector(r.claim), headline: asVector(r.headline) }));
  }

  /** A fact-check deleted meanwhile is skipped; two workers encoding the same one both write the same vectors. */
  async save(vectors: StoredSentenceVectors[]): Promise<void> {
    if (vectors.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO fact_check_sentence_vectors (fact_check_id, fingerprint, claim_vector, headline_vector)
       SELECT v.id, v.fingerprint, v.claim, v.headline
       FROM unnest($1::uuid[], $2::text[], $3::bytea[], $4::bytea[]) AS v(id, fingerprint, claim, headline)
       JOIN fact_checks f ON f.id = v.id
       -- One order for every writer: two workers saving overlapping fact-checks never wait on each other in a cycle.
       ORDER BY v.id
       ON CONFLICT (fact_check_id) DO UPDATE
         SET fingerprint = excluded.fingerprint, claim_vector = excluded.claim_vector,
             headline_vector = excluded.headline_vector`,
      [
        vectors.map((v) => v.factCheckId),
        vectors.map((v) => v.fingerprint),
        vectors.map((v) => asBytes(v.claim)),
        vectors.map((v) => asBytes(v.headline)),
      ],
    );
  }
}
