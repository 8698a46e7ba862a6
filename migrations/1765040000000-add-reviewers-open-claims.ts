import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `reviewers.open_claims`: how many claims the reviewer holds, kept by a trigger on `claims` in the very statement that
 * changes `assignee_id` (pull, assignment, release, expiry, verdict, reopen, withdrawal, deactivation, deletion), so no
 * path can forget it and capacity is read from one row instead of counted. The same trigger stamps
 * `last_assigned_at` (the least-loaded tie-breaker) when a claim is given to a reviewer.
 */
export class AddReviewersOpenClaims1765040000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE reviewers ADD COLUMN open_claims integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE reviewers r SET open_claims = (SELECT count(*) FROM claims c WHERE c.assignee_id = r.id)`);
    await q.query(`
      CREATE FUNCTION claims_keep_open_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          IF OLD.assignee_id IS NOT NULL THEN
            UPDATE reviewers SET open_claims = open_claims - 1 WHERE id = OLD.assignee_id;
          END IF;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          IF NEW.assignee_id IS NOT NULL THEN
            UPDATE reviewers SET open_claims = open_claims + 1, last_assigned_at = now() WHERE id = NEW.assignee_id;
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "TRG_claims_open_count_update" AFTER UPDATE OF assignee_id ON claims
      FOR EACH ROW WHEN (OLD.assignee_id IS DISTINCT FROM NEW.assignee_id) EXECUTE FUNCTION claims_keep_open_count()`);
    await q.query(`CREATE TRIGGER "TRG_claims_open_count_insert" AFTER INSERT ON claims
      FOR EACH ROW WHEN (NEW.assignee_id IS NOT NULL) EXECUTE FUNCTION claims_keep_open_count()`);
    await q.query(`CREATE TRIGGER "TRG_claims_open_count_delete" AFTER DELETE ON claims
      FOR EACH ROW WHEN (OLD.assignee_id IS NOT NULL) EXECUTE FUNCTION claims_keep_open_count()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TRG_claims_open_count_delete" ON claims`);
    await q.query(`DROP TRIGGER "TRG_claims_open_count_insert" ON claims`);
    await q.query(`DROP TRIGGER "TRG_claims_open_count_update" ON claims`);
    await q.query(`DROP FUNCTION claims_keep_open_count()`);
    await q.query(`ALTER TABLE reviewers DROP COLUMN open_claims`);
  }
}
