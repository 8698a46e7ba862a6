import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per import that wrote fact-checks: the worker re-matches the desk's open claims against them and stamps
 * `rematched_at`, so a re-match that Redis lost is re-sent from Postgres by the reconciler.
 */
export class AddFactCheckImports1765071000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE fact_check_imports (
      id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT "PK_fact_check_imports" PRIMARY KEY,
      fact_check_ids uuid[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      rematched_at timestamptz
    )`);
    await q.query(
      `CREATE INDEX "IDX_fact_check_imports_pending" ON fact_check_imports (id) WHERE rematched_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fact_check_imports`);
  }
}
