import type { DatabaseFunction } from './database-function';

/**
 * Each lexeme of a fact-check with its BM25-style impact (term frequency saturated, length-normalised per field),
 * for the search index.
 */
export const factCheckTermImpacts: DatabaseFunction = {
  name: 'fact_check_term_impacts',
  definition: `CREATE OR REPLACE FUNCTION fact_check_term_impacts(search_vector tsvector, claim_length integer, title_length integer) RETURNS TABLE(lexeme text, impact real) LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT t.lexeme, (x.tf * 1.6 / (x.tf + 0.6))::real
    FROM unnest(search_vector) t,
    LATERAL (SELECT 0.5 * cardinality(array_positions(t.weights, 'A')) / (0.1 + 0.9 * claim_length / 10.8)
                  + cardinality(array_positions(t.weights, 'B')) / (0.25 + 0.75 * title_length / 5.6) AS tf) x
  $$`,
  triggers: [],
};
