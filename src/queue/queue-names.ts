export const ARTICLE_EXTRACTION_QUEUE = 'article-extraction';
export const CLAIM_REVIEW_QUEUE = 'claim-review';
export const CALLBACK_DELIVERY_QUEUE = 'callback-delivery';
export const CLAIM_MATCHING_QUEUE = 'claim-matching';

export const ALL_QUEUES = [
  ARTICLE_EXTRACTION_QUEUE,
  CLAIM_REVIEW_QUEUE,
  CALLBACK_DELIVERY_QUEUE,
  CLAIM_MATCHING_QUEUE,
] as const;
export type QueueName = (typeof ALL_QUEUES)[number];

export const JOB_EXTRACT_ARTICLE = 'extract-article';
export const JOB_ASSIGN_CLAIM = 'assign-claim';
export const JOB_EXPIRE_LEASE = 'expire-lease';
export const JOB_DELIVER_CALLBACK = 'deliver-callback';
export const JOB_MATCH_CLAIMS = 'match-claims';
export const JOB_PUBLISH_VERDICT = 'publish-verdict';
export const JOB_REMATCH_IMPORT = 'rematch-import';
