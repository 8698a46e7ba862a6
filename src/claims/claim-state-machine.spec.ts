import {
  allowedTargets,
  checkMove,
  checkUndo,
  mayDecideOn,
  moversFor,
  type Mover,
  type MoveRequest,
  type UndoRequest,
} from './claim-state-machine';
import type { ClaimStatus } from './claim-status';

function move(
  from: ClaimStatus,
  to: ClaimStatus,
  movers: Mover[],
  evidence: { source?: boolean; note?: boolean } = {},
): ReturnType<typeof checkMove> {
  const request: MoveRequest = { from, to, movers, hasSource: !!evidence.source, hasNote: !!evidence.note };
  return checkMove(request);
}

describe('claim state machine', () => {
  const table: [ClaimStatus, ClaimStatus, Mover[], 'source' | 'note'][] = [
    ['unverified', 'sourced', ['assignee', 'editor', 'admin'], 'source'],
    ['unverified', 'disputed', ['assignee', 'editor', 'admin'], 'note'],
    ['unverified', 'dismissed', ['assignee', 'editor', 'admin'], 'note'],
    ['sourced', 'disputed', ['last_verdict_reviewer', 'editor', 'admin'], 'note'],
    ['disputed', 'sourced', ['last_verdict_reviewer', 'editor', 'admin'], 'source'],
    ['sourced', 'unverified', ['editor', 'admin'], 'note'],
    ['disputed', 'unverified', ['editor', 'admin'], 'note'],
    ['dismissed', 'unverified', ['editor', 'admin'], 'note'],
  ];

  describe.each(table)('%s → %s', (from, to, movers, evidence) => {
    it.each(movers)('allows %s with the evidence', (mover) => {
      expect(move(from, to, [mover], { [evidence]: true })).toEqual({ ok: true });
    });

    it(`requires a ${evidence}`, () => {
      expect(move(from, to, [movers[0]], {})).toEqual({ ok: false, reason: 'evidence_required', evidence });
    });

    const outsiders = (['assignee', 'last_verdict_reviewer', 'editor', 'admin'] as Mover[]).filter(
      (m) => !movers.includes(m),
    );
    if (outsiders.length > 0) {
      it.each(outsiders)('forbids %s', (mover) => {
        expect(move(from, to, [mover], { source: true, note: true })).toEqual({ ok: false, reason: 'forbidden' });
      });
    }
  });

  it('refuses a move that is not in the table and names the allowed ones', () => {
    expect(move('sourced', 'dismissed', ['admin'], { note: true })).toEqual({
      ok: false,
      reason: 'illegal_transition',
      allowed: ['disputed', 'unverified'],
    });
  });

  it('refuses moving a claim to its own status', () => {
    expect(move('unverified', 'unverified', ['admin'], { note: true })).toMatchObject({
      ok: false,
      reason: 'illegal_transition',
    });
  });

  it('lets only the system withdraw a claim', () => {
    expect(move('sourced', 'withdrawn', ['admin'], { note: true })).toMatchObject({
      ok: false,
      reason: 'illegal_transition',
    });
    expect(move('sourced', 'withdrawn', ['system'])).toEqual({ ok: true });
  });

  it('leaves a withdrawn claim where it is', () => {
    expect(allowedTargets('withdrawn')).toEqual([]);
    expect(move('withdrawn', 'unverified', ['admin'], { note: true })).toMatchObject({
      ok: false,
      reason: 'illegal_transition',
    });
  });

  it('lets an editor or admin promote a candidate to unverified with no evidence, and nobody else; nowhere else', () => {
    expect(move('candidate', 'unverified', ['editor'])).toEqual({ ok: true });
    expect(move('candidate', 'unverified', ['admin'])).toEqual({ ok: true });
    expect(move('candidate', 'unverified', ['assignee', 'last_verdict_reviewer'])).toEqual({
      ok: false,
      reason: 'forbidden',
    });
    expect(allowedTargets('candidate')).toEqual(['unverified']);
    expect(move('candidate', 'sourced', ['admin'], { source: true })).toMatchObject({
      ok: false,
      reason: 'illegal_transition',
    });
  });

  it('derives a reviewer’s capacities from the claim', () => {
    const claim = { assigneeId: 'r1', lastVerdictReviewerId: 'r1' };
    expect(moversFor('reviewer', 'r1', claim)).toEqual(['assignee', 'last_verdict_reviewer']);
    expect(moversFor('reviewer', 'r2', claim)).toEqual([]);
    expect(moversFor('editor', null, claim)).toEqual(['editor']);
    expect(moversFor('integrator', null, claim)).toEqual([]);
  });
});

