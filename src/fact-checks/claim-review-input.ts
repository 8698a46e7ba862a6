import { httpUrlProblem } from '../common/http-url';
import { clip, hasVisibleText, VISIBLE_TEXT_MESSAGE } from '../common/text-rules';
import { parseTimestamp } from '../common/timestamp';

/** Reading schema.org ClaimReview JSON-LD as the archive keeps it. Pure: the API, the CLI and the evaluation share it. */
export const MAX_IMPORT_ITEMS = 1000;

export interface FactCheckInput {
  url: string;
  claimReviewed: string;
  rating: string | null;
  datePublished: Date | null;
  author: string | null;
  claimant: string | null;
  headline: string | null;
  language: string | null;
  /** The item as it came in, kept whole for re-publishing. */
  claimReview: Record<string, unknown>;
}

export type ParsedItem = { ok: true; value: FactCheckInput } | { ok: false; message: string };

/** One object, an array, or {items: [...]}; anything else is null. */
export function importItemsOf(body: unknown): unknown[] | null {
  if (Array.isArray(body)) return body;
  if (body && typeof body === 'object') {
    const items = (body as Record<string, unknown>).items;
    if (Array.isArray(items)) return items;
    if (items === undefined) return [body];
  }
  return null;
}

function text(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return hasVisibleText(trimmed) ? clip(trimmed, max) : null;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return text(value, 500);
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return text((value as Record<string, unknown>).name, 500);
  return null;
}

export function parseClaimReview(item: unknown): ParsedItem {
  if (!item || typeof item !== 'object' || Array.isArray(item))
    return { ok: false, message: 'an item must be a ClaimReview object' };
  const o = item as Record<string, unknown>;
  const claimReviewed = text(o.claimReviewed, 10_000);
  if (!claimReviewed)
    return {
      ok: false,
      message:
        typeof o.claimReviewed === 'string' && o.claimReviewed.trim()
          ? `claimReviewed ${VISIBLE_TEXT_MESSAGE}`
          : 'claimReviewed must be a non-empty string',
    };
  const url = text(o.url, 2048);
  if (!url) return { ok: false, message: 'url must be a non-empty string' };
  const urlProblem = httpUrlProblem(url);
  if (urlProblem) return { ok: false, message: `url ${urlProblem}` };
  let datePublished: Date | null = null;
  if (o.datePublished !== undefined && o.datePublished !== null) {
    // The desk's one rule for dates: 2024-02-30 is refused, not read as 1 March.
    datePublished = typeof o.datePublished === 'string' ? parseTimestamp(o.datePublished.trim()) : null;
    if (!datePublished)
      return { ok: false, message: 'datePublished must be an ISO 8601 date that exists, in the years 0001–9999' };
  }
  const rating =
    o.reviewRating && typeof o.reviewRating === 'object' ? (o.reviewRating as Record<string, unknown>) : null;
  const itemReviewed =
    o.itemReviewed && typeof o.itemReviewed === 'object' ? (o.itemReviewed as Record<string, unknown>) : null;
  const language = nameOf(o.inLanguage);
  return {
    ok: true,
    value: {
      url: new URL(url).toString(),
      claimReviewed,
      rating: rating ? (text(rating.alternateName, 200) ?? text(rating.name, 200)) : null,
      datePublished,
      author: nameOf(o.author),
      claimant: itemReviewed ? nameOf(itemReviewed.author) : null,
      headline: text(o.headline, 2000) ?? text(o.name, 2000),
      language: language ? clip(language, 35) : null,
      claimReview: o,
    },
  };
}
