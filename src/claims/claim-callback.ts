import type { ClaimStatus } from './claim-status';

/** The data of a `claim.status_changed` callback (docs/integrations.md). */
export type ClaimStatusChangedData = {
  claimId: string;
  from: ClaimStatus;
  to: ClaimStatus;
  /** Absent where the writer does not know it (a revision's withdrawals). */
  version?: number;
  note: string | null;
  rating: string | null;
};

/**
 * The one builder of a `claim.status_changed` payload: for a move (passed to `move_claim_as_read`), an undo, an
 * approved verdict and a revision's withdrawals alike.
 */
export function claimStatusChanged(
  claim: { id: string; status: ClaimStatus; version?: number; rating?: string | null },
  from: ClaimStatus,
  note: string | null,
): ClaimStatusChangedData {
  return { claimId: claim.id, from, to: claim.status, version: claim.version, note, rating: claim.rating ?? null };
}
