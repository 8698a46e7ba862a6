/**
 * Tweets and article sentences carry noise that full-text search reads as words: links, picture links, the
 * "— Name (@handle) Month D, YYYY" signature of an embedded tweet, what a copied post's page wraps it in, HTML
 * entities, hashtags written in CamelCase.
 * This turns them into plain prose; stored fact-checks are searched as written.
 */
const ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  rsquo: "'",
  lsquo: "'",
  ldquo: '"',
  rdquo: '"',
};

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
// The dash run is taken whole (a lookahead is atomic), and only the text's end is searched: on a long run of
// dashes the pattern backtracked for seconds.
const SIGNATURE = new RegExp(`(?=([—–-]+))\\1\\s*([^—–]{0,80}?)\\s*\\(@(\\w+)\\)\\s*${MONTHS}\\s+\\d{1,2},\\s+\\d{4}$`);
/** Longer than any signature: dashes, a name of up to 80 characters, the handle and the date. */
const SIGNATURE_WINDOW = 240;

/**
 * What Twitter's pages wrap a post in when it is copied: "RT @x:", "Replying to @x @y", "Quote Tweet", "Show this
 * thread", "· Mar 3" after a quoted post's name, and the "12:03 PM · Mar 2, 2022 · Twitter for iPhone" line. None
 * of it is the claim, and its words ("tweet", "thread", "iPhone") would find fact-checks about them.
 */
const POST_FURNITURE = new RegExp(
  [
    String.raw`^\s*RT(?=\s+@\w)`,
    String.raw`\bReplying to(?:\s+@\w+)+`,
    String.raw`\bQuote Tweet\b`,
    String.raw`\bShow this thread\b`,
    String.raw`\d{1,2}:\d{2}\s*[AP]M\s*·\s*[A-Z][a-z]{2}\s+\d{1,2},\s+\d{4}(?:\s*·\s*Twitter (?:for (?:iPhone|iPad|Android|Mac)|Web (?:App|Client)))?`,
    String.raw`\s·\s[A-Z][a-z]{2}\s\d{1,2}\b`,
  ].join('|'),
  'g',
);

/** A lower-case handle or hashtag shorter than this is left whole. */
const MIN_JOINED_LENGTH = 6;

/**
 * "chuckschumer" → "chuck schumer": the split of a lower-case run of letters into known words that costs least, a
 * word's cost being the log of its frequency rank (so "chuck schumer" beats "chuc kschumer") plus one per word (so
 * fewer, longer words win); null when no split into words of two letters or more exists.
 */
export function splitJoinedWords(token: string, rankOf: (word: string) => number | undefined): string[] | null {
  const best: { cost: number; from: number }[] = [{ cost: 0, from: -1 }];
  for (let end = 1; end <= token.length; end += 1) {
    best[end] = { cost: Number.POSITIVE_INFINITY, from: -1 };
    for (let start = Math.max(0, end - 20); start <= end - 2; start += 1) {
      const rank = rankOf(token.slice(start, end));
      if (rank === undefined || !Number.isFinite(best[start].cost)) continue;
      const cost = best[start].cost + Math.log(2 + rank) + 1;
      if (cost < best[end].cost) best[end] = { cost, from: start };
    }
  }
  if (!Number.isFinite(best[token.length].cost)) return null;
  const words: string[] = [];
  for (let end = token.length; end > 0; end = best[end].from) words.unshift(token.slice(best[end].from, end));
  return words;
}

/** A handle or hashtag: split by case, or, all lower case and unknown, into known words beside itself. */
function handleWords(tag: string, rankOf?: (word: string) => number | undefined): string {
  if (!rankOf || tag.length < MIN_JOINED_LENGTH || !/^[a-z]+\d*$/.test(tag) || rankOf(tag) !== undefined)
    return splitCamelCase(tag);
  const letters = tag.replace(/\d+$/, '');
  const words = splitJoinedWords(letters, rankOf);
  return words && words.length > 1 ? `${tag} ${words.join(' ')}` : tag;
}

/** `rankOf` (a word's frequency rank, undefined for an unknown word) lets lower-case handles and hashtags be split into words. */
export function normaliseQueryText(raw: string, rankOf?: (word: string) => number | undefined): string {
  let text = decodeHtmlEntities(raw).trimEnd();
  // The embedded-tweet signature: keep who said it, drop the handle and the date.
  const tail = Math.max(0, text.length - SIGNATURE_WINDOW);
  text = text.slice(0, tail) + text.slice(tail).replace(SIGNATURE, (_all, _dashes, name: string) => ` ${name} `);
  text = text
    .replace(POST_FURNITURE, ' ')
    .replace(/https?:\/\/\S+/gi, ' ')
    // Scraped tweets often glue it to the word before ("#PrayforAmazoniapic.twitter.com/…").
    .replace(/pic\.twitter\.com\/\S+/gi, ' ')
    // A host starts where a run of host characters starts: trying every hyphen in the run made long text quadratic.
    .replace(/(?<![a-z0-9-])(?:www\.)?[a-z0-9-]+\.(?:com|org|net|co|ly|gov)\/\S*/gi, ' ')
    .replace(/[@#](\w+)/g, (_all, tag: string) => ` ${handleWords(tag, rankOf)} `)
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

const MEDIA_WORDS =
  /\b(?:photo(?:s|graph\w*|shop\w*)?\b(?!\s+id\b)|pictures?|pictured|pics?|images?|videos?|videotaped|footage|clips?|memes?|screen ?shots?|gifs?)\b|pic\.twitter\.com|[\u{1F4F7}\u{1F4F8}\u{1F3A5}\u{1F4F9}\u{1F39E}]/iu;

/** Whether a text speaks of (or, a tweet, carries) a picture or a video: fact-checks of one are a kind of their own. */
export function mentionsMedia(text: string): boolean {
  return MEDIA_WORDS.test(text);
}
