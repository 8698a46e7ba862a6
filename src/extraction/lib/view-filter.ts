import { isYear, MONTHS } from '../../common/calendar-words';
import { Token } from './nlp-analyser';

/** Words of feeling, hope and expectation: "cautiously optimistic", "ease the concerns", "they expect a decision". */
const FEELINGS = new Set([
  'optimistic',
  'pessimistic',
  'hopeful',
  'confident',
  'concern',
  'concerned',
  'worried',
  'worry',
  'fear',
  'afraid',
  'pleased',
  'delighted',
  'disappointed',
  'happy',
  'sad',
  'angry',
  'proud',
  'grateful',
  'regret',
  'expect',
  'hope',
  'welcome',
  'inevitable',
]);
/** "a disaster", "a disgrace": a verdict in a word. */
const JUDGEMENTS = new Set(['disaster', 'shame', 'disgrace', 'scandal']);
/** "nowhere near enough", "not enough": a judgement of sufficiency (unlike "enough to start trading"). */
const SHORT_OF = new Set(['not', "n't", 'nowhere', 'near', 'hardly', 'barely']);
const COUNTERFACTUAL_AUX = new Set(['would', 'could', 'might', 'should']);
const HEDGES = new Set(['might']);

/**
 * A clause that voices a view and holds nothing a fact-checker could measure: a feeling or an expectation, a judgement
 * ("too big", "not enough", "a disgrace"), a counterfactual ("would have been"), a simile ("as if") or a hedge ("might be"),
 * with no number, amount or date to check. Its score is lowered, so it is a candidate at most.
 */
export function voicesViewOnly(tokens: Token[]): boolean {
  if (holdsMeasure(tokens)) return false;
  return tokens.some((token, i) => {
    const next = tokens[i + 1];
    return (
      FEELINGS.has(token.lemma) ||
      FEELINGS.has(token.lower) ||
      JUDGEMENTS.has(token.lower) ||
      (token.lower === 'enough' && SHORT_OF.has(tokens[i - 1]?.lower ?? '')) ||
      (token.lower === 'too' && next?.pos === 'ADJ') ||
      (token.lower === 'as' && (next?.lower === 'if' || next?.lower === 'though')) ||
      HEDGES.has(token.lower) ||
      (COUNTERFACTUAL_AUX.has(token.lower) && /^(have|['’]ve)$/.test(next?.lower ?? '')) ||
      /^(would|could|might|should)['’]ve$/.test(token.lower)
    );
  });
}

/**
 * A number, an amount or a percentage to measure a claim against — not a year, a date ("September 13"), a count of
 * who is meant ("the two firms") or a label ("Courtroom 3").
 */
export function holdsMeasure(tokens: Token[]): boolean {
  return tokens.some(
    (token, i) => isMeasure(token) && !isDate(tokens, i) && !namesAGroup(tokens, i) && !isLabel(tokens, i),
  );
}

/** "Courtroom 3", "Terminal 5": a number naming the thing before it. */
function isLabel(tokens: Token[], i: number): boolean {
  return i > 1 && tokens[i - 1].pos === 'PROPN' && /^\d+$/.test(tokens[i].value);
}

/** A number other than a year, an amount of money, a percentage: something to measure the claim against. */
function isMeasure(token: Token): boolean {
  if (token.type === 'currency' || token.value === '%') return true;
  if (token.type !== 'number' && token.pos !== 'NUM') return false;
  return !isYear(token.value);
}

const SPANS = new Set(['day', 'days', 'week', 'weeks', 'month', 'months', 'year', 'years']);
const RELATIVE_TO = new Set(['after', 'before', 'ago', 'later', 'earlier']);

/** "September 13", "13 September", "two days after the ruling": a number that dates the sentence, not a measure. */
function isDate(tokens: Token[], i: number): boolean {
  const before = tokens[i - 1]?.lower ?? '';
  const after = tokens[i + 1]?.lower ?? '';
  return MONTHS.has(before) || MONTHS.has(after) || (SPANS.has(after) && RELATIVE_TO.has(tokens[i + 2]?.lower ?? ''));
}

/** "the two firms", "the three parties": a number in words after "the" counts who is meant, it measures nothing. */
function namesAGroup(tokens: Token[], i: number): boolean {
  return tokens[i - 1]?.lower === 'the' && /^\p{L}+$/u.test(tokens[i].value);
}
