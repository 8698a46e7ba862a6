import { Token } from './nlp-analyser';
import { REPORTING_VERBS } from './reporting-verbs';

/** Head nouns of a rule, measure or deal whose terms can be read and checked. */
const RULE_NOUNS = new Set([
  'measure',
  'rule',
  'law',
  'bill',
  'act',
  'ban',
  'policy',
  'regulation',
  'requirement',
  'mandate',
  'legislation',
  'amendment',
  'directive',
  'decree',
  'ordinance',
  'guidance',
  'guideline',
  'restriction',
  'scheme',
  'reform',
  'agreement',
  'deal',
  'treaty',
  'tariff',
  'levy',
  'exemption',
  'sanction',
]);
const FUTURE_MODALS = new Set(['would', 'will', 'shall', "'ll"]);
/** "would have …": a counterfactual, not a rule's terms. */
const PERFECT = new Set(['have', "'ve", '’ve']);
/** Parts of speech of a noun phrase's words before its head: "the new", "England's", "the Health Act". */
const NOUN_PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PART']);
/** Verbs that put a description on something in a speaker's words: "described the war as a stalemate". */
const CHARACTERISING = new Set(['describe', 'characterise', 'characterize', 'label', 'brand', 'portray', 'depict']);

const SPEAKER_OR_LISTENER = new Set(['i', 'we', 'you']);

/**
 * Forms a fact-checker takes whatever a model trained on debate talk scores them, because what they state can be
 * looked up: the terms of a rule or a deal in the future of the news ("The measure would apply to …", "The new rules
 * will exempt …"), which debates voice as hypotheticals; and someone's description of a situation ("The general
 * described the war as a stalemate"), a record of what was said and a claim about the situation. `ruleNamedBefore`
 * tells whether the sentence before names a rule an "it" may stand for; it is asked only of a clause whose subject is
 * "it", so a caller can work it out once per sentence and only when asked.
 */
export function statesCheckableForm(tokens: Token[], ruleNamedBefore: () => boolean = () => false): boolean {
  return statesRuleTerms(tokens, ruleNamedBefore) || characterises(tokens);
}

/** Whether a sentence names a rule, measure or deal ("Ministers announced a ban on …"). */
export function namesRule(tokens: Token[]): boolean {
  return tokens.some((t) => t.pos === 'NOUN' && RULE_NOUNS.has(t.lemma));
}

const REPORTING = new Set(REPORTING_VERBS);
/** Words of a speaker before a reporting verb: "He", "Grant Shapps, the Transport Secretary,". */
const SPEAKER_POS = new Set([...NOUN_PHRASE_POS, 'PRON', 'PUNCT']);
const EXTRAPOSED = new Set(['to', 'that', 'for']);

/**
 * A clause whose subject is a rule, measure or deal ("The measure", "the new rules", "The agreement, signed in May,"),
 * or "it" for one named in the sentence before, followed by a future modal and the terms: "would apply to …", "will
 * require …", "would except …"; also when reported ("He said it would be a condition of travel").
 */
export function statesRuleTerms(tokens: Token[], ruleNamedBefore: () => boolean = () => false): boolean {
  const from = afterReportingFrame(tokens);
  let i = from;
  let head: Token | null = null;
  while (i < tokens.length && NOUN_PHRASE_POS.has(tokens[i].pos) && !FUTURE_MODALS.has(tokens[i].lower)) {
    if (tokens[i].pos === 'NOUN' || tokens[i].pos === 'PROPN') head = tokens[i];
    i++;
  }
  if (i === from && tokens[i]?.lower === 'it') {
    if (!standsForRule(tokens, i, ruleNamedBefore)) return false;
    i++;
  } else if (!head || !RULE_NOUNS.has(head.lemma)) return false;
  // "The measure, addressing the spread of the virus, would …": a phrase set off by commas belongs to the subject.
  if (tokens[i]?.value === ',') {
    const closing = tokens.findIndex((t, k) => k > i && t.value === ',');
    if (closing < 0) return false;
    i = closing + 1;
  }
  const modal = tokens[i];
  const next = tokens[i + 1];
  return modal !== undefined && FUTURE_MODALS.has(modal.lower) && next !== undefined && !PERFECT.has(next.lower);
}

/** Where a reported statement starts after "He said (that)", "Officials told reporters (that)"; 0 when not reported. */
function afterReportingFrame(tokens: Token[]): number {
  const verb = tokens.findIndex((t) => t.pos === 'VERB' && REPORTING.has(t.lemma));
  if (verb <= 0 || !tokens.slice(0, verb).every((t) => SPEAKER_POS.has(t.pos) || t.pos === 'AUX')) return 0;
  return tokens[verb + 1]?.lower === 'that' ? verb + 2 : verb + 1;
}

/**
 * The "it" at `it` stands for a rule the sentence before names ("Ministers announced the ban. It will apply …"), unless
 * it stands for what follows ("it would be wrong to …").
 */
function standsForRule(tokens: Token[], it: number, ruleNamedBefore: () => boolean): boolean {
  const extraposed =
    tokens[it + 2]?.lower === 'be' &&
    tokens[it + 3]?.pos === 'ADJ' &&
    tokens.slice(it + 4).some((t) => EXTRAPOSED.has(t.lower));
  return !extraposed && ruleNamedBefore();
}

/**
 * "The general described the war as a stalemate", "Officials portrayed the talks as a failure": a characterising verb
 * after a named or titled subject (not "I" or "you", whose view is their own), then "as".
 */
export function characterises(tokens: Token[]): boolean {
  const verb = tokens.findIndex((t) => t.pos === 'VERB' && CHARACTERISING.has(t.lemma));
  if (verb <= 0) return false;
  const subject = tokens.slice(0, verb);
  return (
    subject.some((t) => t.pos === 'PROPN' || t.pos === 'NOUN') &&
    !subject.some((t) => SPEAKER_OR_LISTENER.has(t.lower)) &&
    tokens.some((t, k) => k > verb + 1 && t.lower === 'as')
  );
}
