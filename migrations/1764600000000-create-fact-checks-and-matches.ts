import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fact-check archive (imported ClaimReview and the desk's own verdicts), its search vectors and term statistics
 * (document frequencies for the re-ranker's BM25), and the matches kept for each claim.
 */
export class CreateFactChecksAndMatches1764600000000 implements MigrationInterface {
  name = 'CreateFactChecksAndMatches1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE TABLE fact_checks (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_fact_checks" PRIMARY KEY,
      url text NOT NULL,
      claim_reviewed text NOT NULL,
      headline text,
      rating text,
      author text,
      claimant text,
      date_published timestamptz,
      language varchar(35),
      claim_review jsonb NOT NULL,
      source_claim_id uuid CONSTRAINT "FK_fact_checks_source_claim" REFERENCES claims(id) ON DELETE SET NULL,
      claim_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', claim_reviewed)) STORED,
      title_vector tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(headline, ''))) STORED,
      search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', claim_reviewed), 'A') || setweight(to_tsvector('english', coalesce(headline, '')), 'B')
      ) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_fact_checks_url" UNIQUE (url)
    )`);
    await q.query(`CREATE INDEX "IDX_fact_checks_search" ON fact_checks USING gin (search_vector)`);
    await q.query(`CREATE INDEX "IDX_fact_checks_claim_trgm" ON fact_checks USING gin (claim_reviewed gin_trgm_ops)`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_fact_checks_source_claim" ON fact_checks (source_claim_id) WHERE source_claim_id IS NOT NULL`,
    );
    await q.query(`CREATE TABLE fact_check_lexemes (
      lexeme text NOT NULL CONSTRAINT "PK_fact_check_lexemes" PRIMARY KEY,
      ndoc integer NOT NULL
    )`);
    await q.query(`CREATE TABLE fact_check_stats (
      id smallint NOT NULL DEFAULT 1 CONSTRAINT "PK_fact_check_stats" PRIMARY KEY CONSTRAINT "CHK_fact_check_stats_one" CHECK (id = 1),
      doc_count bigint NOT NULL DEFAULT 0,
      claim_length bigint NOT NULL DEFAULT 0,
      title_length bigint NOT NULL DEFAULT 0
    )`);
    await q.query(`INSERT INTO fact_check_stats (id) VALUES (1)`);
    await q.query(`CREATE TABLE claim_matches (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_claim_matches" PRIMARY KEY,
      claim_id uuid NOT NULL CONSTRAINT "FK_claim_matches_claim" REFERENCES claims(id) ON DELETE CASCADE,
      fact_check_id uuid CONSTRAINT "FK_claim_matches_fact_check" REFERENCES fact_checks(id) ON DELETE CASCADE,
      matched_claim_id uuid CONSTRAINT "FK_claim_matches_matched_claim" REFERENCES claims(id) ON DELETE CASCADE,
      kind varchar(16) NOT NULL CONSTRAINT "CHK_claim_matches_kind" CHECK (kind IN ('fact-check', 'claim', 'same-text')),
      score double precision NOT NULL,
      state varchar(16) NOT NULL DEFAULT 'suggested' CONSTRAINT "CHK_claim_matches_state" CHECK (state IN ('suggested', 'confirmed', 'rejected')),
      created_at timestamptz NOT NULL DEFAULT now(),
      decided_at timestamptz,
      CONSTRAINT "CHK_claim_matches_target" CHECK ((fact_check_id IS NULL) <> (matched_claim_id IS NULL))
    )`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_claim_matches_fact_check" ON claim_matches (claim_id, fact_check_id) WHERE fact_check_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_claim_matches_claim" ON claim_matches (claim_id, matched_claim_id) WHERE matched_claim_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_claim_matches_claim_score" ON claim_matches (claim_id, score DESC)`);
    await q.query(
      `CREATE INDEX "IDX_claim_matches_matched_claim" ON claim_matches (matched_claim_id) WHERE matched_claim_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_claims_fingerprint" ON claims (lower(regexp_replace(text, '[^a-zA-Z0-9%$]+', ' ', 'g')))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_claims_fingerprint"`);
    await q.query(`DROP TABLE claim_matches`);
    await q.query(`DROP TABLE fact_check_stats`);
    await q.query(`DROP TABLE fact_check_lexemes`);
    await q.query(`DROP TABLE fact_checks`);
  }
}
