import { resolveRating } from '../settings/desk-settings';
import { isPublishedVerdict, toClaimReview } from './claim-review';

describe('ClaimReview JSON-LD', () => {
  const organization = { name: 'Desk', url: 'https://desk.example' };
  const article = {
    url: 'https://news.example/a',
    publishedAt: new Date('2025-01-02T03:04:05Z'),
    createdAt: new Date('2025-01-03T00:00:00Z'),
  };

  it('describes a sourced claim with its claimant, appearance and dates', () => {
    const review = toClaimReview(
      {
        claimId: 'c1',
        pageUrl: 'https://desk.example/fact-checks/prices-rose-5-c1',
        text: 'Prices rose 5%.',
        claimant: 'NBC News',
        claimantKind: 'organization',
        verdict: 'sourced',
        verdictAt: new Date('2025-02-01T00:00:00Z'),
        rating: null,
        publicNote: null,
        article,
      },
      organization,
    );
    expect(review).toEqual({
      '@type': 'ClaimReview',
      url: 'https://desk.example/fact-checks/prices-rose-5-c1',
      claimReviewed: 'Prices rose 5%.',
      datePublished: '2025-02-01T00:00:00.000Z',
      author: { '@type': 'Organization', name: 'Desk', url: 'https://desk.example' },
      reviewRating: { '@type': 'Rating', alternateName: 'Sourced' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'NBC News' },
        appearance: { '@type': 'CreativeWork', url: 'https://news.example/a' },
        datePublished: '2025-01-02T03:04:05.000Z',
      },
    });
  });

  it('leaves out what is unknown and dates the claim by the article’s arrival when it has no publication date', () => {
    const review = toClaimReview(
      {
        claimId: 'c2',
        pageUrl: 'https://desk.example/fact-checks/x-c2',
        text: 'x',
        claimant: null,
        claimantKind: null,
        verdict: 'disputed',
        verdictAt: new Date(),
        rating: null,
        publicNote: null,
        article: { url: null, publishedAt: null, createdAt: article.createdAt },
      },
      organization,
    );
    expect(review.reviewRating.alternateName).toBe('Disputed');
    expect(review.itemReviewed).toEqual({ '@type': 'Claim', datePublished: '2025-01-03T00:00:00.000Z' });
  });

  it('types the claimant as a person or an organization, as decided', () => {
    const authorOf = (claimantKind: 'person' | 'organization') =>
      toClaimReview(
        {
          claimId: 'c3',
          pageUrl: 'https://desk.example/fact-checks/x-c3',
          text: 'x',
          claimant: 'Ana Ruiz',
          claimantKind,
          verdict: 'sourced',
          verdictAt: new Date(),
          rating: null,
          publicNote: null,
          article,
        },
        organization,
      ).itemReviewed.author;
    expect(authorOf('person')).toEqual({ '@type': 'Person', name: 'Ana Ruiz' });
    expect(authorOf('organization')).toEqual({ '@type': 'Organization', name: 'Ana Ruiz' });
  });

  it('gives a rated verdict the rating’s value, label and the scale’s bounds', () => {
    const scale = [
      { key: 'true', label: 'True', ratingValue: 3 },
      { key: 'misleading', label: 'Misleading', ratingValue: 2 },
      { key: 'false', label: 'False', ratingValue: 1 },
    ];
    const review = toClaimReview(
      {
        claimId: 'c4',
        pageUrl: 'https://desk.example/fact-checks/x-c4',
        text: 'x',
        claimant: null,
        claimantKind: null,
        verdict: 'disputed',
        verdictAt: new Date(),
        rating: resolveRating(scale, 'misleading'),
        publicNote: 'The figure counts only one year.',
        article,
      },
      organization,
    );
    expect(review.reviewBody).toBe('The figure counts only one year.');
    expect(review.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 2,
      bestRating: 3,
      worstRating: 1,
      alternateName: 'Misleading',
    });
    expect(resolveRating(scale, 'gone')).toBeNull();
  });

  it('publishes only sourced and disputed verdicts', () => {
    expect(['unverified', 'sourced', 'disputed', 'dismissed', 'withdrawn'].filter(isPublishedVerdict)).toEqual([
      'sourced',
      'disputed',
    ]);
  });
});
