import { MigrationInterface, QueryRunner } from 'typeorm';

const VERDICT = `type = 'transition' AND to_status IN ('sourced','disputed','dismissed')`;

/** Admin actions on keys and reviewers (claim history stays in claim_events), and the indexes the listings and stats page on. */
export class CreateAuditEventsAndListingIndexes1764300000000 implements MigrationInterface {
  name = 'CreateAuditEventsAndListingIndexes1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_events (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT "UQ_audit_events_seq" UNIQUE,
      action text NOT NULL,
      actor_key_id uuid,
      actor_role text NOT NULL,
      target_type text NOT NULL CONSTRAINT "CHK_audit_events_target_type" CHECK (target_type IN ('key','reviewer')),
      target_id uuid NOT NULL,
      details jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "IDX_audit_events_created" ON audit_events (created_at, seq)`);
    await q.query(`CREATE INDEX "IDX_audit_events_actor_created" ON audit_events (actor_key_id, created_at, seq)`);

    await q.query(`CREATE INDEX "IDX_claim_events_actor_created" ON claim_events (actor_key_id, created_at, seq)`);
    await q.query(`CREATE INDEX "IDX_claim_events_verdict_created" ON claim_events (created_at) WHERE ${VERDICT}`);
    await q.query(`CREATE INDEX "IDX_claim_events_verdict_claim" ON claim_events (claim_id, seq) WHERE ${VERDICT}`);

    await q.query(`CREATE INDEX "IDX_articles_status_created" ON articles (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX "IDX_claims_article_created" ON claims (article_id, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX "IDX_claims_assignee_created" ON claims (assignee_id, created_at DESC, id DESC) WHERE assignee_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX "IDX_claims_status_checkworthiness" ON claims (status, checkworthiness DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_claims_status_checkworthiness"`);
    await q.query(`DROP INDEX "IDX_claims_assignee_created"`);
    await q.query(`DROP INDEX "IDX_claims_article_created"`);
    await q.query(`DROP INDEX "IDX_articles_status_created"`);
    await q.query(`DROP INDEX "IDX_claim_events_verdict_claim"`);
    await q.query(`DROP INDEX "IDX_claim_events_verdict_created"`);
    await q.query(`DROP INDEX "IDX_claim_events_actor_created"`);
    await q.query(`DROP TABLE audit_events`);
  }
}
