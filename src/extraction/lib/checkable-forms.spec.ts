import { ClaimExtractor } from './claim-extractor';
import { characterises, namesRule, statesRuleTerms } from './checkable-forms';
import { splitSentences } from './sentence-splitter';

const tokensOf = (text: string) => splitSentences(text)[0].tokens;

describe('statesRuleTerms', () => {
  it.each([
    ['"will" and a verb', 'The new rules will require landlords to register every tenancy.'],
    ['"would" and a preposition-like verb', 'The ban would except hospitals and care homes.'],
    ['a phrase set off by commas', 'The treaty, signed in Lagos in May, would remove duties on farm goods.'],
    ['a compound noun', 'The new housing law would cap rents for three years.'],
    ['a negation', 'The directive would not apply to firms outside the union.'],
    ['a reporting frame', 'The minister said the new levy would fund 300 nurses.'],
    ['a titled speaker and "that"', 'Ana Ruiz, the city’s treasurer, said that the deal will end in May.'],
  ])('reads a rule’s terms with %s', (_form, text) => {
    expect(statesRuleTerms(tokensOf(text))).toBe(true);
  });

  it.each([
    ['a counterfactual', 'The ban would have saved lives.'],
    ['a subject that is no rule', 'The council will meet on Monday to discuss parking.'],
    ['a rule as the object', 'Ministers would apply the law strictly.'],
    ['a rule in the present', 'The measure applies to trains and buses.'],
    ['an unclosed aside', 'The measure, which ministers announced'],
  ])('leaves %s to the model', (_form, text) => {
    expect(statesRuleTerms(tokensOf(text))).toBe(false);
  });
});

describe('statesRuleTerms with "it" as the subject', () => {
  const announced = () => namesRule(tokensOf('Ministers announced a ban on disposable vapes on Monday.'));

  it.each([
    ['plainly', 'It will apply to every shop from June.'],
    ['when reported', 'He said it would be a condition of sale.'],
  ])('reads the terms of the rule named in the sentence before, stated %s', (_form, text) => {
    expect(statesRuleTerms(tokensOf(text), announced)).toBe(true);
  });

  it('needs the sentence before to name a rule', () => {
    const met = () => namesRule(tokensOf('Ministers met shop owners on Monday.'));

    expect(statesRuleTerms(tokensOf('It will apply to every shop from June.'), met)).toBe(false);
    expect(statesRuleTerms(tokensOf('It will apply to every shop from June.'))).toBe(false);
  });

  it('asks whether the sentence before named a rule only of a clause whose subject is "it"', () => {
    const asked = jest.fn(() => true);

    expect(statesRuleTerms(tokensOf('The council will meet on Monday to discuss parking.'), asked)).toBe(false);
    expect(statesRuleTerms(tokensOf('The new rules will require landlords to register.'), asked)).toBe(true);
    expect(asked).not.toHaveBeenCalled();
  });

  it('leaves an "it" that stands for what follows to the model', () => {
    expect(statesRuleTerms(tokensOf('It would be wrong to delay it any further.'), announced)).toBe(false);
  });
});

describe('characterises', () => {
  it.each([
    ['a named speaker', 'Senator Ortiz described the agreement as a surrender.'],
    ['a titled speaker', 'The union leader portrayed the talks as a failure.'],
    ['an institution', 'The ministry characterised the outbreak as contained.'],
  ])('reads %s describing a situation', (_form, text) => {
    expect(characterises(tokensOf(text))).toBe(true);
  });

  it.each([
    ['the speaker’s own view', 'I described the deal as a surrender.'],
    ['a description without "as"', 'The witness described the scene in detail.'],
    ['no subject before the verb', 'Described as a surrender, the deal passed.'],
  ])('leaves %s to the model', (_form, text) => {
    expect(characterises(tokensOf(text))).toBe(false);
  });
});

describe('the extractor with these forms', () => {
  const extractor = new ClaimExtractor();
  const scored = (text: string) =>
    extractor.extract(text, { minCheckworthiness: extractor.threshold, candidateFloor: 0 })[0];

  it('queues a rule’s terms and a described situation that the debate-trained score puts under the threshold', () => {
    // The same words without the form score under the threshold, so the form is what queues them.
    expect(scored('Landlords register every tenancy under the new rules, perhaps.').tier).toBe('candidate');
    expect(scored('The new rules will require landlords to register every tenancy.').tier).toBe('claim');
    expect(scored('The senator called the deal a surrender.').tier).toBe('candidate');
    expect(scored('The senator described the deal as a surrender.').tier).toBe('claim');
  });

  it('still caps a view in such a form', () => {
    expect(scored('The union leader described the deal as "a disaster", the paper said.').tier).toBe('candidate');
  });
});
