import { typeClaim } from './claim-typer';
import { splitSentences } from './sentence-splitter';

function type(text: string, reported = false) {
  const [sentence] = splitSentences(text);
  return typeClaim({ tokens: sentence.tokens, entities: sentence.entities, reported });
}

describe('typeClaim', () => {
  it('types amounts and percentages as quantity', () => {
    expect(type('The administration wants another $61 billion to fund the war.')).toBe('quantity');
    expect(type('Unemployment is at 4%.')).toBe('quantity');
  });

  it('does not treat a year alone as a quantity', () => {
    expect(type('Peace talks happened in March 2022.')).toBe('other');
  });

  it('types cause and effect as causal', () => {
    expect(type('The talks started due to Western concerns about the battlefield.')).toBe('causal');
  });

  it('types statements about the future as prediction', () => {
    expect(type('There will likely be no breakthrough this year.')).toBe('prediction');
  });

  it('types laws and bans as rule', () => {
    expect(type('Selling the drug is illegal in 20 states.')).toBe('rule');
  });

  it('types first-person accounts as experience', () => {
    expect(type('I was there when the factory closed.')).toBe('experience');
  });

  it('types a reported statement with nothing else checkable as attribution', () => {
    expect(type('Officials are discussing peace talks, NBC News reported.', true)).toBe('attribution');
  });
});
