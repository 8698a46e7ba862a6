import { resolveRating, type RatingStep, type ResolvedRating } from '../settings/desk-settings';
import type { ClaimApproval, ClaimStatus } from './claim-status';
import type { EvidenceSource } from './claim-event.entity';
import { publishedUrlOf } from './public-page';
import { statementOf } from './claim-statement';

/** The data of a `claim.status_changed` callback (docs/integrations.md): public words only, never the internal note. */
export type ClaimStatusChangedData = {
  claimId: string;
  from: ClaimStatus;
  to: ClaimStatus;
  /** The claim's version after the move; absent where the writer does not know it (a revision's withdrawals). */
  version?: number;
  text: string;
  /** The claim as stated on its own: the stored statement, or else the text. */
  statement: string;
  claimant: string | null;
  rating: ResolvedRating | null;
  publicNote: string | null;
  sources: EvidenceSource[];
  /** The claim's public fact-check page while it shows a published verdict. */
  publicUrl: string | null;
};

/** A claim as its callback reads it: after the move. */
export interface CallbackClaim {
  id: string;
  text: string;
  statement?: string | null;
  claimant: string | null;
  status: ClaimStatus;
  version?: number;
  rating: string | null;
  publicNote: string | null;
  publicSlug: string | null;
  approval: ClaimApproval | null;
}

/**
 * The one builder of a `claim.status_changed` payload: for a move (passed to `move_claim_as_read`), an undo, an
 * approved verdict and a revision's withdrawals alike. `sources`: the verdict's; `scale`: the desk's rating scale.
 */
export function claimStatusChanged(
  claim: CallbackClaim,
  from: ClaimStatus,
  sources: EvidenceSource[],
  scale: RatingStep[],
): ClaimStatusChangedData {
  return {
    claimId: claim.id,
    from,
    to: claim.status,
    version: claim.version,
    text: claim.text,
    statement: statementOf(claim),
    claimant: claim.claimant,
    rating: resolveRating(scale, claim.rating),
    publicNote: claim.publicNote,
    sources,
    publicUrl: publishedUrlOf(claim),
  };
}
