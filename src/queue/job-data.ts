export interface ExtractArticleJob {
  articleId: string;
  revision: number;
}

export interface AssignClaimJob {
  claimId: string;
}

export interface ExpireLeaseJob {
  claimId: string;
  /** The lease this job was scheduled for; a newer lease on the same claim is left alone. */
  leaseExpiresAt: string;
}

export interface DeliverCallbackJob {
  deliveryId: string;
}
