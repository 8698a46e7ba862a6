import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The admin overview counts the callbacks that are failing (retrying after an error, or given up) from this index. */
export class IndexUndeliveredCallbacks1765064000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX "IDX_callback_deliveries_undelivered" ON callback_deliveries (status) WHERE status <> 'delivered'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_callback_deliveries_undelivered"`);
  }
}
