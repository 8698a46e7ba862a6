import { ApiError } from '../common/api-error';
import { normaliseTag, TagRuleError } from './claim-tags';

/** The filters the claim listing, its export and the search page share, as their queries spell them. */
export interface ClaimTextFilterQuery {
  q?: string;
  claimant?: string;
  /** First day, inclusive (YYYY-MM-DD). */
  from?: string;
  /** Last day, inclusive (YYYY-MM-DD). */
  to?: string;
  /** A tag the claim carries, normalised as tags are. */
  tag?: string;
}

export interface ClaimTextFilters {
  text: string | null;
  claimant: string | null;
  from: Date | null;
  /** Exclusive: the day after the query's last day. */
  to: Date | null;
  tag: string | null;
}

const DAY_MS = 86_400_000;

export function claimTextFilters(query: ClaimTextFilterQuery): ClaimTextFilters {
  return {
    text: query.q?.trim() || null,
    claimant: query.claimant?.trim() || null,
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : null,
    to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) : null,
    tag: query.tag?.trim() ? tagFilter(query.tag) : null,
  };
}

/** A tag to filter by, normalised; one no claim could carry is refused as the field's error. */
function tagFilter(raw: string): string {
  try {
    return normaliseTag(raw);
  } catch (error) {
    if (error instanceof TagRuleError) throw ApiError.validation({ tag: [error.message] });
    throw error;
  }
}

/** The answer to a text that the text-search index cannot look up (see ClaimsRepository.hasIndexedTerm). */
export function unsearchableText(): ApiError {
  return ApiError.validation({
    q: [
      'search needs a word to look for: words after a minus only leave results out, and the most common words (the, of, and) are not looked up',
    ],
  });
}
