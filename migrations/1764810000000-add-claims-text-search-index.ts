import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Full-text search over claims for the search page (/ui/search): the same English configuration as fact-checks. */
export class AddClaimsTextSearchIndex1764810000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_claims_text_search" ON claims USING gin (to_tsvector('english', text))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_claims_text_search"`);
  }
}
