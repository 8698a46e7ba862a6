import type { MigrationInterface, QueryRunner } from 'typeorm';

/** People who sign in to the pages, their one-time invitation and reset links, and their sessions (tokens stored hashed). */
export class CreateUsersAndSessions1764820000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE users (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_users" PRIMARY KEY,
      email text NOT NULL,
      name text NOT NULL,
      role text NOT NULL CONSTRAINT "CHK_users_role" CHECK (role IN ('admin','editor','reviewer')),
      reviewer_id uuid CONSTRAINT "FK_users_reviewer" REFERENCES reviewers(id) ON DELETE RESTRICT,
      active boolean NOT NULL DEFAULT true,
      password_hash text,
      totp_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "CHK_users_reviewer_role" CHECK ((role = 'reviewer') = (reviewer_id IS NOT NULL))
    )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_users_email" ON users (lower(email))`);
    await q.query(`CREATE UNIQUE INDEX "UQ_users_reviewer" ON users (reviewer_id) WHERE reviewer_id IS NOT NULL`);
    await q.query(`CREATE TABLE user_tokens (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_user_tokens" PRIMARY KEY,
      user_id uuid NOT NULL CONSTRAINT "FK_user_tokens_user" REFERENCES users(id) ON DELETE CASCADE,
      purpose text NOT NULL CONSTRAINT "CHK_user_tokens_purpose" CHECK (purpose IN ('invitation','reset')),
      token_hash text NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_user_tokens_hash" ON user_tokens (token_hash)`);
    await q.query(`CREATE INDEX "IDX_user_tokens_user" ON user_tokens (user_id)`);
    await q.query(`CREATE TABLE user_sessions (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_user_sessions" PRIMARY KEY,
      user_id uuid NOT NULL CONSTRAINT "FK_user_sessions_user" REFERENCES users(id) ON DELETE CASCADE,
      token_hash text NOT NULL,
      stage text NOT NULL CONSTRAINT "CHK_user_sessions_stage" CHECK (stage IN ('signed_in','second_factor','enrolment')),
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_user_sessions_hash" ON user_sessions (token_hash)`);
    await q.query(`CREATE INDEX "IDX_user_sessions_user" ON user_sessions (user_id)`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT "CHK_audit_events_target_type"`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type IN ('key','reviewer','user'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_events WHERE target_type = 'user'`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT "CHK_audit_events_target_type"`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type IN ('key','reviewer'))`,
    );
    await q.query(`DROP TABLE user_sessions`);
    await q.query(`DROP TABLE user_tokens`);
    await q.query(`DROP TABLE users`);
  }
}
