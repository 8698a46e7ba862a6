import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An editor's word on whether a claim's claimant is a person or an organization (null: as the name reads). */
export class ClaimantKind1765099600000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE claims ADD COLUMN claimant_kind text CONSTRAINT "CHK_claims_claimant_kind" CHECK (claimant_kind IN ('person','organization'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims DROP COLUMN claimant_kind`);
  }
}
