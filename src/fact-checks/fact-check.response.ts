import type { RankedFactCheck } from './fact-check-search.service';
import type { StoredMatch } from './fact-checks.repository';

export function toFactCheckHit({ row, score }: RankedFactCheck) {
  return {
    id: row.id,
    url: row.url,
    claimReviewed: row.claimReviewed,
    headline: row.headline,
    rating: row.rating,
    author: row.author,
    claimant: row.claimant,
    datePublished: row.datePublished ? new Date(row.datePublished).toISOString() : null,
    sourceClaimId: row.sourceClaimId,
    score: Number(score.toFixed(6)),
  };
}

/** A match on the wire: "claim" for the desk's own verdicts and for the same text in another article. */
export function toMatchResponse(m: StoredMatch) {
  const base = { id: m.id, score: Number(Number(m.score).toFixed(6)), state: m.state, text: m.text };
  if (m.kind === 'fact-check')
    return { kind: 'fact-check' as const, ...base, factCheckId: m.factCheckId, url: m.url, rating: m.rating };
  return {
    kind: 'claim' as const,
    ...base,
    claimId: m.matchedClaimId,
    url: m.url,
    status: m.status,
    articleId: m.articleId,
    sameText: m.kind === 'same-text',
  };
}
