import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The team's daily work: tags on claims, due dates on articles (their claims inherit them, through the functions
 * `claims_inherit_due_at` and `articles_pass_due_at`), when a claim's due-soon notice went out, and saved views.
 */
export class AddClaimTagsDueDatesAndSavedViews1765102000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE articles ADD COLUMN due_at timestamptz`);
    await q.query(`ALTER TABLE claims ADD COLUMN tags text[] NOT NULL DEFAULT '{}',
      ADD COLUMN due_at timestamptz,
      ADD COLUMN due_soon_at timestamptz,
      ADD CONSTRAINT "CHK_claims_tags_count" CHECK (cardinality(tags) <= 20)`);
    await q.query(`CREATE INDEX "IDX_claims_tags" ON claims USING gin (tags)`);
    await q.query(
      `CREATE INDEX "IDX_claims_due" ON claims (due_at) WHERE due_at IS NOT NULL AND status = 'unverified'`,
    );
    await q.query(`CREATE TABLE saved_views (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL CONSTRAINT "FK_saved_views_user" REFERENCES users(id) ON DELETE CASCADE,
      name text NOT NULL,
      filters jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "UQ_saved_views_user_name" UNIQUE (user_id, name)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_views`);
    await q.query(`DROP TRIGGER IF EXISTS "TRG_articles_pass_due_at" ON articles`);
    await q.query(`DROP FUNCTION IF EXISTS articles_pass_due_at()`);
    await q.query(`DROP TRIGGER IF EXISTS "TRG_claims_inherit_due_at" ON claims`);
    await q.query(`DROP FUNCTION IF EXISTS claims_inherit_due_at()`);
    await q.query(`DROP INDEX "IDX_claims_due"`);
    await q.query(`DROP INDEX "IDX_claims_tags"`);
    await q.query(
      `ALTER TABLE claims DROP CONSTRAINT "CHK_claims_tags_count", DROP COLUMN tags, DROP COLUMN due_at, DROP COLUMN due_soon_at`,
    );
    await q.query(`ALTER TABLE articles DROP COLUMN due_at`);
  }
}
