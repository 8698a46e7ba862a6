import { importItemsOf, parseClaimReview } from './claim-review-input';
import { verdictForRating } from './rating-verdict';

describe('importItemsOf', () => {
  it('accepts one object, an array or {items}', () => {
    expect(importItemsOf({ url: 'x' })).toHaveLength(1);
    expect(importItemsOf([{}, {}])).toHaveLength(2);
    expect(importItemsOf({ items: [{}] })).toHaveLength(1);
    expect(importItemsOf('text')).toBeNull();
    expect(importItemsOf({ items: 'no' })).toBeNull();
  });
});

describe('parseClaimReview', () => {
  it('keeps the rating, dates, author, claimant, headline and language', () => {
    const parsed = parseClaimReview({
      '@type': 'ClaimReview',
      url: 'https://example.org/fc/1',
      claimReviewed: 'The moon is made of cheese',
      reviewRating: { name: 'Pants on fire', alternateName: 'False' },
      datePublished: '2020-01-02',
      author: { name: 'Example Checks' },
      itemReviewed: { author: { name: 'A Blogger' } },
      name: 'Cheese moon',
      inLanguage: 'en',
    });
    expect(parsed.ok && parsed.value).toMatchObject({
      rating: 'False',
      author: 'Example Checks',
      claimant: 'A Blogger',
      headline: 'Cheese moon',
      language: 'en',
    });
  });

  it('refuses an item without claimReviewed or with a url that is not http(s)', () => {
    expect(parseClaimReview({ url: 'https://example.org/1' })).toEqual({
      ok: false,
      message: 'claimReviewed must be a non-empty string',
    });
    expect(parseClaimReview({ url: 'ftp://example.org/1', claimReviewed: 'x' }).ok).toBe(false);
    expect(parseClaimReview({ url: 'https://example.org/1', claimReviewed: 'x', datePublished: 'soon' }).ok).toBe(
      false,
    );
  });
});

describe('parseClaimReview keeps imported text honest', () => {
  const item = (fields: Record<string, unknown>) => ({
    url: 'https://example.org/fc/1',
    claimReviewed: 'The moon is made of cheese',
    ...fields,
  });

  it('cuts an over-long text between characters, never inside one', () => {
    const parsed = parseClaimReview(item({ claimReviewed: `${'x'.repeat(9_999)}\u{1F600}and more` }));
    expect(parsed.ok && parsed.value.claimReviewed).toBe('x'.repeat(9_999));
    const headline = parseClaimReview(item({ headline: `${'y'.repeat(1_999)}\u{1F600}` }));
    expect(headline.ok && headline.value.headline).toBe('y'.repeat(1_999));
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-04-31T10:00:00Z', '2024-01-01T25:00:00Z'])(
    'refuses the date %s, which does not exist',
    (datePublished) => {
      expect(parseClaimReview(item({ datePublished }))).toEqual({
        ok: false,
        message: 'datePublished must be an ISO 8601 date that exists, in the years 0001–9999',
      });
    },
  );

  it('takes a day or a date-time with its offset', () => {
    const day = parseClaimReview(item({ datePublished: '2024-02-29' }));
    expect(day.ok && day.value.datePublished?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    const time = parseClaimReview(item({ datePublished: '2024-02-29T10:00:00+02:00' }));
    expect(time.ok && time.value.datePublished?.toISOString()).toBe('2024-02-29T08:00:00.000Z');
  });

  it('refuses a url with a user name or password', () => {
    for (const url of ['https://user:secret@example.org/fc/1', 'https://user@example.org/fc/1']) {
      const parsed = parseClaimReview(item({ url }));
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.message).toMatch(/user name or password/);
      expect(!parsed.ok && parsed.message).not.toContain('secret');
    }
  });

  it.each([
    ['zero-width spaces', '\u200b\u200b\u200c\u200d'],
    ['direction controls', '\u202e\u202d\u2066\u2069\u200f'],
    ['a byte-order mark, a word joiner and non-breaking spaces', '\ufeff\u2060\u00a0\u3000'],
  ])('refuses a claim made only of %s', (_, claimReviewed) => {
    expect(parseClaimReview(item({ claimReviewed }))).toEqual({
      ok: false,
      message:
        'claimReviewed must hold a visible character (not only spaces, zero-width or direction-control characters)',
    });
  });
});

describe('verdictForRating', () => {
  it('reads true-ish ratings as sourced and false or mixed ones as disputed', () => {
    expect(verdictForRating('True')).toBe('sourced');
    expect(verdictForRating('Mostly False')).toBe('disputed');
    expect(verdictForRating('Mixture')).toBe('disputed');
    expect(verdictForRating('Research in progress')).toBeNull();
  });
});
