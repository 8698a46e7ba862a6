import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `move_claim_as_read` takes whether the move may settle the article's last open item (a published verdict on a claim
 * that was unverified or waited for approval), so a pending verdict revised and then published out of the second
 * opinion's scope is followed by `article.reviewed` too. Its old signature goes; the new one is applied from
 * src/database/functions after the migrations, the new parameter with a default, so api processes not yet restarted
 * call it as before.
 */
export class MoveClaimMayCompleteArticle1765107000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION IF EXISTS move_claim_as_read(uuid, integer, text, uuid, uuid, text, boolean, uuid, uuid, uuid, text, uuid, text, jsonb, text, text, jsonb, text, text, text)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION IF EXISTS move_claim_as_read(uuid, integer, text, uuid, uuid, text, boolean, uuid, uuid, uuid, text, uuid, text, jsonb, text, text, jsonb, text, text, text, boolean)`,
    );
  }
}
