import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim's statement: the claim as a reader would state it on its own, where it says more than its span's text (a
 * verb phrase split off with the subject it shares). NULL reads as the text, so existing rows need nothing.
 */
export class AddClaimStatement1765105000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims ADD COLUMN statement text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims DROP COLUMN statement`);
  }
}
