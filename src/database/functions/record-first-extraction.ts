import type { DatabaseFunction } from './database-function';

/**
 * An article's first extraction in one call: marks the revision extracted, writes its claims
 * (`insert_extracted_claims`) and its `article.extracted` callbacks (`record_article_callbacks`; `article.reviewed`
 * too when nothing was queued). Only for an article with no claims yet: null when it has some, or when the revision
 * is no longer the one to extract — the caller then plans the revision against what is there.
 */
export const recordFirstExtraction: DatabaseFunction = {
  name: 'record_first_extraction',
  definition: `CREATE OR REPLACE FUNCTION record_first_extraction(p_article_id uuid, p_revision integer, p_ordinals integer[], p_texts text[], p_starts integer[], p_ends integer[], p_sentence_indexes integer[], p_checkworthiness real[], p_types text[], p_claimants text[], p_entities jsonb[], p_statuses text[], p_statements text[], p_timestamp text, p_public_base text) RETURNS jsonb LANGUAGE plpgsql AS $$
    DECLARE
      written jsonb;
      queued integer;
      deliveries jsonb;
    BEGIN
      -- The article's row lock orders this against another run of the same revision, which then finds it extracted.
      UPDATE articles SET status = 'ready', extracted_revision = p_revision, failure_reason = NULL, updated_at = now()
      WHERE id = p_article_id AND revision = p_revision AND extracted_revision < p_revision
        AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = p_article_id);
      IF NOT FOUND THEN
        RETURN NULL;
      END IF;
      SELECT coalesce(jsonb_agg(jsonb_build_object('id', i.id, 'checkworthiness', i.checkworthiness, 'status', i.status) ORDER BY i.ordinal), '[]'::jsonb),
             count(*) FILTER (WHERE i.status <> 'candidate')
        INTO written, queued
        FROM insert_extracted_claims(p_article_id, p_revision, p_ordinals, p_texts, p_starts, p_ends, p_sentence_indexes,
                                     p_checkworthiness, p_types, p_claimants, p_entities, p_statuses, p_statements) i;
      SELECT coalesce(jsonb_agg(jsonb_build_object('id', d.delivery_id, 'nextAttemptAt', d.due_at)), '[]'::jsonb)
        INTO deliveries
        FROM record_article_callbacks(p_article_id, ARRAY['article.extracted'],
               ARRAY[jsonb_build_object('revision', p_revision, 'claims', queued)], p_timestamp, queued = 0, p_public_base) d;
      RETURN jsonb_build_object('claims', written, 'deliveries', deliveries);
    END
  $$`,
  triggers: [],
};
