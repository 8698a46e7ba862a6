import type { JobsOptions } from 'bullmq';

/**
 * Job options, one builder per job kind. jobIds are deterministic so that re-enqueueing from Postgres (the reconciler)
 * is idempotent; finished jobs are removed so the same id can run again later. Assignment tries are deduplicated by
 * their claim instead (see `assignClaimJobOptions`).
 */
const RETRYING: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export function extractArticleJobOptions(articleId: string, revision: number): JobsOptions {
  return { ...RETRYING, jobId: `${articleId}-r${revision}` };
}

const HOUR_MS = 3_600_000;
/** Hours ahead a due date still orders the jobs; later ones share the last band, before claims with none. */
const DUE_BANDS = 2000;

/**
 * BullMQ priorities run 1 (first) to 2^21. Claims due soonest go first (overdue ones in the first band, those without a
 * due date after every one with), then the most check-worthy: a band per hour until due, 1001 scores within a band.
 */
export function assignClaimJobPriority(
  checkworthiness: number,
  dueAt: Date | null | undefined,
  now = Date.now(),
): number {
  const band = dueAt ? Math.min(DUE_BANDS - 1, Math.max(0, Math.floor((dueAt.getTime() - now) / HOUR_MS))) : DUE_BANDS;
  return band * 1001 + 1 + Math.round((1 - checkworthiness) * 1000);
}

/**
 * An assignment try, one per waiting claim: deduplicated by the claim rather than named by it, so that a claim queued
 * again while its try runs (an offer of room freed after that try read the reviewers) is kept and tried once the
 * running try ends, instead of being swallowed by it (`keepLastIfActive`). A try that fails for good is logged and
 * dropped: the reconciler's next pass queues its claim afresh, as it does every waiting claim within reach.
 */
export function assignClaimJobOptions(claimId: string, checkworthiness: number, dueAt?: Date | null): JobsOptions {
  return {
    ...RETRYING,
    removeOnFail: true,
    deduplication: { id: claimId, keepLastIfActive: true },
    priority: assignClaimJobPriority(checkworthiness, dueAt),
  };
}

export function expireLeaseJobOptions(claimId: string, leaseExpiresAt: Date): JobsOptions {
  return {
    ...RETRYING,
    jobId: `lease-${claimId}-${leaseExpiresAt.getTime()}`,
    delay: Math.max(0, leaseExpiresAt.getTime() - Date.now()),
  };
}

/**
 * Each delivery attempt is one job; the delivery row schedules the next and logs every attempt. A job that failed
 * without reaching the row (Postgres away) is dropped, so the reconciler's re-add of the same id is not swallowed.
 */
export function deliverCallbackJobOptions(deliveryId: string, dueAt: Date): JobsOptions {
  return {
    attempts: 1,
    removeOnComplete: true,
    removeOnFail: true,
    jobId: `delivery-${deliveryId}-${dueAt.getTime()}`,
    delay: Math.max(0, dueAt.getTime() - Date.now()),
  };
}

/**
 * Matching is a suggestion: a few retries. A batch of new claims is its own job (no jobId); the reconciler's re-send
 * of one unmatched claim names the claim, so passes that come faster than the queue drains do not pile up copies.
 */
export function matchClaimsJobOptions(resentClaimId?: string): JobsOptions {
  return {
    attempts: 4,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
    ...(resentClaimId ? { jobId: `match-${resentClaimId}` } : {}),
  };
}

/** One job per import: the reconciler's re-send of an import not yet re-matched adds nothing while one waits. */
export function rematchImportJobOptions(importId: string): JobsOptions {
  return { ...RETRYING, jobId: `rematch-${importId}` };
}

/** One job per claim and version: the handler reads the claim as it is now, so a stale one does no harm. */
export function publishVerdictJobOptions(claimId: string, version: number): JobsOptions {
  return { ...RETRYING, jobId: `verdict-${claimId}-v${version}` };
}
