/**
 * Tweets and article sentences carry noise that full-text search reads as words: links, picture links, the
 * "— Name (@handle) Month D, YYYY" signature of an embedded tweet, HTML entities, hashtags written in CamelCase.
 * This turns them into plain prose; stored fact-checks are searched as written.
 */
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', hellip: '…', mdash: '—', ndash: '–', rsquo: "'", lsquo: "'", ldquo: '"', rdquo: '"' };

export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** "AustralianFires" → "Australian Fires", "COVID19Vaccine" → "COVID 19 Vaccine". */
export function splitCamelCase(word: string): string {
  return word
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2');
}

const MONTHS = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const SIGNATURE = new RegExp(`[—–-]+\\s*([^—–]{0,80}?)\\s*\\(@(\\w+)\\)\\s*${MONTHS}\\s+\\d{1,2},\\s+\\d{4}\\s*$`);

export function normaliseQueryText(raw: string): string {
  let text = decodeHtmlEntities(raw);
  // The embedded-tweet signature: keep who said it, drop the handle and the date.
  text = text.replace(SIGNATURE, (_all, name: string) => ` ${name} `);
  text = text
    .replace(/https?:\/\/\S+/gi, ' ')
    // Scraped tweets often glue it to the word before ("#PrayforAmazoniapic.twitter.com/…").
    .replace(/pic\.twitter\.com\/\S+/gi, ' ')
    .replace(/\b(?:www\.)?[a-z0-9-]+\.(?:com|org|net|co|ly|gov)\/\S*/gi, ' ')
    .replace(/@(\w+)/g, (_all, handle: string) => ` ${splitCamelCase(handle)} `)
    .replace(/#(\w+)/g, (_all, tag: string) => ` ${splitCamelCase(tag)} `)
    .replace(/[\u201c\u201d\u201e\u00ab\u00bb"]+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\$\$+/g, '$')
    .replace(/[^\S\n]+/g, ' ');
  return text.trim();
}

/** Two claims are "the same" when this is equal: case, punctuation and spacing do not count. */
export function claimFingerprint(text: string): string {
  return decodeHtmlEntities(text)
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9%$]+/g, ' ')
    .trim();
}
