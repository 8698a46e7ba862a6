import type { DatabaseFunction } from './database-function';

/** A claim takes its article's due date when it is written, whichever path writes it (extraction, a revision, by hand). */
export const claimsInheritDueAt: DatabaseFunction = {
  name: 'claims_inherit_due_at',
  definition: `CREATE OR REPLACE FUNCTION claims_inherit_due_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.due_at IS NULL THEN
        SELECT a.due_at INTO NEW.due_at FROM articles a WHERE a.id = NEW.article_id;
      END IF;
      RETURN NEW;
    END
  $$`,
  triggers: [
    `CREATE OR REPLACE TRIGGER "TRG_claims_inherit_due_at" BEFORE INSERT ON claims FOR EACH ROW EXECUTE FUNCTION claims_inherit_due_at()`,
  ],
};
