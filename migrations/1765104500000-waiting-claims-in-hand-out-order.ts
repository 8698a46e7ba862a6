import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Waiting claims are handed out soonest due first, then most check-worthy: an index in that order lets a pull or an
 * offer read the first few it may take rather than sort the whole backlog.
 */
export class WaitingClaimsInHandOutOrder1765104500000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_claims_unassigned"`);
    await q.query(
      `CREATE INDEX "IDX_claims_waiting" ON claims (due_at ASC NULLS LAST, checkworthiness DESC, id) WHERE status = 'unverified' AND assignee_id IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_claims_waiting"`);
    await q.query(
      `CREATE INDEX "IDX_claims_unassigned" ON claims (checkworthiness DESC, id) WHERE status = 'unverified' AND assignee_id IS NULL`,
    );
  }
}
