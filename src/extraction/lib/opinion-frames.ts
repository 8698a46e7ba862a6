import type { Clause } from './clause-splitter';
import { Token } from './nlp-analyser';
import { holdsMeasure } from './view-filter';

/**
 * Words that judge a fact rather than state one: "It is shameful that …", "…, which is a scandal". Only judgements of
 * something taken as true belong here; "likely" or "possible" would leave the fact unasserted.
 */
const JUDGING = new Set([
  'shameful',
  'disgraceful',
  'outrageous',
  'scandalous',
  'unacceptable',
  'appalling',
  'shocking',
  'sad',
  'tragic',
  'regrettable',
  'unfortunate',
  'ironic',
  'absurd',
  'ridiculous',
  'alarming',
  'worrying',
  'troubling',
  'disturbing',
  'shame',
  'disgrace',
  'scandal',
  'outrage',
  'tragedy',
  'pity',
  'travesty',
]);
/**
 * Frames that assert what follows them ("It is clear that …", "It's a fact that …"). After a fact the same words are
 * a verdict on it ("…, that's not true", "…, which is wrong"), which is the claim, so they judge only in a frame.
 */
const ASSERTING = new Set(['clear', 'obvious', 'undeniable', 'true', 'fact', 'remarkable', 'astonishing', 'striking']);
const BE = new Set(['is', 'was', "'s", '’s']);
/** Words a judging frame may hold between "It is" and "that": "It is deeply shameful", "It's a national disgrace". */
const FRAME_POS = new Set(['ADV', 'ADJ', 'DET', 'NOUN']);
const TAIL_SUBJECTS = new Set(['which', 'that', 'this']);

/**
 * The claim a clause holds without the opinion around it: "It is shameful that [the ministry spent 2 million pounds]",
 * "[The council closed 12 libraries], which is a disgrace", "[…], and that is a scandal". The frame is cut only when it
 * judges and has nothing of its own to check; the clause is returned as it is otherwise.
 */
export function withoutOpinion(tokens: Token[], clause: Clause): Clause {
  let { from, to } = clause;
  if (!clause.carried) from = afterJudgingFrame(tokens, from, to) ?? from;
  to = beforeJudgingTail(tokens, from, to) ?? to;
  return from === clause.from && to === clause.to ? clause : { ...clause, from, to };
}

/** "It is (deeply) shameful that …", "It's a fact that …": the index after "that", or null. */
function afterJudgingFrame(tokens: Token[], from: number, to: number): number | null {
  if (tokens[from]?.lower !== 'it' || !BE.has(tokens[from + 1]?.lower ?? '')) return null;
  let k = from + 2;
  let judges = false;
  while (k < to && FRAME_POS.has(tokens[k].pos) && tokens[k].lower !== 'that') {
    judges ||= judging(tokens[k]) || ASSERTING.has(tokens[k].lower);
    k++;
  }
  return judges && tokens[k]?.lower === 'that' && k + 2 < to ? k + 1 : null;
}

/** "…, which is a disgrace", "…, and that's outrageous": the comma where the fact ends, or null. */
function beforeJudgingTail(tokens: Token[], from: number, to: number): number | null {
  for (let k = from + 2; k + 2 < to; k++) {
    if (tokens[k].value !== ',') continue;
    const subject = tokens[k + 1].lower === 'and' ? k + 2 : k + 1;
    if (!TAIL_SUBJECTS.has(tokens[subject]?.lower ?? '') || !BE.has(tokens[subject + 1]?.lower ?? '')) continue;
    const tail = tokens.slice(subject + 2, to);
    const kept = tokens.slice(from, k);
    if (tail.some(judging) && !holdsMeasure(tail) && kept.some((t) => t.pos === 'VERB')) return k;
  }
  return null;
}

function judging(token: Token): boolean {
  return JUDGING.has(token.lemma) || JUDGING.has(token.lower);
}
