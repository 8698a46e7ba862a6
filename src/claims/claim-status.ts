export const CLAIM_STATUSES = ['unverified', 'sourced', 'disputed', 'dismissed', 'withdrawn'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const VERDICTS: readonly ClaimStatus[] = ['sourced', 'disputed', 'dismissed'];
export const CLAIM_TYPES = ['quantity', 'causal', 'prediction', 'rule', 'attribution', 'experience', 'other'] as const;
