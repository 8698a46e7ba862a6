import type { ClaimType } from '../../claims/claim-types';
import { EntitySpan, Token } from './nlp-analyser';

const PREDICTION = new Set([
  'forecast',
  'forecasts',
  'predict',
  'predicts',
  'predicted',
  'projected',
  'likely',
  'unlikely',
  'expected',
  'expects',
  'gonna',
]);
const CAUSAL_WORDS = new Set([
  'because',
  'cause',
  'causes',
  'caused',
  'causing',
  'therefore',
  'consequently',
  'thanks',
  'owing',
  'blame',
  'blamed',
]);
const CAUSAL_WITH = new Map([
  ['due', 'to'],
  ['led', 'to'],
  ['lead', 'to'],
  ['leads', 'to'],
  ['resulted', 'in'],
  ['result', 'of'],
  ['because', 'of'],
]);
const RULE = new Set([
  'law',
  'laws',
  'illegal',
  'unlawful',
  'ban',
  'bans',
  'banned',
  'prohibit',
  'prohibits',
  'prohibited',
  'regulation',
  'regulations',
  'mandatory',
  'unconstitutional',
  'constitution',
  'statute',
  'legislation',
  'legal',
  'legally',
  'outlawed',
  'treaty',
]);
const QUANTITY_WORDS = new Set([
  'percent',
  'percentage',
  'million',
  'billion',
  'trillion',
  'thousand',
  'hundred',
  'dozens',
  'doubled',
  'tripled',
  'halved',
  'twice',
  'majority',
  'average',
  'rate',
]);
const QUANTITY_ENTITIES = new Set(['MONEY', 'PERCENT', 'CARDINAL', 'QUANTITY']);
const EXPERIENCE_SUBJECTS = new Set(['i', 'we']);
const YEAR = /^(1[89]|20)\d\d$/;

export interface TypingContext {
  tokens: Token[];
  entities: EntitySpan[];
  /** The sentence itself attributes its content to someone ("X said …"). */
  reported: boolean;
}

/** Full Fact-style type; the first matching rule wins, most specific first. */
export function typeClaim({ tokens, entities, reported }: TypingContext): ClaimType {
  if (tokens.some((t, i) => isFuture(tokens, i))) return 'prediction';
  if (
    tokens.some(
      (t, i) =>
        CAUSAL_WORDS.has(t.lower) || (CAUSAL_WITH.has(t.lower) && CAUSAL_WITH.get(t.lower) === tokens[i + 1]?.lower),
    )
  )
    return 'causal';
  if (tokens.some((t) => RULE.has(t.lower))) return 'rule';
  if (isQuantity(tokens, entities)) return 'quantity';
  if (tokens.some((t, i) => EXPERIENCE_SUBJECTS.has(t.lower) && t.pos === 'PRON' && isPastVerbAt(tokens, i + 1)))
    return 'experience';
  return reported ? 'attribution' : 'other';
}

function isFuture(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if ((token.lower === 'will' || token.lower === "'ll" || token.lower === '’ll') && token.pos === 'AUX') return true;
  if (token.lower === 'going' && tokens[i + 1]?.lower === 'to' && tokens[i + 2]?.pos === 'VERB') return true;
  return PREDICTION.has(token.lower) && (token.lower !== 'expected' || tokens[i + 1]?.lower === 'to');
}

function isQuantity(tokens: Token[], entities: EntitySpan[]): boolean {
  if (entities.some((e) => QUANTITY_ENTITIES.has(e.type) && !/^(one|a|an)$/i.test(e.text))) return true;
  return tokens.some(
    (t) =>
      QUANTITY_WORDS.has(t.lower) ||
      t.value === '%' ||
      (t.type === 'number' && !YEAR.test(t.value) && !isInsideDate(t, entities)),
  );
}

function isInsideDate(token: Token, entities: EntitySpan[]): boolean {
  return entities.some((e) => (e.type === 'DATE' || e.type === 'TIME') && token.start >= e.start && token.end <= e.end);
}

// "I was there", "we visited": an inflected verb (value differs from its lemma) right after the pronoun.
function isPastVerbAt(tokens: Token[], i: number): boolean {
  for (let k = i; k < Math.min(tokens.length, i + 3); k++) {
    const token = tokens[k];
    if (token.pos === 'VERB' || token.pos === 'AUX')
      return (
        /(ed|was|were|saw|met|went|had|been|did|told|came|grew|lived|worked)$/.test(token.lower) &&
        token.lower !== token.lemma
      );
    if (token.pos !== 'ADV') return false;
  }
  return false;
}
