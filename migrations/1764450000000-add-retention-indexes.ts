import { MigrationInterface, QueryRunner } from 'typeorm';

/** The retention sweep deletes by age in small batches; each batch finds its rows through these instead of a scan. */
export class AddRetentionIndexes1764450000000 implements MigrationInterface {
  name = 'AddRetentionIndexes1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_webhook_receipts_created" ON webhook_receipts (created_at)`);
    await q.query(`CREATE INDEX "IDX_callback_attempts_created" ON callback_attempts (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_callback_attempts_created"`);
    await q.query(`DROP INDEX "IDX_webhook_receipts_created"`);
  }
}