describe('undoing a verdict', () => {
  const REVIEWER = 'r-1';
  const givenAt = new Date('2026-12-01T10:00:00Z');
  const undo = (overrides: Partial<UndoRequest> = {}) =>
    checkUndo({
      status: 'sourced',
      lastMove: { toStatus: 'sourced', reviewerId: REVIEWER, actorRole: 'reviewer', at: givenAt },
      role: 'reviewer',
      reviewerId: REVIEWER,
      now: new Date(givenAt.getTime() + 599_000),
      windowSeconds: 600,
      ...overrides,
    });

  it('lets the reviewer who gave the verdict take it back within the window', () => {
    const until = new Date(givenAt.getTime() + 600_000);
    expect(undo()).toEqual({ ok: true, until });
    expect(undo({ now: until })).toEqual({ ok: true, until });
  });

  it('refuses once the window has passed, and says until when it was open', () => {
    expect(undo({ now: new Date(givenAt.getTime() + 600_001) })).toEqual({
      ok: false,
      reason: 'undo_expired',
      until: new Date(givenAt.getTime() + 600_000),
    });
  });

  it('refuses another reviewer, an editor, and a verdict an editor gave', () => {
    expect(undo({ reviewerId: 'r-2' })).toEqual({ ok: false, reason: 'forbidden' });
    expect(undo({ role: 'editor', reviewerId: null })).toEqual({ ok: false, reason: 'forbidden' });
    expect(undo({ lastMove: { toStatus: 'sourced', reviewerId: REVIEWER, actorRole: 'editor', at: givenAt } })).toEqual(
      { ok: false, reason: 'forbidden' },
    );
  });

  it('has nothing to undo on an unverified claim, or when the last move is not the current verdict', () => {
    expect(undo({ status: 'unverified' })).toEqual({ ok: false, reason: 'nothing_to_undo' });
    expect(undo({ lastMove: null })).toEqual({ ok: false, reason: 'nothing_to_undo' });
    expect(undo({ status: 'disputed' })).toEqual({ ok: false, reason: 'nothing_to_undo' });
  });
});

describe('mayDecideOn', () => {
  const claim = (status: 'unverified' | 'sourced' | 'dismissed', assigneeId: string | null) => ({
    status,
    assigneeId,
    lastVerdictReviewerId: 'r-1',
  });

  it('lets the last verdict’s reviewer annotate and decide matches while the verdict stands', () => {
    expect(mayDecideOn('reviewer', 'r-1', claim('sourced', null))).toBe(true);
    expect(mayDecideOn('reviewer', 'r-1', claim('dismissed', null))).toBe(true);
  });

  it('gives a reopened claim to its assignee: the former verdict’s reviewer no longer decides on it', () => {
    expect(mayDecideOn('reviewer', 'r-1', claim('unverified', 'r-2'))).toBe(false);
    expect(mayDecideOn('reviewer', 'r-2', claim('unverified', 'r-2'))).toBe(true);
    expect(mayDecideOn('reviewer', 'r-1', claim('unverified', 'r-1'))).toBe(true);
    expect(mayDecideOn('editor', null, claim('unverified', 'r-2'))).toBe(true);
  });
});
