/** The statuses of review (docs/design.md's table): what a claim's summary counts. */
export const CLAIM_STATUSES = ['unverified', 'sourced', 'disputed', 'dismissed', 'withdrawn'] as const;
export type ReviewStatus = (typeof CLAIM_STATUSES)[number];
/**
 * A candidate comes before review: a factual sentence scored below the desk's threshold, stored with its score, not
 * queued, not counted, until an editor promotes it to `unverified`.
 */
export const CANDIDATE = 'candidate';
export type ClaimStatus = ReviewStatus | typeof CANDIDATE;
/** Claims in review, or the candidates below the threshold. */
export type ClaimTier = 'claim' | typeof CANDIDATE;
export const ANY_CLAIM_STATUS: readonly ClaimStatus[] = [CANDIDATE, ...CLAIM_STATUSES];
/** A verdict waiting for a second opinion, or one given after it. */
export const CLAIM_APPROVALS = ['pending', 'approved'] as const;
export type ClaimApproval = (typeof CLAIM_APPROVALS)[number];
export const VERDICTS: readonly ClaimStatus[] = ['sourced', 'disputed', 'dismissed'];
