import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit log also records integrators and callback endpoints made, their secrets rotated and endpoints disabled. */
export class AuditIntegratorsAndEndpoints1765055000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT "CHK_audit_events_target_type"`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type IN ('key','reviewer','user','integrator','endpoint'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_events WHERE target_type IN ('integrator','endpoint')`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT "CHK_audit_events_target_type"`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type IN ('key','reviewer','user'))`,
    );
  }
}
