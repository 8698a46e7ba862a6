import type { DatabaseFunction } from './database-function';

/**
 * Announces on `api_keys_changed` any change that can alter what a key may do: the key itself (revoked, re-scoped), its
 * owner (role, active, linked reviewer) or its reviewer (active). Every api process caches live keys and forgets them
 * all on this notice, so a revocation, demotion or deactivation holds on the next request in every process. Once per
 * statement: a notice carries nothing, and Postgres folds equal notices of one transaction into one.
 */
export const notifyApiKeysChanged: DatabaseFunction = {
  name: 'notify_api_keys_changed',
  definition: `CREATE OR REPLACE FUNCTION notify_api_keys_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('api_keys_changed', '');
      RETURN NULL;
    END
  $$`,
  triggers: [
    `CREATE OR REPLACE TRIGGER "TR_api_keys_changed" AFTER UPDATE OF role, revoked_at, secret_hash, reviewer_id, owner_user_id, integrator_id OR DELETE ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION notify_api_keys_changed()`,
    `CREATE OR REPLACE TRIGGER "TR_users_key_owner_changed" AFTER UPDATE OF role, active, reviewer_id OR DELETE ON users FOR EACH STATEMENT EXECUTE FUNCTION notify_api_keys_changed()`,
    `CREATE OR REPLACE TRIGGER "TR_reviewers_key_holder_changed" AFTER UPDATE OF active OR DELETE ON reviewers FOR EACH STATEMENT EXECUTE FUNCTION notify_api_keys_changed()`,
  ],
};
