import { isPublishedVerdict, type PublishedVerdict } from '../integrations/claim-review';

/**
 * The desk's verdict a fact-check's rating stands for: true-ish ratings are "sourced", false-ish and mixed ones
 * "disputed"; anything else (an unrated or unusual label) the reviewer names.
 */
export function verdictForRating(rating: string | null): PublishedVerdict | null {
  if (!rating) return null;
  const r = rating.toLowerCase().trim();
  if (/^(sourced|true|correct|accurate|mostly true|correct attribution|verified)$/.test(r)) return 'sourced';
  if (
    /(false|fake|incorrect|misleading|disputed|pants|hoax|scam|miscaptioned|misattributed|mixture|mixed|half|unproven|unsupported|satire|legend|outdated|exaggerat|distort|wrong)/.test(
      r,
    )
  )
    return 'disputed';
  if (/\btrue\b|\bcorrect\b/.test(r)) return 'sourced';
  return null;
}

/** The verdict confirming a match gives: the fact-check's rating read as one, or the matched claim's own; null when neither names one. */
export function verdictOfMatch(match: {
  kind: string;
  rating: string | null;
  status: string | null;
}): PublishedVerdict | null {
  if (match.kind === 'fact-check') return verdictForRating(match.rating);
  return match.status && isPublishedVerdict(match.status) ? match.status : null;
}
