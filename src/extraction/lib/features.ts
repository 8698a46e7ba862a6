import { isYear } from '../../common/calendar-words';
import { analyseLine, EntitySpan, Token } from './nlp-analyser';
import { REPORTING_VERBS } from './reporting-verbs';

/** Feature blocks: each is tf-idf weighted and L2-normalised on its own before the blocks are concatenated. */
export type FeatureBlock = 'w' | 'c' | 'l';
export const FEATURE_BLOCKS: FeatureBlock[] = ['w', 'c', 'l'];

// Long inputs add little signal and cost time; features look at the first tokens only.
const MAX_TOKENS = 80;

const REPORTING = new Set([
  ...REPORTING_VERBS,
  // "according to", "quoted", "cited", "shows": a source behind the sentence, a feature the model was trained on
  'accord',
  'quote',
  'cite',
  'show',
]);
const FIRST_PERSON = new Set(['i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', 'myself', 'ourselves']);
const SECOND_PERSON = new Set(['you', 'your', 'yours']);
const OPINION = new Set([
  'think',
  'believe',
  'feel',
  'hope',
  'should',
  'must',
  'want',
  'need',
  'wish',
  'great',
  'wonderful',
  'terrible',
  'good',
  'bad',
  'important',
  'proud',
  'agree',
  'disagree',
  'love',
  'glad',
  'sure',
  'opinion',
  'ought',
]);
const COMPARATIVE = new Set([
  'more',
  'less',
  'fewer',
  'than',
  'most',
  'least',
  'increase',
  'decrease',
  'double',
  'triple',
  'rise',
  'fall',
  'cut',
  'percent',
  'record',
  'half',
  'twice',
  'times',
]);
const FUTURE = new Set(['will', "'ll", 'going', 'gonna', 'shall']);
const QUOTES = new Set(['"', '“', '”', '‘', '’', "'", '«', '»']);
// Gender-neutral third person: claims about an opponent ("she wants open borders") then read alike whoever is debating.
const THIRD_PERSON = new Map([
  ['he', '<3s>'],
  ['she', '<3s>'],
  ['him', '<3o>'],
  ['her', '<3o>'],
  ['his', '<3o>'],
  ['hers', '<3o>'],
  ['himself', '<3r>'],
  ['herself', '<3r>'],
]);

function normaliseToken(token: Token): string {
  if (token.type === 'number' || isNumeral(token.value)) {
    const digits = token.value.replace(/[^\d]/g, '');
    if (isYear(token.value)) return '<year>';
    return digits.length > 3 || token.value.includes('.') ? '<bignum>' : '<num>';
  }
  if (token.type === 'currency') return '<cur>';
  if (token.type === 'url' || token.type === 'email') return '<url>';
  const person = THIRD_PERSON.get(token.lower);
  if (person) return person;
  return hasCurlyQuote(token.lower) ? token.lower.replace(/[’‘]/g, "'").replace(/[“”]/g, '"') : token.lower;
}

/** Whether a word holds ‘ ’ “ or ” (U+2018, U+2019, U+201C, U+201D), told without a regular expression per token. */
function hasCurlyQuote(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code === 0x2018 || code === 0x2019 || code === 0x201c || code === 0x201d) return true;
  }
  return false;
}

/** Digits, full stops and commas only (`/^[\d.,]+$/`), told without a regular expression. */
function isNumeral(value: string): boolean {
  if (value.length === 0) return false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if ((code < 48 || code > 57) && code !== 46 && code !== 44) return false;
  }
  return true;
}

/**
 * Receives a text's features as they are read, in order: per word its unigram, the bigram with the word before and its
 * character n-grams (`charGrams`), then the closing bigram, then the linguistic features (without their "l:" prefix),
 * a token's parts of speech first.
 */
export interface FeatureSink {
  word(word: string, previous: string): void;
  end(previous: string): void;
  /** A token's part of speech ("p:…") and its pair with the one before ("pp:…_…"). */
  partOfSpeech(pos: string, previous: string): void;
  linguistic(key: string): void;
}

/** Calls `emit` with each character 2- to 5-gram of a word padded with a space each side (the first 20 characters). */
export function charGrams(word: string, emit: (gram: string) => void): void {
  const padded = ' ' + (word.length > 20 ? word.slice(0, 20) : word) + ' ';
  for (let n = 2; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) emit(padded.slice(i, i + n));
}

