import { ClaimExtractor } from '../../src/extraction/lib/claim-extractor';
import { goldOutcomes, meanWithInterval, readerOutcomes } from './gold-evaluation';

describe('goldOutcomes', () => {
  it('counts a marked claim found when an extracted claim covers it, and an extracted claim precise when it is marked', () => {
    const body =
      'Unemployment fell to 3.5 percent in 2023, the ministry said. The weather was pleasant and everyone smiled.';
    const outcomes = goldOutcomes(
      new ClaimExtractor(),
      [
        {
          id: 'a',
          kind: 'test',
          body,
          claims: [
            {
              text: 'Unemployment fell to 3.5 percent in 2023, the ministry said.',
              claimant: 'the ministry',
              type: 'quantity',
            },
          ],
        },
      ],
      0,
    );

    expect(outcomes.recalled).toEqual([1]);
    expect(outcomes.claimantRight).toEqual([1]);
    expect(outcomes.precise).toContain(1);
    expect(outcomes.precise).toContain(0);
  });

  it('counts what the floor keeps below the threshold as candidates, found with the claims', () => {
    const body =
      'Unemployment fell to 3.5 percent in 2023, the ministry said. The weather was pleasant and everyone smiled.';
    const article = {
      id: 'a',
      kind: 'test',
      body,
      claims: [{ text: 'The weather was pleasant and everyone smiled.', claimant: null, type: 'other' }],
    };
    const extractor = new ClaimExtractor();
    const [weather] = extractor
      .extract(body, { minCheckworthiness: 0 })
      .filter((c) => c.text.startsWith('The weather'));
    const outcomes = goldOutcomes(extractor, [article], weather.checkworthiness + 0.0001, weather.checkworthiness);

    expect(outcomes.recalled).toEqual([0]);
    expect(outcomes.recalledWithCandidates).toEqual([1]);
    expect(outcomes.candidatesPerArticle[0]).toBeGreaterThanOrEqual(1);
  });
});

describe('meanWithInterval', () => {
  it('gives the mean inside a seeded interval that narrows with more outcomes', () => {
    const few = meanWithInterval([1, 0, 1, 1]);
    const many = meanWithInterval(Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 0 : 1)));

    expect(few.mean).toBe(0.75);
    expect(few.low).toBeLessThanOrEqual(0.75);
    expect(few.high).toBeGreaterThanOrEqual(0.75);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    expect(meanWithInterval([1, 0, 1, 1])).toEqual(few);
  });
});

describe('readerOutcomes', () => {
  const body =
    'Unemployment fell to 3.5 percent in 2023, the ministry said. Exports rose by 12 percent and imports fell by 4 percent, Tom Hale said. What a lovely day it was for everyone.';
  const article = {
    file: 'test.txt',
    body,
    claims: [
      { text: 'Unemployment fell to 3.5 percent in 2023', claimant: 'Statistics Office', checkworthy: true },
      { text: 'Exports rose by 12 percent', claimant: 'Council member Tom Hale (in a statement)', checkworthy: true },
      { text: 'imports fell by 4 percent', claimant: 'Tom Hale', checkworthy: false },
    ],
    must_be_claims: [
      { contains: 'Unemployment fell to 3.5 percent', claimant_matches: 'ministry' },
      { contains: 'Exports rose by 12 percent', claimant_matches: 'Smith' },
    ],
    must_split: [
      {
        sentence_contains: 'Unemployment fell',
        parts: ['Unemployment fell to 3.5 percent', 'Exports rose by 12 percent'],
      },
      { sentence_contains: 'Exports rose', parts: ['Exports rose by 12 percent', 'imports fell by 4 percent'] },
    ],
    must_not_be_claims: ['What a lovely day', 'the ministry said'],
  };
  const outcomes = readerOutcomes(new ClaimExtractor(), [article], 0.31, 0.14);

  it('scores only the check-worthy marked claims for recall, every marked claim for precision', () => {
    expect(outcomes.recalled).toEqual([1, 1]);
    expect(outcomes.tally).toEqual({ claims: 2, candidatesOnly: 0, missing: 0 });
    expect(outcomes.precise).toEqual([1, 1]);
  });

  it('takes a title and an aside around a name for the same speaker, but not another speaker', () => {
    // "Tom Hale" ends "Council member Tom Hale (in a statement)"; "the ministry" is not the Statistics Office.
    expect(outcomes.claimantRight).toEqual([0, 1]);
  });

  it('holds a split only when each part has a claim of its own, and a non-claim only when no claim covers it', () => {
    expect(outcomes.splits).toEqual([1, 0]);
    expect(outcomes.nonClaimsDropped).toEqual([1, 0]);
    expect(outcomes.mustBeClaims).toEqual([1, 0]);
    expect(outcomes.failures.map((f) => f.check)).toEqual([
      'split: "Exports rose by 12 percent" / "imports fell by 4 percent"',
      'not a claim: "the ministry said"',
      'claim: "Exports rose by 12 percent" by Smith',
    ]);
  });

  it('refuses a gold text that is not in the body', () => {
    expect(() =>
      readerOutcomes(new ClaimExtractor(), [{ ...article, must_not_be_claims: ['not in it'] }], 0.31, 0.14),
    ).toThrow('"not in it" is not in the article\'s body');
  });
});
