/** A tag the rules refuse, with the code the API answers it with (400). */
export class TagRuleError extends Error {
  constructor(
    readonly code: 'invalid_tag' | 'tag_too_long' | 'too_many_tags',
    message: string,
    readonly details: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const MAX_TAGS_PER_CLAIM = 20;
export const MAX_TAG_LENGTH = 40;

/**
 * A tag as the desk keeps it: lower case, letters and digits of any script, words joined by single dashes
 * ("Climate Policy" and "climate_policy" are both `climate-policy`). Refused: a tag with nothing left, or too long.
 */
export function normaliseTag(raw: string): string {
  const tag = raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (!tag) throw new TagRuleError('invalid_tag', `"${raw}" has no letter or digit to make a tag of`, { tag: raw });
  if ([...tag].length > MAX_TAG_LENGTH)
    throw new TagRuleError(
      'tag_too_long',
      `A tag has at most ${MAX_TAG_LENGTH} characters; "${tag}" has ${[...tag].length}`,
      { tag, max: MAX_TAG_LENGTH },
    );
  return tag;
}

/** The tags normalised, each once, in the order first given. */
export function normaliseTags(raw: readonly string[]): string[] {
  return [...new Set(raw.map(normaliseTag))];
}

/** A claim's tags after a change; more than MAX_TAGS_PER_CLAIM is refused. */
export function checkTagCount(tags: string[]): string[] {
  if (tags.length > MAX_TAGS_PER_CLAIM)
    throw new TagRuleError(
      'too_many_tags',
      `A claim has at most ${MAX_TAGS_PER_CLAIM} tags; this change would give it ${tags.length}`,
      { max: MAX_TAGS_PER_CLAIM, count: tags.length },
    );
  return tags;
}

/** How a change reads in the claim's history: what it added and removed. */
export function describeTagChange(before: string[], after: string[]): string {
  const added = after.filter((tag) => !before.includes(tag));
  const removed = before.filter((tag) => !after.includes(tag));
  return [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
}
