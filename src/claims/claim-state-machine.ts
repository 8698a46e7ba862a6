import type { Role } from '../auth/role';
import type { ClaimStatus } from './claim-status';

/** Who may make a move: a role, or the reviewer's relation to the claim. */
export type Mover = 'assignee' | 'last_verdict_reviewer' | 'editor' | 'admin' | 'system';
export type Evidence = 'source' | 'note' | null;

interface Rule {
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  movers: readonly Mover[];
  evidence: Evidence;
}

/** DESIGN.md's status table: the one place the rules of a move live. */
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
  return RULES.filter((rule) => rule.from.includes(from) && !rule.movers.every((m) => m === 'system')).map((rule) => rule.to);
}

export function checkMove(request: MoveRequest): MoveCheck {
  const rule = RULES.find((r) => r.from.includes(request.from) && r.to === request.to);
  if (!rule || (rule.movers.length === 1 && rule.movers[0] === 'system' && !request.movers.includes('system'))) {
    return { ok: false, reason: 'illegal_transition', allowed: allowedTargets(request.from) };
  }
  if (!rule.movers.some((mover) => request.movers.includes(mover))) return { ok: false, reason: 'forbidden' };
  if (rule.evidence === 'source' && !request.hasSource) return { ok: false, reason: 'evidence_required', evidence: 'source' };
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
