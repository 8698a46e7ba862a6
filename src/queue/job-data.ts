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
