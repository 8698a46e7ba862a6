import { contentWords, type WordVectors } from './word-vectors';

/**
 * Two claims say the same thing when each says this much of the other, word by word through the word vectors (a word
 * counts as said by the same stem, or by how related its nearest word on the other side is), and they name the same
 * numbers. Set so that a claim and its reordering or light rewording pass ("Tesco employs 7,000 people in Poland" /
 * "In Poland, 7,000 people work for Tesco") while two claims about one subject that differ in what they assert do
 * not.
 */
export const SAME_CLAIM_SIMILARITY = 0.75;
/** Anchors a claim's look-up for its paraphrases: the longest names, or numbers, all required. */
const ANCHORS = 2;

/** Numbers as written, without thousands separators: "7,000" and "7000" are one number. */
export function numbersOf(text: string): string[] {
  return [...text.matchAll(/\d[\d,.]*\d|\d/g)].map((m) => m[0].replace(/,(?=\d{3}\b)/g, '')).sort();
}

/**
 * The words every paraphrase of a claim must also hold, to find its candidates through the claims' text index: the
 * names it capitalises past its first word, longest first; or, without names, its numbers that read the same however
 * they are written (a year, a number under 1,000: "9000" is "9,000" elsewhere, which the index reads as "9" and "000").
 * None when it has neither: then only the same text is linked.
 */
export function paraphraseAnchors(text: string): string[] {
  const names = [...new Set(namesOf(text))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (names.length > 0) return names.slice(0, ANCHORS);
  const plainNumbers = [...text.matchAll(/\d[\d,.]*\d|\d/g)]
    .map((m) => m[0])
    .filter((n) => !n.includes(',') && (/^(1[89]|20)\d\d$/.test(n) || Number(n) < 1000));
  return [...new Set(plainNumbers)].slice(0, ANCHORS);
}

/** Words that turn a claim round: one side holding a word and the other its opposite are two claims. */
const OPPOSITES: [string, string][] = [
  ['rise', 'fall'],
  ['rose', 'fell'],
  ['risen', 'fallen'],
  ['increase', 'decrease'],
  ['up', 'down'],
  ['more', 'less'],
  ['more', 'fewer'],
  ['higher', 'lower'],
  ['gain', 'loss'],
  ['win', 'lose'],
  ['won', 'lost'],
  ['grew', 'shrank'],
  ['above', 'below'],
  ['before', 'after'],
];
const NEGATIONS = new Set(['not', 'no', 'never', 'nor', 'none', 'nobody', 'nothing', 'neither', 'without']);
const STEM = 6;

const isWord = (word: string) => !/\d/.test(word);
const wordsOf = (text: string) => text.toLowerCase().match(/[a-z]+/g) ?? [];
const stemsOf = (words: string[]) => new Set(words.map((w) => w.slice(0, STEM)));

/** The names a claim capitalises past its first word, lower-cased ("Tesco", "Poland"). */
function namesOf(text: string): string[] {
  return [...text.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}'’-]+/gu)].map((m) => m[0].replace(/['’]s$/, '').toLowerCase());
}

/** One side negates ("not", "never", "unlawful" beside "lawful") or turns ("rose" / "fell") what the other says. */
function opposed(a: string[], b: string[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  // "didn't" reads as "didn" and "t".
  const negations = (words: string[]) => words.filter((w) => NEGATIONS.has(w) || w === 't').length;
  if (negations(a) % 2 !== negations(b) % 2) return true;
  const prefixed = (words: Set<string>, other: Set<string>) =>
    [...words].some(
      (w) => /^(un|in|il|im|ir|non|dis)/.test(w) && other.has(w.replace(/^(un|in|il|im|ir|non|dis)/, '')),
    );
  if (prefixed(setA, setB) || prefixed(setB, setA)) return true;
  return OPPOSITES.some(([x, y]) => (setA.has(x) && setB.has(y)) || (setA.has(y) && setB.has(x)));
}

/**
 * How nearly two claims say the same thing, 0 to 1: the lesser of how much of each the other says; 0 when they name
 * different numbers ("7,000 employees" is not "5,000 employees") or different names ("Nigeria signed" is not "Benin
 * signed"), or one negates or turns round what the other says ("rose" / "fell", "lawful" / "unlawful").
 */
export function sameClaimSimilarity(a: string, b: string, vectors: WordVectors): number {
  if (numbersOf(a).join(' ') !== numbersOf(b).join(' ')) return 0;
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  const stemsA = stemsOf(wordsA);
  const stemsB = stemsOf(wordsB);
  const namedIn = (names: string[], stems: Set<string>) => names.every((name) => stems.has(name.slice(0, STEM)));
  if (!namedIn(namesOf(a), stemsB) || !namedIn(namesOf(b), stemsA) || opposed(wordsA, wordsB)) return 0;
  // Numbers are compared above, as numbers ("9,000" would read as the words "9" and "000").
  const contentA = contentWords(a).filter(isWord);
  const contentB = contentWords(b).filter(isWord);
  const similarity = vectors.forQuery(contentA);
  return Math.min(similarity.queryIn(contentB), similarity.textIn(contentB));
}
