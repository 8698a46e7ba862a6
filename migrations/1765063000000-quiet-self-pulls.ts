import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A reviewer's own pull ("Next claim") is no longer announced on `claim_changes`. Postgres commits the transactions
 * that NOTIFY one at a time, each behind the last one's WAL flush (a cluster-wide lock), so a pull that notified
 * made every review iteration two serialised commits where the move alone is one: the review bench measured the raw
 * move at 358 moves/s with a notifying history row and 743–822 without. Nobody else's page needs the pull: it changes
 * no status, the workbench that took it already shows it, and others' workbenches show only claims handed to them.
 * Hand assignments (editor, admin) and the system's still announce themselves.
 */
export class QuietSelfPulls1765063000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TR_claim_events_notify" ON claim_events`);
    await q.query(`CREATE TRIGGER "TR_claim_events_notify" AFTER INSERT ON claim_events
      FOR EACH ROW WHEN (NEW.type <> 'created' AND NOT (NEW.type = 'assigned' AND NEW.actor_role = 'reviewer')) EXECUTE FUNCTION notify_claim_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "TR_claim_events_notify" ON claim_events`);
    await q.query(`CREATE TRIGGER "TR_claim_events_notify" AFTER INSERT ON claim_events
      FOR EACH ROW WHEN (NEW.type <> 'created') EXECUTE FUNCTION notify_claim_change()`);
  }
}
