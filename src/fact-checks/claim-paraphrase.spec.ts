import { numbersOf, paraphraseAnchors, SAME_CLAIM_SIMILARITY, sameClaimSimilarity } from './claim-paraphrase';
import { WordVectors } from './word-vectors';

describe('the same claim in other words', () => {
  const vectors = WordVectors.shared();
  const same = (a: string, b: string) => sameClaimSimilarity(a, b, vectors) >= SAME_CLAIM_SIMILARITY;

  it('links a claim with its rewording: words moved, synonyms, a figure written another way', () => {
    expect(
      same(
        'The ferry operator carries 9,000 passengers a day to Corsica.',
        'Every day, 9000 passengers cross to Corsica with the ferry operator.',
      ),
    ).toBe(true);
    expect(
      same(
        'The city council spent 40 million dollars on new bus lanes in 2023.',
        'In 2023 the city council spent $40 million on bus lanes.',
      ),
    ).toBe(true);
    expect(
      same(
        'Unemployment in the region fell to 4.1 percent in March 2024.',
        'The regional jobless rate dropped to 4.1 percent in March 2024.',
      ),
    ).toBe(true);
  });

  it('keeps apart claims that differ in a number, a name, a negation or a direction', () => {
    expect(
      same(
        'The ferry operator carries 9,000 passengers a day to Corsica.',
        'The ferry operator carries 6,000 passengers a day to Corsica.',
      ),
    ).toBe(false);
    expect(
      same(
        'The ministry says the Danube bridge cost 80 million euros.',
        'The ministry says the Vistula bridge cost 80 million euros.',
      ),
    ).toBe(false);
    expect(same('The court ruled that the closure was lawful.', 'The court ruled that the closure was unlawful.')).toBe(
      false,
    );
    expect(
      same('The court ruled that the closure was lawful.', 'The court did not rule that the closure was lawful.'),
    ).toBe(false);
    expect(
      same(
        'Unemployment in the region rose to 4.1 percent in March 2024.',
        'Unemployment in the region fell to 4.1 percent in March 2024.',
      ),
    ).toBe(false);
  });

  it('keeps apart two claims about one subject that say different things', () => {
    expect(
      same(
        'The ferry operator carries 9,000 passengers a day to Corsica.',
        'The ferry operator raised its fares to Corsica by a third.',
      ),
    ).toBe(false);
  });

  it('reads numbers without their thousands separators', () => {
    expect(numbersOf('From 7,000 to 12,500.5 in 2023')).toEqual(['12500.5', '2023', '7000']);
  });

  it('anchors the look-up on names past the first word, or else on numbers written one way only', () => {
    expect(
      paraphraseAnchors('The ferry operator carries 9,000 passengers a day to Corsica from Nice in 2024.'),
    ).toEqual(['corsica', 'nice']);
    expect(paraphraseAnchors('Passenger numbers fell 4.1 percent in 2023, to 9000 a day.')).toEqual(['4.1', '2023']);
    expect(paraphraseAnchors('Prices rose sharply.')).toEqual([]);
  });
});
