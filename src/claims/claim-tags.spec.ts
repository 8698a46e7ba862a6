import { checkTagCount, describeTagChange, normaliseTag, normaliseTags, TagRuleError } from './claim-tags';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof TagRuleError ? error.code : 'not a TagRuleError';
  }
  return undefined;
}

describe('claim tags', () => {
  it('lower-cases and joins words with single dashes', () => {
    expect(normaliseTag('  Climate Policy ')).toBe('climate-policy');
    expect(normaliseTag('climate_policy!!')).toBe('climate-policy');
    expect(normaliseTag('Élection--2026')).toBe('élection-2026');
  });

  it('refuses a tag with nothing left, or longer than 40 characters', () => {
    expect(codeOf(() => normaliseTag(' -- '))).toBe('invalid_tag');
    expect(codeOf(() => normaliseTag('a'.repeat(41)))).toBe('tag_too_long');
    expect(codeOf(() => normaliseTag('a'.repeat(40)))).toBeUndefined();
  });

  it('keeps each tag once, in the order first given', () => {
    expect(normaliseTags(['B', 'a', 'b'])).toEqual(['b', 'a']);
  });

  it('refuses more than 20 tags on a claim', () => {
    const tags = Array.from({ length: 21 }, (_, i) => `t${i}`);
    expect(codeOf(() => checkTagCount(tags))).toBe('too_many_tags');
    expect(checkTagCount(tags.slice(0, 20))).toHaveLength(20);
  });

  it('describes what a change added and removed', () => {
    expect(describeTagChange(['a', 'b'], ['b', 'c'])).toBe('added c; removed a');
  });
});
