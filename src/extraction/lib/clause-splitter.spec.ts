import { splitClauses } from './clause-splitter';
import { splitSentences } from './sentence-splitter';

function clauses(text: string): string[] {
  const [sentence] = splitSentences(text);
  return splitClauses(sentence.tokens, false).map((c) => text.slice(sentence.tokens[c.from].start, sentence.tokens[c.to - 1].end));
}

describe('splitClauses', () => {
  it('splits a coordinated sentence into one claim per clause', () => {
    expect(clauses('The Pentagon has about $5 billion left to ship weapons, but other types of aid have dried up.')).toEqual([
      'The Pentagon has about $5 billion left to ship weapons',
      'other types of aid have dried up.',
    ]);
  });

  it('splits two reported statements joined by "and that", keeping neither "that"', () => {
    expect(clauses('The minister said the deficit doubled and that taxes rose 8 percent last year.')).toEqual([
      'The minister said the deficit doubled',
      'taxes rose 8 percent last year.',
    ]);
    expect(clauses('Officials said 40 people were arrested, and that 12 remain in custody.')).toEqual(['Officials said 40 people were arrested', '12 remain in custody.']);
  });

  it('splits at a semicolon between two full clauses', () => {
    expect(clauses('Exports rose 5%; imports fell 3%.')).toEqual(['Exports rose 5%', 'imports fell 3%.']);
  });

  it('keeps a shared-subject verb phrase and a list together', () => {
    const text = 'Russia has annexed Kherson, Donetsk, and Luhansk, and now says any deal must recognize them.';

    expect(clauses(text)).toEqual([text]);
  });

  it('does not split inside a quotation', () => {
    const text = 'He said the West could help, “but if they don’t have forces, it doesn’t do a lot of good.”';

    expect(clauses(text)).toEqual([text]);
  });
});