/** Feature counts by name ("w:…", "c:…", "l:…"), in the order they are first seen. */
export function extractFeatures(allTokens: Token[], entities: EntitySpan[]): Map<string, number> {
  const features = new Map<string, number>();
  const add = (key: string) => features.set(key, (features.get(key) ?? 0) + 1);
  const addGram = (gram: string) => add('c:' + gram);
  readFeatures(allTokens, entities, {
    word(word, previous) {
      add('w:' + word);
      add('w:' + previous + ' ' + word);
      charGrams(word, addGram);
    },
    end(previous) {
      add('w:' + previous + ' </s>');
    },
    partOfSpeech(pos, previous) {
      add('l:p:' + pos);
      add('l:pp:' + previous + '_' + pos);
    },
    linguistic(key) {
      add('l:' + key);
    },
  });
  return features;
}

/** Reads a text's features into `sink` (see `FeatureSink` for the order). */
export function readFeatures(allTokens: Token[], entities: EntitySpan[], sink: FeatureSink): void {
  // Quote marks say how a claim is reported, not whether it is checkable; news quotes far more than debates do.
  const unquoted = allTokens.filter((t) => t.value.length !== 1 || !QUOTES.has(t.value));
  const tokens = unquoted.length > MAX_TOKENS ? unquoted.slice(0, MAX_TOKENS) : unquoted;
  const add = (key: string) => sink.linguistic(key);
  let previous = '<s>';
  for (const token of tokens) {
    const word = normaliseToken(token);
    sink.word(word, previous);
    previous = word;
  }
  sink.end(previous);
  let previousPos = '<s>';
  for (const token of tokens) {
    sink.partOfSpeech(token.pos, previousPos);
    previousPos = token.pos;
    const byLemma = lemmaClasses(token.lemma);
    const byWord = wordClasses(token.lower);
    if (byLemma & REPORTING_LEMMA && token.pos === 'VERB') add('reporting');
    if (byWord & FIRST_PERSON_WORD) add('first-person');
    if (byWord & SECOND_PERSON_WORD) add('second-person');
    if (byLemma & OPINION_LEMMA) add('opinion');
    if (
      byLemma & COMPARATIVE_LEMMA ||
      (token.pos === 'ADJ' && /(er|est)$/.test(token.lower) && token.lemma !== token.lower)
    )
      add('compare');
    if (byWord & FUTURE_WORD && token.pos !== 'NOUN') add('future');
    if (token.type === 'number') add(isYear(token.value) ? 'year' : 'number');
  }
  for (const entity of entities) add('e:' + entity.type);
  const last = tokens[tokens.length - 1]?.value;
  if (last === '?' || tokens.some((t) => t.value === '?')) add('question');
  add('len:' + Math.min(6, Math.floor(Math.log2(1 + allTokens.length))));
}

// The word lists a token is in, as bits: one look-up by its lemma and one by its word rather than one per list.
const REPORTING_LEMMA = 1;
const OPINION_LEMMA = 2;
const COMPARATIVE_LEMMA = 4;
const FIRST_PERSON_WORD = 1;
const SECOND_PERSON_WORD = 2;
const FUTURE_WORD = 4;
const LEMMA_CLASSES = classTable([
  [REPORTING, REPORTING_LEMMA],
  [OPINION, OPINION_LEMMA],
  [COMPARATIVE, COMPARATIVE_LEMMA],
]);
const WORD_CLASSES = classTable([
  [FIRST_PERSON, FIRST_PERSON_WORD],
  [SECOND_PERSON, SECOND_PERSON_WORD],
  [FUTURE, FUTURE_WORD],
]);

function classTable(lists: [Set<string>, number][]): Map<string, number> {
  const table = new Map<string, number>();
  for (const [list, bit] of lists) for (const word of list) table.set(word, (table.get(word) ?? 0) | bit);
  return table;
}

function lemmaClasses(lemma: string): number {
  return LEMMA_CLASSES.get(lemma) ?? 0;
}

function wordClasses(word: string): number {
  return WORD_CLASSES.get(word) ?? 0;
}

/** A free-standing piece of text read as one unit: every line analysed, tokens and entities pooled. */
export function analyseText(text: string): { tokens: Token[]; entities: EntitySpan[] } {
  const sentences = text.split(/\r\n|[\n\r\u2028\u2029\v\f\x85]/).flatMap((line) => analyseLine(line, 0));
  return { tokens: sentences.flatMap((s) => s.tokens), entities: sentences.flatMap((s) => s.entities) };
}
