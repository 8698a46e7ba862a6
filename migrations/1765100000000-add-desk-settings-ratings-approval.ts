import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk's settings (one row: the rating scale, whether a verdict needs a rating, the second opinion's scope), a
 * verdict's rating on the claim and in its history, and the claim's approval while a second opinion is due.
 * `move_claim_as_read` takes the rating, the approval and the callback's payload now: its old signature goes (the
 * new one is applied from src/database/functions after the migrations).
 */
export class AddDeskSettingsRatingsApproval1765100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE desk_settings (
        id smallint PRIMARY KEY DEFAULT 1 CONSTRAINT "CHK_desk_settings_one_row" CHECK (id = 1),
        ratings jsonb NOT NULL,
        require_rating boolean NOT NULL DEFAULT false,
        second_opinion jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO desk_settings (id, ratings, require_rating, second_opinion) VALUES (1, $1, false, $2)`, [
      JSON.stringify([
        { key: 'true', label: 'True', ratingValue: 7 },
        { key: 'mostly-true', label: 'Mostly true', ratingValue: 6 },
        { key: 'half-true', label: 'Half true', ratingValue: 5 },
        { key: 'missing-context', label: 'Missing context', ratingValue: 4 },
        { key: 'misleading', label: 'Misleading', ratingValue: 3 },
        { key: 'mostly-false', label: 'Mostly false', ratingValue: 2 },
        { key: 'false', label: 'False', ratingValue: 1 },
      ]),
      JSON.stringify({ enabled: false, minCheckworthiness: 0, statuses: ['sourced', 'disputed'] }),
    ]);
    await q.query(`ALTER TABLE claims ADD COLUMN rating text`);
    await q.query(
      `ALTER TABLE claims ADD COLUMN approval text CONSTRAINT "CHK_claims_approval" CHECK (approval IN ('pending', 'approved'))`,
    );
    await q.query(
      `CREATE INDEX "IDX_claims_approval_pending" ON claims (checkworthiness DESC, id) WHERE approval = 'pending'`,
    );
    await q.query(`ALTER TABLE claim_events ADD COLUMN rating text`);
    await q.query(
      `DROP FUNCTION IF EXISTS move_claim_as_read(uuid, integer, text, uuid, uuid, text, boolean, uuid, uuid, uuid, text, uuid, text, jsonb)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION IF EXISTS move_claim_as_read(uuid, integer, text, uuid, uuid, text, boolean, uuid, uuid, uuid, text, uuid, text, jsonb, text, text, jsonb)`,
    );
    await q.query(`ALTER TABLE claim_events DROP COLUMN rating`);
    await q.query(`DROP INDEX "IDX_claims_approval_pending"`);
    await q.query(`ALTER TABLE claims DROP COLUMN approval`);
    await q.query(`ALTER TABLE claims DROP COLUMN rating`);
    await q.query(`DROP TABLE desk_settings`);
  }
}
