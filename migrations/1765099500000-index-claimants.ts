import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search filters by part of a claimant's name (`ILIKE '%…%'`): a trigram index lets Postgres intersect it with the
 * text index, so a common word with a claimant nobody matches no longer reads every claim that holds the word.
 */
export class IndexClaimants1765099500000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX "IDX_claims_claimant_trgm" ON claims USING gin (claimant gin_trgm_ops)`);
    await q.query(`CREATE INDEX "IDX_fact_checks_claimant_trgm" ON fact_checks USING gin (claimant gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_fact_checks_claimant_trgm"`);
    await q.query(`DROP INDEX "IDX_claims_claimant_trgm"`);
  }
}
