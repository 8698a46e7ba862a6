import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The team's work is audited too: the desk's settings, claims (singly and in bulk), comments and saved views. */
export class AuditTeamTargets1765099000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT "CHK_audit_events_target_type"`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type IN ('key','reviewer','user','integrator','endpoint','match','settings','claim','claims','article','comment','view'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM audit_events WHERE target_type IN ('settings','claim','claims','article','comment','view')`,
    );
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT "CHK_audit_events_target_type"`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type IN ('key','reviewer','user','integrator','endpoint','match'))`,
    );
  }
}
