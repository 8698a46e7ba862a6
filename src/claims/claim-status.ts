export const CLAIM_STATUSES = ['unverified', 'sourced', 'disputed', 'dismissed', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const VERDICTS: readonly ClaimStatus[] = ['sourced', 'disputed', 'dismissed'];
