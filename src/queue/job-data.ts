export interface ExtractArticleJob {
  articleId: string;
  revision: number;
}

export interface AssignClaimJob {
  claimId: string;
}

/** Expires the claim's lease if it has lapsed by then; a lease renewed meanwhile is left alone. */
export interface ExpireLeaseJob {
  claimId: string;
}

export interface DeliverCallbackJob {
  deliveryId: string;
}

/** Matches new claims against the fact-check archive and earlier verdicts. */
export interface MatchClaimsJob {
  claimIds: string[];
}

/** Re-matches the desk's open claims against the fact-checks one import wrote (its `fact_check_imports` row). */
export interface RematchImportJob {
  importId: string;
}

/** Makes a claim's current verdict (or its absence) the desk's own fact-check. */
export interface PublishVerdictJob {
  claimId: string;
}
