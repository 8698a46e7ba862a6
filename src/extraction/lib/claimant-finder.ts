import { isYear, MONTHS, WEEKDAYS } from '../../common/calendar-words';
import { Token } from './nlp-analyser';
import { REPORTING_VERBS } from './reporting-verbs';

export interface ClaimantMention {
  text: string;
  /** "he said": resolved by the caller to the most recent named claimant. */
  pronoun: boolean;
}

const REPORTING = new Set([
  ...REPORTING_VERBS,
  // verbs that name who holds a view, not only who spoke
  'admit',
  'allege',
  'testify',
  'declare',
  'explain',
  'find',
  'conclude',
  'acknowledge',
  'predict',
  'stress',
  'dispute',
  'counter',
  'reply',
  'respond',
  'contend',
  'assert',
]);
/** Verbs news puts before their speaker ("…,” said X", "…, added the minister"). */
const INVERTING = new Set(['say', 'add', 'write', 'explain', 'note', 'warn', 'insist']);
const CLOSING_QUOTES = new Set(['"', '”', '’', "'", '»']);
const CLAUSE_ENDS = new Set(['.', '!', '?', ',', ';', ':', ')', '—', '–']);
/** Inside a noun phrase between two of its words: "a spokesperson for the ministry", "researchers at Harvard". */
const PHRASE_PREPOSITIONS = new Set(['of', 'to', 'for', 'at', 'from', 'in', 'by']);
const POSSESSIVES = new Set(['its', 'his', 'her', 'their', 'our']);
const NOUN_PHRASE = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
const SKIPPABLE = new Set(['AUX', 'ADV', 'PART']);
const RELATIVE = new Set(['who', 'that', 'which']);
const PERSONAL = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** Who a sentence attributes its content to: "according to X", "X said/told/reported …", or null. */
export function findClaimant(tokens: Token[], body: string): ClaimantMention | null {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].lower === 'according' && tokens[i + 1].lower === 'to') {
      // wink reads the noun right after "according to" as a verb at times ("according to figures released …").
      const phrase =
        tokens[i + 2].pos === 'VERB' ? tokens.map((t, k) => (k === i + 2 ? { ...t, pos: 'NOUN' } : t)) : tokens;
      let end = i + 2;
      while (end < phrase.length && inPhrase(phrase, end)) end++;
      if (end > i + 2) return named(phrase, i + 2, end, body);
    }
  }
  // "The United Nations estimates that …": wink tags a present-tense reporting verb before "that" as a noun at times.
  // So is one right after a name, when no verb follows it ("Reuters reports only …", not "The NBC report said …").
  const verb = tokens.findIndex(
    (t, i) =>
      REPORTING.has(t.lemma) &&
      ((t.pos === 'VERB' && !afterDeterminer(tokens, i)) ||
        (t.pos === 'NOUN' &&
          i > 0 &&
          (tokens[i + 1]?.lower === 'that' || (tokens[i - 1].pos === 'PROPN' && opensItsObject(tokens, i + 1))))),
  );
  if (verb <= 0) return null;
  // "…,” said Mayor Smith." and "…, said the minister": the speaker follows the verb.
  if (
    INVERTING.has(tokens[verb].lemma) &&
    (tokens[verb - 1].value === ',' || CLOSING_QUOTES.has(tokens[verb - 1].value)) &&
    !opensWithRelativeClause(tokens, verb)
  ) {
    const after = speakerAfter(tokens, verb, body);
    if (after) return after;
  }
  let j = verb - 1;
  while (j >= 0 && SKIPPABLE.has(tokens[j].pos) && tokens[j].value !== '”') j--;
  // "The World Health Organization (WHO) reported": the short form in brackets names the same speaker.
  if (j > 1 && tokens[j].value === ')' && tokens[j - 2]?.value === '(') j -= 3;
  if (j >= 0 && RELATIVE.has(tokens[j].lower) && tokens[j].pos === 'PRON') j--;
  if (j < 0) return null;
  if (tokens[j].pos === 'PRON' && PERSONAL.has(tokens[j].lower))
    return { text: body.slice(tokens[j].start, tokens[j].end), pronoun: true };
  // "The NBC report, which cited …, said" and "X described … and said": the speaker is the sentence's subject.
  if (tokens[j].value === ',') return appositiveName(tokens, j, body) ?? subjectOf(tokens, body);
  if (tokens[j].pos === 'CCONJ') return subjectOf(tokens, body);
  let start = j + 1;
  while (start > 0 && inPhrase(tokens, start - 1)) start--;
  return start <= j ? named(tokens, start, j + 1, body) : null;
}

