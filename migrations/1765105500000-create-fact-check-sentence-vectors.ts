import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each fact-check's sentence vectors (claim and headline), encoded by the worker the first time matching meets the
 * fact-check and kept for the next time. Derived data: the fingerprint names the model and the text it was encoded
 * from, so an edited fact-check or a new model is simply encoded again.
 */
export class CreateFactCheckSentenceVectors1765105500000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fact_check_sentence_vectors (
      fact_check_id uuid NOT NULL CONSTRAINT "PK_fact_check_sentence_vectors" PRIMARY KEY
        CONSTRAINT "FK_fact_check_sentence_vectors_fact_check" REFERENCES fact_checks(id) ON DELETE CASCADE,
      fingerprint text NOT NULL,
      claim_vector bytea NOT NULL,
      headline_vector bytea NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fact_check_sentence_vectors`);
  }
}
