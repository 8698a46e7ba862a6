import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every change of a claim's history (move, assignment, note; not the bulk `created` rows of an extraction) is announced
 * on the channel `claim_changes`. Postgres delivers a NOTIFY only when its transaction commits, to every listening
 * connection, so each api process hears every move, whichever process or worker made it, and never a rolled-back one.
 */
export class NotifyClaimChanges1765020000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION notify_claim_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('claim_changes', json_build_object(
          'claimId', NEW.claim_id, 'articleId', NEW.article_id, 'type', NEW.type,
          'fromStatus', NEW.from_status, 'toStatus', NEW.to_status,
          'actorUserId', NEW.actor_user_id, 'actorKeyId', NEW.actor_key_id, 'actorRole', NEW.actor_role,
          'reviewerId', NEW.reviewer_id)::text);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER "TR_claim_events_notify" AFTER INSERT ON claim_events
      FOR EACH ROW WHEN (NEW.type <> 'created') EXECUTE FUNCTION notify_claim_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TR_claim_events_notify" ON claim_events`);
    await q.query(`DROP FUNCTION notify_claim_change()`);
  }
}
