import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The team's conversation and its notices: comments on claims (never deleted; an edit keeps the earlier text in
 * `claim_comment_revisions`), notifications to people (`assigned`, `mentioned`, …; `dedupe_key` makes a notice raised
 * twice, as a worker's check may, one row), each person's mail preferences, and the mail outbox the worker sends from
 * (a row is claimed with a lease, sent, and marked sent; `message_id` is fixed at insert so a resend is recognisable).
 */
export class CreateCommentsAndNotifications1765101000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE claim_comments (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_claim_comments" PRIMARY KEY,
      claim_id uuid NOT NULL CONSTRAINT "FK_claim_comments_claim" REFERENCES claims(id) ON DELETE CASCADE,
      article_id uuid NOT NULL,
      author_user_id uuid CONSTRAINT "FK_claim_comments_author" REFERENCES users(id) ON DELETE RESTRICT,
      author_key_id uuid,
      author_name text NOT NULL,
      body text NOT NULL,
      mentions uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      edited_at timestamptz,
      CONSTRAINT "CHK_claim_comments_author" CHECK (author_user_id IS NOT NULL OR author_key_id IS NOT NULL)
    )`);
    await q.query(`CREATE INDEX "IDX_claim_comments_claim" ON claim_comments (claim_id, created_at, id)`);
    await q.query(`CREATE TABLE claim_comment_revisions (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_claim_comment_revisions" PRIMARY KEY,
      comment_id uuid NOT NULL CONSTRAINT "FK_claim_comment_revisions_comment" REFERENCES claim_comments(id) ON DELETE CASCADE,
      body text NOT NULL,
      written_at timestamptz NOT NULL,
      replaced_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX "IDX_claim_comment_revisions_comment" ON claim_comment_revisions (comment_id, replaced_at)`,
    );
    await q.query(`CREATE TABLE notifications (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_notifications" PRIMARY KEY,
      user_id uuid NOT NULL CONSTRAINT "FK_notifications_user" REFERENCES users(id) ON DELETE CASCADE,
      kind text NOT NULL CONSTRAINT "CHK_notifications_kind"
        CHECK (kind IN ('assigned','mentioned','second_opinion_requested','returned','lease_expiring','due_soon')),
      claim_id uuid CONSTRAINT "FK_notifications_claim" REFERENCES claims(id) ON DELETE CASCADE,
      article_id uuid,
      comment_id uuid CONSTRAINT "FK_notifications_comment" REFERENCES claim_comments(id) ON DELETE CASCADE,
      actor_user_id uuid CONSTRAINT "FK_notifications_actor" REFERENCES users(id) ON DELETE SET NULL,
      actor_name text,
      dedupe_key text NOT NULL,
      delivery text NOT NULL CONSTRAINT "CHK_notifications_delivery" CHECK (delivery IN ('immediately','digest','off')),
      digest_mail_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_notifications_dedupe" ON notifications (user_id, dedupe_key)`);
    await q.query(`CREATE INDEX "IDX_notifications_user" ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX "IDX_notifications_unread" ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(
      `CREATE INDEX "IDX_notifications_digest_due" ON notifications (user_id) WHERE delivery = 'digest' AND digest_mail_id IS NULL`,
    );
    await q.query(`CREATE TABLE notification_preferences (
      user_id uuid NOT NULL CONSTRAINT "PK_notification_preferences" PRIMARY KEY
        CONSTRAINT "FK_notification_preferences_user" REFERENCES users(id) ON DELETE CASCADE,
      kinds jsonb NOT NULL DEFAULT '{}',
      digest_hour int NOT NULL DEFAULT 8 CONSTRAINT "CHK_notification_preferences_hour" CHECK (digest_hour BETWEEN 0 AND 23),
      last_digest_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE mail_outbox (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_mail_outbox" PRIMARY KEY,
      user_id uuid CONSTRAINT "FK_mail_outbox_user" REFERENCES users(id) ON DELETE CASCADE,
      to_address text NOT NULL,
      subject text NOT NULL,
      body_text text NOT NULL,
      message_id text NOT NULL,
      dedupe_key text NOT NULL CONSTRAINT "UQ_mail_outbox_dedupe" UNIQUE,
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz,
      last_error text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "IDX_mail_outbox_due" ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mail_outbox`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE claim_comment_revisions`);
    await q.query(`DROP TABLE claim_comments`);
  }
}
