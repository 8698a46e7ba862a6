/** The aliases a query gives the reviewer, the claim and the claim's article. */
export interface EligibilityAliases {
  reviewer: string;
  claim: string;
  article: string;
}

/**
 * SQL: the reviewer may take the claim. The claim waits (unverified, unassigned); the reviewer is active, speaks the
 * article's language and, where the article has topics, shares one (a reviewer without topics takes any); and the
 * reviewer did not release the claim or let its lease expire before. Capacity is counted apart (`openClaimsOf`).
 */
export function mayTake({ reviewer: r, claim: c, article: a }: EligibilityAliases): string {
  return `(${c}.status = 'unverified' AND ${c}.assignee_id IS NULL
    AND ${r}.active AND ${a}.language = ANY(${r}.languages)
    AND (cardinality(${a}.topics) = 0 OR cardinality(${r}.topics) = 0 OR ${a}.topics && ${r}.topics)
    AND NOT EXISTS (SELECT 1 FROM claim_events handed_back
      WHERE handed_back.claim_id = ${c}.id AND handed_back.reviewer_id = ${r}.id AND handed_back.type IN ('released', 'lease_expired')))`;
}

/** SQL: how many claims the reviewer holds now. */
export function openClaimsOf(reviewer: string): string {
  return `(SELECT count(*)::int FROM claims open_claim WHERE open_claim.assignee_id = ${reviewer}.id)`;
}
