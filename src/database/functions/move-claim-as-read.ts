import type { DatabaseFunction } from './database-function';

/**
 * A claim's move in one statement: made only if the claim is still as the api read it, with its history row and its
 * callbacks in the same call. `p_callback` is the `claim.status_changed` payload (built once, by the api); null: the
 * move is not published (a verdict waiting for a second opinion), so no callback and no `article.reviewed`.
 * `p_published_slug`: a published verdict's public page, kept if the claim has one (null: nothing published);
 * `p_public_base`: where public pages live, for `article.reviewed`; `p_may_complete_article`: whether the move can be
 * the article's last open item settled (a published verdict on a claim that was unverified or waited for approval), so
 * `article.reviewed` is checked — left out by a process of the version before it (a rolling upgrade), the rule it had.
 */
export const moveClaimAsRead: DatabaseFunction = {
  name: 'move_claim_as_read',
  definition: `CREATE OR REPLACE FUNCTION move_claim_as_read(p_claim_id uuid, p_read_version integer, p_read_status text, p_read_assignee_id uuid, p_read_last_verdict_reviewer_id uuid, p_to text, p_is_verdict boolean, p_verdict_reviewer_id uuid, p_actor_key_id uuid, p_actor_user_id uuid, p_actor_role text, p_event_reviewer_id uuid, p_note text, p_sources jsonb, p_rating text, p_approval text, p_callback jsonb, p_public_note text, p_published_slug text, p_public_base text, p_may_complete_article boolean DEFAULT NULL) RETURNS TABLE(claim claims, due_callbacks jsonb) LANGUAGE plpgsql AS $$
    DECLARE
      moved claims;
    BEGIN
      -- The WHERE is re-checked on the locked row if another move got there first: then no row, and the api decides again.
      -- A verdict ends the assignment and names its reviewer (the open_claims trigger frees the assignee's slot).
      UPDATE claims SET status = p_to, version = claims.version + 1, updated_at = now(),
        assignee_id = CASE WHEN p_is_verdict THEN NULL ELSE assignee_id END,
        assigned_at = CASE WHEN p_is_verdict THEN NULL ELSE assigned_at END,
        lease_expires_at = CASE WHEN p_is_verdict THEN NULL ELSE lease_expires_at END,
        last_verdict_reviewer_id = CASE WHEN p_is_verdict THEN p_verdict_reviewer_id ELSE last_verdict_reviewer_id END,
        rating = p_rating, approval = p_approval, public_note = p_public_note,
        public_slug = coalesce(public_slug, p_published_slug),
        published_at = CASE WHEN p_published_slug IS NULL THEN published_at ELSE coalesce(published_at, now()) END
      WHERE id = p_claim_id AND version = p_read_version AND status = p_read_status
        AND assignee_id IS NOT DISTINCT FROM p_read_assignee_id
        AND last_verdict_reviewer_id IS NOT DISTINCT FROM p_read_last_verdict_reviewer_id
      RETURNING * INTO moved;
      IF NOT FOUND THEN
        RETURN;
      END IF;
      INSERT INTO claim_events (claim_id, article_id, type, from_status, to_status, actor_key_id, actor_user_id, actor_role, reviewer_id, note, sources, rating, public_note)
      VALUES (moved.id, moved.article_id, 'transition', p_read_status, p_to, p_actor_key_id, p_actor_user_id, p_actor_role, p_event_reviewer_id, p_note, p_sources, p_rating, p_public_note);
      claim := moved;
      IF p_callback IS NULL THEN
        due_callbacks := '[]'::jsonb;
        RETURN NEXT;
        RETURN;
      END IF;
      -- The owner hears of every move; a published verdict on an open claim may be the article's last.
      SELECT coalesce(jsonb_agg(jsonb_build_object('id', d.delivery_id, 'nextAttemptAt', d.due_at)), '[]'::jsonb) INTO due_callbacks
      FROM record_article_callbacks(
        moved.article_id,
        ARRAY['claim.status_changed'],
        ARRAY[p_callback],
        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        coalesce(p_may_complete_article, p_is_verdict AND p_read_status = 'unverified'),
        p_public_base) d;
      RETURN NEXT;
    END
  $$`,
  triggers: [],
};
