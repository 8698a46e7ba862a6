import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A reviewer's confirmation or rejection of a match is in the audit log too, under the match. */
export class AuditMatchDecisions1765071400000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT "CHK_audit_events_target_type"`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type IN ('key','reviewer','user','integrator','endpoint','match'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT "CHK_audit_events_target_type"`);
    await q.query(
      `ALTER TABLE audit_events ADD CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type IN ('key','reviewer','user','integrator','endpoint'))`,
    );
  }
}
