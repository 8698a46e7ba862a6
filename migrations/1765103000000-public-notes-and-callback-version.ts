import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A verdict's public rationale (`public_note`, on the claim and its history row) apart from the internal note, and
 * whether the desk requires one for a disputed verdict. `move_claim_as_read` now takes the public rationale, the page a
 * published verdict gets and the desk's public address, and `record_article_callbacks` the public address (callbacks
 * carry public page URLs): their old signatures go, the new ones are applied from src/database/functions after the
 * migrations.
 */
export class PublicNotesAndCallbackVersion1765103000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE claims ADD COLUMN public_note text`);
    await q.query(`ALTER TABLE claim_events ADD COLUMN public_note text`);
    await q.query(`ALTER TABLE desk_settings ADD COLUMN require_public_note boolean NOT NULL DEFAULT false`);
    await q.query(
      `DROP FUNCTION IF EXISTS move_claim_as_read(uuid, integer, text, uuid, uuid, text, boolean, uuid, uuid, uuid, text, uuid, text, jsonb, text, text, jsonb)`,
    );
    await q.query(`DROP FUNCTION IF EXISTS record_article_callbacks(uuid, text[], jsonb[], text, boolean)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION IF EXISTS move_claim_as_read(uuid, integer, text, uuid, uuid, text, boolean, uuid, uuid, uuid, text, uuid, text, jsonb, text, text, jsonb, text, text, text)`,
    );
    await q.query(`DROP FUNCTION IF EXISTS record_article_callbacks(uuid, text[], jsonb[], text, boolean, text)`);
    await q.query(`ALTER TABLE desk_settings DROP COLUMN require_public_note`);
    await q.query(`ALTER TABLE claim_events DROP COLUMN public_note`);
    await q.query(`ALTER TABLE claims DROP COLUMN public_note`);
  }
}
