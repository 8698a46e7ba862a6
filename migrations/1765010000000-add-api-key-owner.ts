import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A key names the person who holds it (what it does is recorded under them) and when it was last used; the audit log filters by person. */
export class AddApiKeyOwner1765010000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE api_keys ADD COLUMN owner_user_id uuid CONSTRAINT "FK_api_keys_owner_user" REFERENCES users(id) ON DELETE SET NULL`,
    );
    await q.query(`ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz`);
    await q.query(
      `CREATE INDEX "IDX_claim_events_person_created" ON claim_events (actor_user_id, created_at, seq) WHERE actor_user_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_audit_events_person_created" ON audit_events (actor_user_id, created_at, seq) WHERE actor_user_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_audit_events_person_created"`);
    await q.query(`DROP INDEX "IDX_claim_events_person_created"`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN last_used_at`);
    await q.query(`ALTER TABLE api_keys DROP COLUMN owner_user_id`);
  }
}
