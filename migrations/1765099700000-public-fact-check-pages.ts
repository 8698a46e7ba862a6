import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A published verdict gets a public page under a stable slug, kept once given: a verdict reopened or withdrawn leaves
 * its page saying so instead of a dead link. Verdicts published before pages existed get theirs here.
 */
export class PublicFactCheckPages1765099700000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims ADD COLUMN public_slug text, ADD COLUMN published_at timestamptz`);
    await q.query(
      `UPDATE claims SET published_at = updated_at,
         public_slug = trim(both '-' from left(regexp_replace(lower(text), '[^a-z0-9]+', '-', 'g'), 60)) || '-' || left(replace(id::text, '-', ''), 12)
       WHERE status IN ('sourced', 'disputed')`,
    );
    await q.query(`CREATE UNIQUE INDEX "UQ_claims_public_slug" ON claims (public_slug) WHERE public_slug IS NOT NULL`);
    await q.query(
      `CREATE INDEX "IDX_claims_published" ON claims (published_at DESC, id DESC) WHERE public_slug IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_claims_published"`);
    await q.query(`DROP INDEX "UQ_claims_public_slug"`);
    await q.query(`ALTER TABLE claims DROP COLUMN public_slug, DROP COLUMN published_at`);
  }
}
