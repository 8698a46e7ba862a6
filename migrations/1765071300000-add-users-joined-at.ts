import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `users.joined_at`: when the person first took up their account (set a password through a link, or signed in by
 * single sign-on). Only a reviewer who can act is given work: a person who joined and is active, or a live reviewer
 * key; an invited person who never came gets none. Existing people with a password, or a session, count as joined.
 * The index serves the "live reviewer key" half of that test, asked for every reviewer on every assignment.
 */
export class AddUsersJoinedAt1765071300000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN joined_at timestamptz`);
    await q.query(`UPDATE users u SET joined_at = coalesce(u.updated_at, u.created_at)
      WHERE u.password_hash IS NOT NULL OR EXISTS (SELECT 1 FROM user_sessions s WHERE s.user_id = u.id)`);
    await q.query(`CREATE INDEX "IDX_api_keys_live_reviewer" ON api_keys (reviewer_id) WHERE revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_api_keys_live_reviewer"`);
    await q.query(`ALTER TABLE users DROP COLUMN joined_at`);
  }
}
