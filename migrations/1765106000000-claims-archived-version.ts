import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the desk's archive reflects each verdict, kept in Postgres: `archived_version` is the claim version whose
 * verdict the archive holds as the desk's own fact-check, NULL when it holds none. A published verdict whose version
 * differs, or a claim that is no longer one but still has an entry, is pending work, found by a small partial index,
 * so the reconciler rebuilds the publication jobs Redis lost (or that used up their attempts).
 */
export class ClaimsArchivedVersion1765106000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims ADD COLUMN archived_version integer`);
    // What the archive holds now: a verdict with its fact-check is taken as current; one without is pending, and so is
    // an entry whose claim is no longer a published verdict.
    await q.query(
      `UPDATE claims SET archived_version = claims.version FROM fact_checks f WHERE f.source_claim_id = claims.id`,
    );
    await q.query(`CREATE INDEX "IDX_claims_archive_pending" ON claims (id)
      WHERE CASE WHEN status IN ('sourced', 'disputed') AND approval IS DISTINCT FROM 'pending'
        THEN archived_version IS DISTINCT FROM version ELSE archived_version IS NOT NULL END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_claims_archive_pending"`);
    await q.query(`ALTER TABLE claims DROP COLUMN archived_version`);
  }
}
