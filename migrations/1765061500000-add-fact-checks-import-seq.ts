import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The order fact-checks came into the archive. An archive holds the same claim twice under two urls (a re-publication,
 * quotes normalised differently); search ranks such copies together with the original first, and without dates
 * "original" means the one imported first. Rows already here are numbered in no particular order.
 */
export class AddFactChecksImportSeq1765061500000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fact_checks ADD COLUMN import_seq bigint GENERATED ALWAYS AS IDENTITY`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE fact_checks DROP COLUMN import_seq`);
  }
}
