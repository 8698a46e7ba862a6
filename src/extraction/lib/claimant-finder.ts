import { Token } from './nlp-analyser';

export interface ClaimantMention {
  text: string;
  /** "he said": resolved by the caller to the most recent named claimant. */
  pronoun: boolean;
}

const REPORTING = new Set(['say', 'tell', 'report', 'claim', 'announce', 'state', 'write', 'warn', 'argue', 'insist', 'note', 'reveal', 'confirm', 'deny', 'estimate', 'admit', 'allege', 'testify', 'declare', 'explain']);
const NOUN_PHRASE = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);
const SKIPPABLE = new Set(['AUX', 'ADV', 'PART']);
const RELATIVE = new Set(['who', 'that', 'which']);
const PERSONAL = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** Who a sentence attributes its content to: "according to X", "X said/told/reported …", or null. */
export function findClaimant(tokens: Token[], body: string): ClaimantMention | null {
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i].lower === 'according' && tokens[i + 1].lower === 'to') {
      let end = i + 2;
      while (end < tokens.length && (NOUN_PHRASE.has(tokens[end].pos) || isConnector(tokens, end))) end++;
      if (end > i + 2) return named(tokens, i + 2, end, body);
    }
  }
  const verb = tokens.findIndex((t) => t.pos === 'VERB' && REPORTING.has(t.lemma));
  if (verb <= 0) return null;
  let j = verb - 1;
  while (j >= 0 && SKIPPABLE.has(tokens[j].pos) && tokens[j].value !== '”') j--;
  if (j >= 0 && RELATIVE.has(tokens[j].lower) && tokens[j].pos === 'PRON') j--;
  if (j < 0) return null;
  if (tokens[j].pos === 'PRON' && PERSONAL.has(tokens[j].lower)) return { text: body.slice(tokens[j].start, tokens[j].end), pronoun: true };
  // "The NBC report, which cited …, said" and "X described … and said": the speaker is the sentence's subject.
  if (tokens[j].value === ',' || tokens[j].pos === 'CCONJ') return subjectOf(tokens, body);
  let start = j + 1;
  while (start > 0 && (NOUN_PHRASE.has(tokens[start - 1].pos) || isConnector(tokens, start - 1))) start--;
  return start <= j ? named(tokens, start, j + 1, body) : null;
}

function subjectOf(tokens: Token[], body: string): ClaimantMention | null {
  let end = 0;
  while (end < tokens.length && (NOUN_PHRASE.has(tokens[end].pos) || isConnector(tokens, end))) end++;
  return end > 0 ? named(tokens, 0, end, body) : null;
}

// "aide to Zelensky", "Commander-in-Chief", "Russia's": joins inside a noun phrase.
function isConnector(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  const glued = i > 0 && i + 1 < tokens.length && tokens[i - 1].end === token.start && token.end === tokens[i + 1].start;
  if (glued && !/^['’]/.test(token.value)) return true;
  const between = i > 0 && i + 1 < tokens.length && tokens[i - 1].pos !== 'PUNCT' && NOUN_PHRASE.has(tokens[i + 1].pos);
  return (between && (token.lower === 'of' || token.lower === 'to' || token.lower === '-')) || (token.pos === 'PART' && /^['’]s$/.test(token.lower));
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
  if (properFrom < to && properFrom > from && hasCommonNoun && !hasConnector && tokens[properFrom - 1].pos === 'NOUN') from = properFrom;
  return { text: body.slice(tokens[from].start, tokens[to - 1].end), pronoun: false };
}
