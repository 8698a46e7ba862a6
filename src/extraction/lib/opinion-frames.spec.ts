import { ClaimExtractor } from './claim-extractor';
import { splitClauses } from './clause-splitter';
import { withoutOpinion } from './opinion-frames';
import { splitSentences } from './sentence-splitter';

/** The text of each clause the splitter keeps for the sentence. */
function clausesOf(text: string): string[] {
  const [sentence] = splitSentences(text);
  return splitClauses(sentence.tokens, false).map((c) =>
    text.slice(sentence.tokens[c.from].start, sentence.tokens[c.to - 1].end),
  );
}

describe('withoutOpinion', () => {
  it.each([
    [
      'a judging frame',
      'It is deeply regrettable that the board closed four clinics in May.',
      'the board closed four clinics in May.',
    ],
    ['an asserting frame', 'It’s a fact that the river flooded twice in 2021.', 'the river flooded twice in 2021.'],
    [
      'a closing verdict',
      'The agency paid its chief 400,000 euros, which is a scandal.',
      'The agency paid its chief 400,000 euros',
    ],
    [
      'a verdict after "and that"',
      'Rents rose by a third in two years, and that is appalling.',
      'Rents rose by a third in two years',
    ],
  ])('cuts the claim out of %s', (_form, text, claim) => {
    expect(clausesOf(text)).toEqual([claim]);
  });

  it.each([
    ['a frame that leaves the fact unasserted', 'It is possible that the board closed four clinics in May.'],
    ['a verdict on truth, which is the claim', 'The minister said crime had halved, which is not true.'],
    ['a closing clause with a fact of its own', 'The agency paid its chief 400,000 euros, which is twice the cap.'],
    ['a verdict with nothing before it to check', 'Frankly, this is a scandal.'],
  ])('leaves %s whole', (_form, text) => {
    const [sentence] = splitSentences(text);
    const whole = { from: 0, to: sentence.tokens.length };
    expect(withoutOpinion(sentence.tokens, whole)).toBe(whole);
  });

  it('queues the fact and leaves the verdict out of the claim', () => {
    const extractor = new ClaimExtractor();
    const claims = extractor.extract('The city spent 3 million dollars on the parade, which is outrageous.', {
      minCheckworthiness: extractor.threshold,
    });
    expect(claims.map((c) => [c.text, c.tier])).toEqual([['The city spent 3 million dollars on the parade', 'claim']]);
  });
});
