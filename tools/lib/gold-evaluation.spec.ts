import { ClaimExtractor } from '../../src/extraction/lib/claim-extractor';
import { goldOutcomes, meanWithInterval } from './gold-evaluation';

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
