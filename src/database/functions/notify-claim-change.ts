import type { DatabaseFunction } from './database-function';

/**
 * Announces every change of a claim's history on `claim_changes` (but extraction's bulk `created` rows and a
 * reviewer's own pulls). Postgres delivers a NOTIFY only when its transaction commits, to every listening
 * connection: each api process hears every move, whichever process made it, and never a rolled-back one.
 */
export const notifyClaimChange: DatabaseFunction = {
  name: 'notify_claim_change',
  definition: `CREATE OR REPLACE FUNCTION notify_claim_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('claim_changes', json_build_object(
        'claimId', NEW.claim_id, 'articleId', NEW.article_id, 'type', NEW.type,
        'fromStatus', NEW.from_status, 'toStatus', NEW.to_status,
        'actorUserId', NEW.actor_user_id, 'actorKeyId', NEW.actor_key_id, 'actorRole', NEW.actor_role,
        'reviewerId', NEW.reviewer_id)::text);
      RETURN NULL;
    END
  $$`,
  triggers: [
    `CREATE OR REPLACE TRIGGER "TR_claim_events_notify" AFTER INSERT ON claim_events FOR EACH ROW WHEN (((new.type <> 'created'::text) AND (NOT ((new.type = 'assigned'::text) AND (new.actor_role = 'reviewer'::text))))) EXECUTE FUNCTION notify_claim_change()`,
  ],
};