/**
 * A person named as the sentence's subject ("Mayor Carla Diaz spoke at the opening."): who a later "she said" means,
 * though this sentence attributes nothing. Two capitalised words at least, so a country or a party is not a person.
 */
export function findNamedSubject(tokens: Token[], body: string): string | null {
  let end = 0;
  while (end < tokens.length && (tokens[end].pos === 'PROPN' || isCapitalisedName(tokens, end))) end++;
  const next = tokens[end];
  return end >= 2 && next && (next.pos === 'VERB' || next.pos === 'AUX')
    ? body.slice(tokens[0].start, tokens[end - 1].end)
    : null;
}

/** After a reporting word read as a noun: its object starts here (past adverbs), not a verb of which it is the subject. */
function opensItsObject(tokens: Token[], from: number): boolean {
  let k = from;
  while (k < tokens.length && tokens[k].pos === 'ADV') k++;
  return k < tokens.length && tokens[k].pos !== 'PUNCT' && !VERB_OR_AUX.has(tokens[k].pos);
}

const VERB_OR_AUX = new Set(['VERB', 'AUX']);

/** "the only state unsigned", "a report": a word after a determiner (and its modifiers) is a noun, whatever wink says. */
function afterDeterminer(tokens: Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (tokens[k].pos === 'ADJ' || tokens[k].pos === 'ADV')) k--;
  return k >= 0 && tokens[k].pos === 'DET';
}

/** "Ruth Okafor, who heads the office, said …": the reporting verb closes the subject's relative clause. */
function opensWithRelativeClause(tokens: Token[], verb: number): boolean {
  let end = 0;
  while (end < verb && inPhrase(tokens, end)) end++;
  return end > 0 && tokens[end]?.value === ',' && RELATIVE.has(tokens[end + 1]?.lower ?? '');
}

/** A word of a noun phrase; wink tags some names as verbs ("Lisa Grant said", "Grant Shapps said", "The Red Cross said"). */
function inPhrase(tokens: Token[], i: number): boolean {
  return NOUN_PHRASE.has(tokens[i].pos) || isConnector(tokens, i) || isCapitalisedName(tokens, i);
}

function isCapitalisedName(tokens: Token[], i: number): boolean {
  return (
    tokens[i].pos === 'VERB' &&
    /^\p{Lu}/u.test(tokens[i].value) &&
    ((i > 0 && tokens[i - 1].pos === 'PROPN') || tokens[i + 1]?.pos === 'PROPN')
  );
}

/** A noun phrase right after the verb that ends the clause ("said Mayor Smith.", "said the minister on Tuesday"), not its object ("said the deficit doubled"). */
function speakerAfter(tokens: Token[], verb: number, body: string): ClaimantMention | null {
  let end = verb + 1;
  while (end < tokens.length && inPhrase(tokens, end)) end++;
  if (end === verb + 1) return null;
  const next = tokens[end];
  const endsClause =
    !next || CLAUSE_ENDS.has(next.value) || next.pos === 'ADP' || next.pos === 'ADV' || next.pos === 'SCONJ';
  return endsClause ? named(tokens, verb + 1, end, body) : null;
}

/**
 * "On Monday, the health minister, Ana Ruiz, announced" and "Paolo Greco, the bank's economist, warned": of the
 * comma-set phrases before the verb (nearest first, at most three), the one that is a bare name.
 */
