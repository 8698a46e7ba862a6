import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A match may link the same claim in another article said in other words (`same-claim`), beside `same-text`. */
export class AllowSameClaimMatches1765104000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claim_matches DROP CONSTRAINT "CHK_claim_matches_kind"`);
    await q.query(
      `ALTER TABLE claim_matches ADD CONSTRAINT "CHK_claim_matches_kind" CHECK (kind IN ('fact-check', 'claim', 'same-text', 'same-claim'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM claim_matches WHERE kind = 'same-claim'`);
    await q.query(`ALTER TABLE claim_matches DROP CONSTRAINT "CHK_claim_matches_kind"`);
    await q.query(
      `ALTER TABLE claim_matches ADD CONSTRAINT "CHK_claim_matches_kind" CHECK (kind IN ('fact-check', 'claim', 'same-text'))`,
    );
  }
}
