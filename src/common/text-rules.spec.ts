import { clip, hasVisibleText } from './text-rules';

describe('clip', () => {
  it('leaves a short text whole and cuts a long one at the limit', () => {
    expect(clip('abc', 5)).toBe('abc');
    expect(clip('abcdef', 3)).toBe('abc');
  });

  it('cuts before a character made of two UTF-16 units rather than through it', () => {
    expect(clip('ab\u{1F600}c', 3)).toBe('ab');
    expect(clip('ab\u{1F600}c', 4)).toBe('ab\u{1F600}');
  });
});

describe('hasVisibleText', () => {
  it.each([
    ['a word', 'Inflation rose', true],
    ['a single visible character among invisible ones', '\u200b\u202ex\u2069', true],
    ['an emoji', '\u{1F600}', true],
    ['spaces and line breaks', ' \n\t\u00a0\u3000', false],
    ['zero-width and joiner characters', '\u200b\u200c\u200d\u2060\ufeff', false],
    ['direction controls', '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f', false],
    ['combining marks alone', '\u0301\u0302', false],
  ])('says whether %s shows', (_, text, visible) => {
    expect(hasVisibleText(text)).toBe(visible);
  });
});
