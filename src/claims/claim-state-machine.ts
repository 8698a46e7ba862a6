import type { Role } from '../auth/role';
import { VERDICTS, type ClaimStatus } from './claim-status';

/** Who may make a move: a role, or the reviewer's relation to the claim. */
export type Mover = 'assignee' | 'last_verdict_reviewer' | 'editor' | 'admin' | 'system';
export type Evidence = 'source' | 'note' | null;

interface Rule {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  movers: readonly Mover[];
  evidence: Evidence;
}

/** docs/design.md's status table: the one place the rules of a move live. */
const RULES: readonly Rule[] = [
  { from: ['unverified'], to: 'sourced', movers: ['assignee', 'editor', 'admin'], evidence: 'source' },
  { from: ['unverified'], to: 'disputed', movers: ['assignee', 'editor', 'admin'], evidence: 'note' },
  { from: ['unverified'], to: 'dismissed', movers: ['assignee', 'editor', 'admin'], evidence: 'note' },
  { from: ['sourced'], to: 'disputed', movers: ['last_verdict_reviewer', 'editor', 'admin'], evidence: 'note' },
  { from: ['disputed'], to: 'sourced', movers: ['last_verdict_reviewer', 'editor', 'admin'], evidence: 'source' },
  { from: ['sourced', 'disputed', 'dismissed'], to: 'unverified', movers: ['editor', 'admin'], evidence: 'note' },
  { from: ['candidate'], to: 'unverified', movers: ['editor', 'admin'], evidence: null },
  { from: ['unverified', 'sourced', 'disputed', 'dismissed'], to: 'withdrawn', movers: ['system'], evidence: null },
];

export interface MoveRequest {
  from: ClaimStatus;
  to: ClaimStatus;
  /** Every capacity the caller holds toward this claim (a reviewer may be both assignee and last verdict's reviewer). */
  movers: readonly Mover[];
  hasSource: boolean;
  hasNote: boolean;
}

export type MoveCheck =
  | { ok: true }
  | { ok: false; reason: 'illegal_transition'; allowed: ClaimStatus[] }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'evidence_required'; evidence: Exclude<Evidence, null> };

export function allowedTargets(from: ClaimStatus): ClaimStatus[] {
  return RULES.filter((rule) => rule.from.includes(from) && !rule.movers.every((m) => m === 'system')).map(
    (rule) => rule.to,
  );
}

export function checkMove(request: MoveRequest): MoveCheck {
  const rule = RULES.find((r) => r.from.includes(request.from) && r.to === request.to);
  if (!rule || (rule.movers.length === 1 && rule.movers[0] === 'system' && !request.movers.includes('system'))) {
    return { ok: false, reason: 'illegal_transition', allowed: allowedTargets(request.from) };
  }
  if (!rule.movers.some((mover) => request.movers.includes(mover))) return { ok: false, reason: 'forbidden' };
  if (rule.evidence === 'source' && !request.hasSource)
    return { ok: false, reason: 'evidence_required', evidence: 'source' };
  if (rule.evidence === 'note' && !request.hasNote) return { ok: false, reason: 'evidence_required', evidence: 'note' };
  return { ok: true };
}

/** The capacities a caller holds toward a claim, from its role and the claim's reviewers. */
export function moversFor(
  role: Role,
  reviewerId: string | null,
  claim: { assigneeId: string | null; lastVerdictReviewerId: string | null },
): Mover[] {
  if (role === 'admin' || role === 'editor') return [role];
  if (role !== 'reviewer' || !reviewerId) return [];
  const movers: Mover[] = [];
  if (claim.assigneeId === reviewerId) movers.push('assignee');
  if (claim.lastVerdictReviewerId === reviewerId) movers.push('last_verdict_reviewer');
  return movers;
}

/**
 * Whether the caller may act on the claim beside moving it (annotate it, confirm or reject its matches): whoever may
 * give or revise its verdict — its assignee, its last verdict's reviewer while that verdict stands (a reopened claim is
 * its next assignee's), an editor, an admin.
 */
export function mayDecideOn(
  role: Role,
  reviewerId: string | null,
  claim: { status: ClaimStatus; assigneeId: string | null; lastVerdictReviewerId: string | null },
): boolean {
  return moversFor(role, reviewerId, claim).some(
    (mover) => mover !== 'last_verdict_reviewer' || VERDICTS.includes(claim.status),
  );
}

/** A reviewer taking back their own verdict: what the claim's last move was, and who asks when. */
export interface UndoRequest {
  status: ClaimStatus;
  /** The claim's last transition (the verdict to undo), or null when it has none. */
  lastMove: { toStatus: ClaimStatus | null; reviewerId: string | null; actorRole: string; at: Date } | null;
  role: Role;
  reviewerId: string | null;
  now: Date;
  windowSeconds: number;
}

export type UndoCheck =
  | { ok: true; until: Date }
  | { ok: false; reason: 'nothing_to_undo' }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'undo_expired'; until: Date };

/**
 * Undo: the reviewer who gave the claim's current verdict may take it back within the window; the claim is unverified
 * again and stays theirs. Editors and admins reopen instead (the table above), with a note.
 */
export function checkUndo(request: UndoRequest): UndoCheck {
  const move = request.lastMove;
  if (!VERDICTS.includes(request.status) || !move || move.toStatus !== request.status)
    return { ok: false, reason: 'nothing_to_undo' };
  if (
    request.role !== 'reviewer' ||
    move.actorRole !== 'reviewer' ||
    !request.reviewerId ||
    move.reviewerId !== request.reviewerId
  )
    return { ok: false, reason: 'forbidden' };
  const until = new Date(move.at.getTime() + request.windowSeconds * 1000);
  if (request.now.getTime() > until.getTime()) return { ok: false, reason: 'undo_expired', until };
  return { ok: true, until };
}
