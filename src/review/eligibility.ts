/**
 * SQL over reviewers `r` and articles `a`: a reviewer may take an article's claims when active, speaking its
 * language and, where the article has topics, sharing one (a reviewer without topics takes any).
 */
export const ELIGIBLE = `r.active AND a.language = ANY(r.languages)
  AND (cardinality(a.topics) = 0 OR cardinality(r.topics) = 0 OR a.topics && r.topics)`;

/** SQL: the open claims of reviewer `r`. */
export const OPEN_CLAIMS = `(SELECT count(*)::int FROM claims o WHERE o.assignee_id = r.id)`;

/** SQL over claims `c` and reviewers `r`: a reviewer is not handed again a claim it released or let expire. */
export const NOT_HANDED_BACK = `NOT EXISTS (SELECT 1 FROM claim_events e
  WHERE e.claim_id = c.id AND e.reviewer_id = r.id AND e.type IN ('released', 'lease_expired'))`;
