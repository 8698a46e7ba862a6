import type { DatabaseFunction } from './database-function';

/**
 * Keeps `reviewers.open_claims` equal to the claims assigned to each reviewer, whatever statement changes an
 * assignment, so capacity checks read one row instead of counting.
 */
export const claimsKeepOpenCount: DatabaseFunction = {
  name: 'claims_keep_open_count',
  definition: `CREATE OR REPLACE FUNCTION claims_keep_open_count() RETURNS trigger LANGUAGE plpgsql AS $$
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
    END
  $$`,
  triggers: [
    `CREATE OR REPLACE TRIGGER "TRG_claims_open_count_delete" AFTER DELETE ON claims FOR EACH ROW WHEN ((old.assignee_id IS NOT NULL)) EXECUTE FUNCTION claims_keep_open_count()`,
    `CREATE OR REPLACE TRIGGER "TRG_claims_open_count_insert" AFTER INSERT ON claims FOR EACH ROW WHEN ((new.assignee_id IS NOT NULL)) EXECUTE FUNCTION claims_keep_open_count()`,
    `CREATE OR REPLACE TRIGGER "TRG_claims_open_count_update" AFTER UPDATE OF assignee_id ON claims FOR EACH ROW WHEN ((old.assignee_id IS DISTINCT FROM new.assignee_id)) EXECUTE FUNCTION claims_keep_open_count()`,
  ],
};
