import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The person who acted (signed in, or owning the key), beside the key, in claim history and the audit log. */
export class AddActingPersonToHistory1764900000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE claim_events ADD COLUMN actor_user_id uuid CONSTRAINT "FK_claim_events_actor_user" REFERENCES users(id) ON DELETE SET NULL`,
    );
    await q.query(
      `ALTER TABLE audit_events ADD COLUMN actor_user_id uuid CONSTRAINT "FK_audit_events_actor_user" REFERENCES users(id) ON DELETE SET NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP COLUMN actor_user_id`);
    await q.query(`ALTER TABLE claim_events DROP COLUMN actor_user_id`);
  }
}