function appositiveName(tokens: Token[], comma: number, body: string): ClaimantMention | null {
  let end = comma;
  for (let group = 0; group < 3 && end > 0 && tokens[end].value === ','; group++) {
    let start = end;
    while (start > 0 && inPhrase(tokens, start - 1)) start--;
    if (start === end) return null;
    const bareName = tokens
      .slice(start, end)
      .every((t, k) => t.pos === 'PROPN' || isCapitalisedName(tokens, start + k));
    if (bareName && (start === 0 || tokens[start - 1].value === ',')) return named(tokens, start, end, body);
    end = start - 1;
  }
  return null;
}

function subjectOf(tokens: Token[], body: string): ClaimantMention | null {
  let end = 0;
  while (end < tokens.length && inPhrase(tokens, end)) end++;
  return end > 0 ? named(tokens, 0, end, body) : null;
}

// "aide to Zelensky", "Commander-in-Chief", "Russia's": joins inside a noun phrase.
function isConnector(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  const glued =
    i > 0 && i + 1 < tokens.length && tokens[i - 1].end === token.start && token.end === tokens[i + 1].start;
  if (glued && !/^['’]/.test(token.value)) return true;
  const between = i > 0 && i + 1 < tokens.length && tokens[i - 1].pos !== 'PUNCT' && NOUN_PHRASE.has(tokens[i + 1].pos);
  // "a study published Monday", "figures released by the Treasury": a participle after the phrase's noun.
  const participle =
    token.pos === 'VERB' &&
    /(ed|en)$/.test(token.lower) &&
    i > 0 &&
    tokens[i - 1].pos === 'NOUN' &&
    i + 1 < tokens.length &&
    (NOUN_PHRASE.has(tokens[i + 1].pos) || PHRASE_PREPOSITIONS.has(tokens[i + 1].lower));
  // "its chief executive", "their spokesman": a possessive opens the phrase.
  const possessive =
    token.pos === 'PRON' && POSSESSIVES.has(token.lower) && i + 1 < tokens.length && NOUN_PHRASE.has(tokens[i + 1].pos);
  // "two diplomats familiar with the talks", news's stock anonymous source.
  const familiarWith =
    token.lower === 'with' &&
    i > 0 &&
    tokens[i - 1].lower === 'familiar' &&
    i + 1 < tokens.length &&
    NOUN_PHRASE.has(tokens[i + 1].pos);
  return (
    (between && (PHRASE_PREPOSITIONS.has(token.lower) || token.lower === '-') && !isTime(tokens[i + 1])) ||
    participle ||
    possessive ||
    familiarWith ||
    (token.pos === 'PART' && /^['’]s$/.test(token.lower))
  );
}

/** "according to the paper in March", "a spokesman on Monday": a date ends the speaker's phrase. */
function isTime(token: Token): boolean {
  return MONTHS.has(token.lower) || WEEKDAYS.has(token.lower) || isYear(token.value);
}

/** "Former German chancellor Gerhard Schröder" names "Gerhard Schröder"; "A close aide to Zelensky" stays whole. */
function named(tokens: Token[], from: number, to: number, body: string): ClaimantMention | null {
  while (to > from && tokens[to - 1].pos === 'PART') to--;
  if (to <= from) return null;
  let properFrom = to;
  while (properFrom > from && tokens[properFrom - 1].pos === 'PROPN') properFrom--;
  const phrase = tokens.slice(from, to);
  const hasConnector = phrase.some((t) => t.pos === 'ADP' || t.pos === 'PART');
  const hasCommonNoun = phrase.some((t) => t.pos === 'NOUN' && /^[a-z]/.test(t.value));
  if (properFrom < to && properFrom > from && hasCommonNoun && !hasConnector && tokens[properFrom - 1].pos === 'NOUN')
    from = properFrom;
  return { text: body.slice(tokens[from].start, tokens[to - 1].end), pronoun: false };
}
