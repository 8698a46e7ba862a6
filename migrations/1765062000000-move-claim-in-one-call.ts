import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A claim's move in one round trip. The api reads the claim and lets the state machine (claim-state-machine.ts)
 * decide; `move_claim_as_read` then makes the move only if the claim is still as read (version, status, assignee, last
 * verdict's reviewer), with its history row and the callbacks it owes, in the one statement that calls it — so no
 * transaction stays open while the api works. No row back: the claim changed meanwhile, and the api reads and decides again.
 *
 * `record_article_callbacks` is the outbox's insert (the callback outbox repository calls it too): one delivery per
 * event and subscribed, enabled endpoint of the article's owner, and `article.reviewed` when asked and the article is
 * extracted, has claims (candidates aside) and none is left unverified.
 */
export class MoveClaimInOneCall1765062000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION record_article_callbacks(p_article_id uuid, p_types text[], p_data jsonb[], p_timestamp text, p_if_reviewed boolean)
      RETURNS TABLE (delivery_id uuid, due_at timestamptz) LANGUAGE plpgsql AS $$
      BEGIN
        IF p_if_reviewed THEN
          -- Two last verdicts at once must not both miss article.reviewed: one check per article at a time until the
          -- commit; the INSERT below takes its snapshot after the lock (a new one per statement).
          PERFORM pg_advisory_xact_lock(5210417, hashtext(p_article_id::text));
        END IF;
        RETURN QUERY
        WITH reviewed AS (
          SELECT 'article.reviewed'::text AS type,
                 jsonb_build_object('revision', a.revision, 'claims', (SELECT count(*)::int FROM claims c WHERE c.article_id = a.id AND c.status NOT IN ('withdrawn', 'candidate'))) AS data
          FROM articles a
          WHERE p_if_reviewed AND a.id = p_article_id AND a.status = 'ready'
            AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.status = 'unverified')
            AND EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.status NOT IN ('withdrawn', 'candidate'))
        ),
        ev AS (SELECT * FROM unnest(p_types, p_data) AS given(type, data) UNION ALL SELECT * FROM reviewed)
        INSERT INTO callback_deliveries (endpoint_id, event_type, payload, next_attempt_at)
        SELECT e.id, ev.type,
               jsonb_build_object('type', ev.type, 'timestamp', p_timestamp,
                 'data', jsonb_build_object('articleId', a.id, 'externalId', a.external_id) || ev.data),
               now()
        FROM articles a
        JOIN callback_endpoints e ON e.owner_id = a.owner_id AND e.disabled_at IS NULL
        CROSS JOIN ev
        WHERE a.id = p_article_id AND ev.type = ANY(e.events)
        RETURNING callback_deliveries.id, callback_deliveries.next_attempt_at;
      END $$`);

    await q.query(`
      CREATE FUNCTION move_claim_as_read(
        p_claim_id uuid, p_read_version integer, p_read_status text, p_read_assignee_id uuid, p_read_last_verdict_reviewer_id uuid,
        p_to text, p_is_verdict boolean, p_verdict_reviewer_id uuid,
        p_actor_key_id uuid, p_actor_user_id uuid, p_actor_role text, p_event_reviewer_id uuid, p_note text, p_sources jsonb)
      RETURNS TABLE (claim claims, due_callbacks jsonb) LANGUAGE plpgsql AS $$
      DECLARE
        moved claims;
      BEGIN
        -- The WHERE is re-checked on the locked row if another move got there first: then no row, and the api decides again.
        -- A verdict ends the assignment and names its reviewer (the open_claims trigger frees the assignee's slot).
        UPDATE claims SET status = p_to, version = claims.version + 1, updated_at = now(),
          assignee_id = CASE WHEN p_is_verdict THEN NULL ELSE assignee_id END,
          assigned_at = CASE WHEN p_is_verdict THEN NULL ELSE assigned_at END,
          lease_expires_at = CASE WHEN p_is_verdict THEN NULL ELSE lease_expires_at END,
          last_verdict_reviewer_id = CASE WHEN p_is_verdict THEN p_verdict_reviewer_id ELSE last_verdict_reviewer_id END
        WHERE id = p_claim_id AND version = p_read_version AND status = p_read_status
          AND assignee_id IS NOT DISTINCT FROM p_read_assignee_id
          AND last_verdict_reviewer_id IS NOT DISTINCT FROM p_read_last_verdict_reviewer_id
        RETURNING * INTO moved;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        INSERT INTO claim_events (claim_id, article_id, type, from_status, to_status, actor_key_id, actor_user_id, actor_role, reviewer_id, note, sources)
        VALUES (moved.id, moved.article_id, 'transition', p_read_status, p_to, p_actor_key_id, p_actor_user_id, p_actor_role, p_event_reviewer_id, p_note, p_sources);
        claim := moved;
        -- The owner hears of every move; a verdict on an unverified claim may be the article's last.
        SELECT coalesce(jsonb_agg(jsonb_build_object('id', d.delivery_id, 'nextAttemptAt', d.due_at)), '[]'::jsonb) INTO due_callbacks
        FROM record_article_callbacks(
          moved.article_id,
          ARRAY['claim.status_changed'],
          ARRAY[jsonb_build_object('claimId', moved.id, 'from', p_read_status, 'to', moved.status, 'version', moved.version, 'note', p_note)],
          to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
          p_is_verdict AND p_read_status = 'unverified') d;
        RETURN NEXT;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DROP FUNCTION move_claim_as_read(uuid, integer, text, uuid, uuid, text, boolean, uuid, uuid, uuid, text, uuid, text, jsonb)`,
    );
    await q.query(`DROP FUNCTION record_article_callbacks(uuid, text[], jsonb[], text, boolean)`);
  }
}
