import type { DatabaseFunction } from './database-function';

/**
 * An article's new due date passes to its claims, whatever statement changes it; a claim whose due date moved may
 * get its due-soon notice again (`due_soon_at` is cleared).
 */
export const articlesPassDueAt: DatabaseFunction = {
  name: 'articles_pass_due_at',
  definition: `CREATE OR REPLACE FUNCTION articles_pass_due_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE claims SET due_at = NEW.due_at, due_soon_at = NULL WHERE article_id = NEW.id;
      RETURN NULL;
    END
  $$`,
  triggers: [
    `CREATE OR REPLACE TRIGGER "TRG_articles_pass_due_at" AFTER UPDATE OF due_at ON articles FOR EACH ROW WHEN ((old.due_at IS DISTINCT FROM new.due_at)) EXECUTE FUNCTION articles_pass_due_at()`,
  ],
};
