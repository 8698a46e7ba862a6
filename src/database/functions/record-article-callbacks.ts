import type { DatabaseFunction } from './database-function';

/**
 * The version of every callback's payload, sent beside its `type`. 2: `claim.status_changed` carries what readers may
 * see (the claim's text, its rating, the public rationale, sources, the public page) and no internal note;
 * `article.reviewed` the counts by verdict and the public pages.
 */
export const CALLBACK_PAYLOAD_VERSION = 2;

/**
 * Writes an article's callbacks to the outbox for every endpoint of its owner that wants them, and
 * `article.reviewed` when asked, some endpoint wants it and the article has no open claim left (none unverified, no
 * verdict awaiting approval): its counts by verdict and every published verdict with its public page under
 * `p_public_base`.
 */
export const recordArticleCallbacks: DatabaseFunction = {
  name: 'record_article_callbacks',
  definition: `CREATE OR REPLACE FUNCTION record_article_callbacks(p_article_id uuid, p_types text[], p_data jsonb[], p_timestamp text, p_if_reviewed boolean, p_public_base text) RETURNS TABLE(delivery_id uuid, due_at timestamp with time zone) LANGUAGE plpgsql AS $$
    DECLARE
      wanted text[];
    BEGIN
      -- What the owner's endpoints want: an owner without integrations costs one indexed read, and takes no lock.
      SELECT coalesce(array_agg(DISTINCT event), '{}') INTO wanted
      FROM articles a
      JOIN callback_endpoints e ON e.owner_id = a.owner_id AND e.disabled_at IS NULL, unnest(e.events) AS event
      WHERE a.id = p_article_id;
      IF NOT (wanted && p_types OR (p_if_reviewed AND 'article.reviewed' = ANY(wanted))) THEN
        RETURN;
      END IF;
      IF p_if_reviewed AND 'article.reviewed' = ANY(wanted) THEN
        -- Two last verdicts at once must not both miss article.reviewed for an endpoint that wanted it before both:
        -- one check per article at a time until the commit; the INSERT below takes its snapshot after the lock (a new
        -- one per statement). An endpoint that starts wanting it between the two may miss that article's.
        PERFORM pg_advisory_xact_lock(5210417, hashtext(p_article_id::text));
      END IF;
      RETURN QUERY
      WITH reviewed AS (
        SELECT 'article.reviewed'::text AS type,
               jsonb_build_object('revision', a.revision, 'claims', counts.claims,
                 'summary', jsonb_build_object('sourced', counts.sourced, 'disputed', counts.disputed, 'dismissed', counts.dismissed),
                 'factChecks', coalesce((
                   SELECT jsonb_agg(jsonb_build_object('claimId', c.id, 'status', c.status, 'rating', c.rating,
                            'publicUrl', p_public_base || '/fact-checks/' || c.public_slug) ORDER BY c.ordinal, c.id)
                   FROM claims c
                   WHERE c.article_id = a.id AND c.status IN ('sourced', 'disputed') AND c.public_slug IS NOT NULL
                 ), '[]'::jsonb)) AS data
        FROM articles a
        CROSS JOIN LATERAL (
          SELECT count(*) FILTER (WHERE c.status NOT IN ('withdrawn', 'candidate'))::int AS claims,
                 count(*) FILTER (WHERE c.status = 'sourced')::int AS sourced,
                 count(*) FILTER (WHERE c.status = 'disputed')::int AS disputed,
                 count(*) FILTER (WHERE c.status = 'dismissed')::int AS dismissed
          FROM claims c WHERE c.article_id = a.id) counts
        WHERE p_if_reviewed AND 'article.reviewed' = ANY(wanted) AND a.id = p_article_id AND a.status = 'ready'
          AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND (c.status = 'unverified' OR c.approval = 'pending'))
          AND EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.status NOT IN ('withdrawn', 'candidate'))
      ),
      ev AS (SELECT * FROM unnest(p_types, p_data) AS given(type, data) UNION ALL SELECT * FROM reviewed)
      INSERT INTO callback_deliveries (endpoint_id, event_type, payload, next_attempt_at)
      SELECT e.id, ev.type,
             jsonb_build_object('type', ev.type, 'version', ${CALLBACK_PAYLOAD_VERSION}, 'timestamp', p_timestamp,
               'data', jsonb_build_object('articleId', a.id, 'externalId', a.external_id) || ev.data),
             now()
      FROM articles a
      JOIN callback_endpoints e ON e.owner_id = a.owner_id AND e.disabled_at IS NULL
      CROSS JOIN ev
      WHERE a.id = p_article_id AND ev.type = ANY(e.events)
      RETURNING callback_deliveries.id, callback_deliveries.next_attempt_at;
    END
  $$`,
  triggers: [],
};
