import type { DatabaseFunction } from './database-function';

/**
 * Extracted claims in one statement, given column by column: candidates with that status, claims unverified with
 * their `created` history row. Answers each row's id, score, status and ordinal, in ordinal order.
 */
export const insertExtractedClaims: DatabaseFunction = {
  name: 'insert_extracted_claims',
  definition: `CREATE OR REPLACE FUNCTION insert_extracted_claims(p_article_id uuid, p_revision integer, p_ordinals integer[], p_texts text[], p_starts integer[], p_ends integer[], p_sentence_indexes integer[], p_checkworthiness real[], p_types text[], p_claimants text[], p_entities jsonb[], p_statuses text[], p_statements text[]) RETURNS TABLE(id uuid, checkworthiness real, status text, ordinal integer) LANGUAGE sql AS $$
    WITH inserted AS (
      INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type, claimant, entities, status, statement)
      SELECT p_article_id, p_revision, * FROM unnest(p_ordinals, p_texts, p_starts, p_ends, p_sentence_indexes, p_checkworthiness, p_types, p_claimants, p_entities, p_statuses, p_statements)
      RETURNING id, checkworthiness, status, ordinal
    ), history AS (
      INSERT INTO claim_events (claim_id, article_id, type, to_status, actor_role)
      SELECT inserted.id, p_article_id, 'created', inserted.status, 'system' FROM inserted
      WHERE inserted.status <> 'candidate' ORDER BY inserted.ordinal
    )
    SELECT inserted.id, inserted.checkworthiness, inserted.status, inserted.ordinal FROM inserted ORDER BY inserted.ordinal
  $$`,
  triggers: [],
};
