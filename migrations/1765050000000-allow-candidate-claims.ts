import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A candidate: a factual sentence scored below the desk's threshold, kept with its score until an editor promotes it.
 * It is a status before review, so every query that queues, assigns or counts `unverified` claims leaves it out.
 */
export class AllowCandidateClaims1765050000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims DROP CONSTRAINT "CHK_claims_status"`);
    await q.query(
      `ALTER TABLE claims ADD CONSTRAINT "CHK_claims_status" CHECK (status IN ('candidate','unverified','sourced','disputed','dismissed','withdrawn'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM claims WHERE status = 'candidate'`);
    await q.query(`ALTER TABLE claims DROP CONSTRAINT "CHK_claims_status"`);
    await q.query(
      `ALTER TABLE claims ADD CONSTRAINT "CHK_claims_status" CHECK (status IN ('unverified','sourced','disputed','dismissed','withdrawn'))`,
    );
  }
}
