import type { ExtractedClaim } from './lib/claim-extractor';
import { planRevision } from './revision-plan';

const claim = (text: string, ordinal: number): ExtractedClaim => ({
  ordinal,
  text,
  statement: text,
  start: ordinal * 100,
  end: ordinal * 100 + text.length,
  sentenceIndex: ordinal,
  checkworthiness: 0.9,
  type: 'other',
  claimant: null,
  entities: [],
  tier: 'claim',
});

describe('planRevision', () => {
  it('keeps claims whose text is unchanged, creates new ones and withdraws vanished ones', () => {
    const plan = planRevision(
      [
        { id: 'a', text: 'Kept claim.', status: 'sourced' },
        { id: 'b', text: 'Gone claim.', status: 'unverified' },
      ],
      [claim('New claim.', 0), claim('Kept claim.', 1)],
      'New claim. Kept claim.',
    );
    expect(plan.keep).toEqual([{ id: 'a', claim: claim('Kept claim.', 1) }]);
    expect(plan.create.map((c) => c.text)).toEqual(['New claim.']);
    expect(plan.withdraw).toEqual(['b']);
  });

  it('matches repeated texts one to one', () => {
    const plan = planRevision(
      [
        { id: 'a', text: 'Same.', status: 'unverified' },
        { id: 'b', text: 'Same.', status: 'unverified' },
      ],
      [claim('Same.', 0)],
      'Same.',
    );
    expect(plan.keep.map((k) => k.id)).toEqual(['a']);
    expect(plan.withdraw).toEqual(['b']);
  });

  it('does not revive withdrawn claims', () => {
    const plan = planRevision(
      [{ id: 'w', text: 'Back again.', status: 'withdrawn' }],
      [claim('Back again.', 0)],
      'Back again.',
    );
    expect(plan.keep).toEqual([]);
    expect(plan.create).toHaveLength(1);
  });

  it('keeps a claim the extractor did not produce while its text is still in the body, at its new place', () => {
    const body = 'A new first sentence. The spending rose by 12 percent in 2023, officials said.';
    const plan = planRevision(
      [{ id: 'hand', text: 'spending rose by 12 percent in 2023', status: 'sourced' }],
      [claim('A new first sentence.', 0)],
      body,
    );
    expect(plan.withdraw).toEqual([]);
    const start = body.indexOf('spending rose');
    expect(plan.keep).toEqual([
      {
        id: 'hand',
        claim: { ordinal: 1, start, end: start + 'spending rose by 12 percent in 2023'.length, sentenceIndex: 0 },
      },
    ]);
  });

  it('drops a candidate whose text vanished (never a claim, so not withdrawn) and keeps one still there as it is', () => {
    const plan = planRevision(
      [
        { id: 'gone', text: 'Gone candidate.', status: 'candidate' },
        { id: 'kept', text: 'Kept candidate.', status: 'candidate' },
        { id: 'claim', text: 'Gone claim.', status: 'unverified' },
      ],
      [{ ...claim('Kept candidate.', 0), tier: 'candidate' }],
      'Kept candidate.',
    );
    expect(plan.drop).toEqual(['gone']);
    expect(plan.withdraw).toEqual(['claim']);
    expect(plan.keep.map((k) => k.id)).toEqual(['kept']);
    expect(plan.create).toEqual([]);
  });
});
