import { findClaimant } from './claimant-finder';
import { splitSentences } from './sentence-splitter';

function claimant(text: string): string | null {
  return findClaimant(splitSentences(text)[0].tokens, text)?.text ?? null;
}

describe('findClaimant', () => {
  it('finds a trailing news source', () => {
    expect(claimant('US officials are broaching peace talks with Russia, NBC News reported on Friday.')).toBe('NBC News');
  });

  it('finds the source after "according to"', () => {
    expect(claimant('According to Ukrainska Pravda, Boris Johnson told Zelensky that the West was not ready.')).toBe('Ukrainska Pravda');
  });

  it('keeps a descriptive speaker whole', () => {
    expect(claimant('A close aide to Zelensky told Time Magazine that Zelensky was deluding himself.')).toBe('A close aide to Zelensky');
  });

  it('names the person behind a title', () => {
    expect(claimant('Former German chancellor Gerhard Schröder recently said that no deal was reached.')).toBe('Gerhard Schröder');
  });

  it('uses the subject when a clause separates it from the verb', () => {
    expect(claimant('The NBC report, which cited unnamed US officials, said the talks had stalled.')).toBe('The NBC report');
  });

  it.each([
    ['“We will not raise taxes this year,” said Mayor Jane Smith.', 'Mayor Jane Smith'],
    ['"No one was hurt," a police spokesman said.', 'a police spokesman'],
    ['Turnout reached 67 percent, the highest since 1960, election officials said.', 'election officials'],
    ['Coffee drinkers live longer, a study published Monday found.', 'a study published Monday'],
    ['The vaccine is 95 percent effective, according to a report published in The Lancet.', 'a report published in The Lancet'],
    ['A spokesperson for the ministry said 40 people were arrested.', 'A spokesperson for the ministry'],
    ['Researchers at Stanford University found that the drug cut deaths by 30 percent.', 'Researchers at Stanford University'],
    ['The company lost $2 billion in the quarter, its chief executive told investors on Wednesday.', 'its chief executive'],
    ['John Doe, who chairs the finance committee, said the deficit doubled.', 'John Doe'],
  ])('finds the speaker as news writes it: %s', (text, speaker) => {
    expect(claimant(text)).toBe(speaker);
  });

  it('does not take the object of a reporting verb for its speaker', () => {
    expect(claimant('The opposition leader, Tom Hale, disputed the figures.')).toBe('The opposition leader');
    expect(claimant('The NBC report, which cited unnamed US officials, said the conversations “have included very broad outlines”.')).toBe('The NBC report');
  });

  it('returns null when nobody is quoted', () => {
    expect(claimant('The Biden administration has failed so far to get new funding.')).toBeNull();
  });
});
