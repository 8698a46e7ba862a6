import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a claim was last matched against fact-checks, so the reconciler can re-send matching that Redis lost. */
export class AddClaimsMatchedAt1764700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims ADD COLUMN matched_at timestamptz`);
    // Claims from before matching existed are not matched after the fact by this migration.
    await q.query(`UPDATE claims SET matched_at = created_at`);
    await q.query(`CREATE INDEX "IDX_claims_unmatched" ON claims (id) WHERE matched_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_claims_unmatched"`);
    await q.query(`ALTER TABLE claims DROP COLUMN matched_at`);
  }
}
