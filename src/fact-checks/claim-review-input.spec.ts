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

describe('verdictForRating', () => {
  it('reads true-ish ratings as sourced and false or mixed ones as disputed', () => {
    expect(verdictForRating('True')).toBe('sourced');
    expect(verdictForRating('Mostly False')).toBe('disputed');
    expect(verdictForRating('Mixture')).toBe('disputed');
    expect(verdictForRating('Research in progress')).toBeNull();
  });
});
