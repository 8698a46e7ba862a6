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

  it('returns null when nobody is quoted', () => {
    expect(claimant('The Biden administration has failed so far to get new funding.')).toBeNull();
  });
});
