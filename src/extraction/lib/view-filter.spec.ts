import { splitSentences } from './sentence-splitter';
import { voicesViewOnly } from './view-filter';

const viewOnly = (text: string) => voicesViewOnly(splitSentences(text)[0].tokens);

describe('voicesViewOnly', () => {
  it.each([
    ['a feeling', 'The union said members were deeply worried about the plan.'],
    ['an expectation', 'The two firms said they expect approval before the summer.'],
    ['optimism despite a date', 'On May 4 — three days after the vote — she said she was "hopeful" of a compromise.'],
    ['a judgement of sufficiency', 'The charity said the grant was "not enough".'],
    ['a judgement of degree', 'The plan, according to the paper, is too ambitious for a single budget.'],
    ['a counterfactual', 'Without the loan the airline would have collapsed.'],
    ['a contracted counterfactual', 'Without the port the region would’ve been cut off.'],
    ['a simile', 'It was as if the ministry had never read the report.'],
    ['a hedge', 'The deal might be a turning point for the region.'],
  ])('reads %s as a view', (_form, text) => {
    expect(viewOnly(text)).toBe(true);
  });

  it.each([
    ['a number', 'The union said members were worried that 4,000 jobs would go.'],
    ['an amount', 'The minister said she expects the scheme to cost £2 billion.'],
    ['a percentage', 'The firm said it hopes to cut emissions by 40% within a decade.'],
    ['a plain statement', 'The court found the order unlawful.'],
    ['enough as a measure of what suffices for something', 'The framework we have is enough to start trading.'],
  ])('keeps %s as something to check', (_form, text) => {
    expect(viewOnly(text)).toBe(false);
  });
});
