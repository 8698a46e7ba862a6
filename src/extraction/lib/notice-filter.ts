import { Token } from './nlp-analyser';
import { holdsMeasure } from './view-filter';

/** "is asked to call", "are urged to avoid": the desk's readers are asked to do something. */
const APPEAL = /\b(is|are)\s+(asked|urged|advised|encouraged|invited|requested)\s+to\b/i;
/** "Call 101", "Please contact …": an instruction opening the sentence. */
const INSTRUCTION = /^(please\s+)?(call|contact|visit|email|e-mail|write to|submit|sign up|register)\b/i;
/** "is scheduled for January 14", "will take place on Thursday", "go on sale on Friday": when and where, not what. */
const SCHEDULE =
  /\b((is|are|was|were)\s+(scheduled|set|due|slated)\s+(for|to\s+(begin|start|open|close|end|resume|take place|be held))|(will|to)\s+(take place|be held)|go(es)?\s+on\s+sale)\b/i;

/** A word each match of APPEAL holds, and one each match of SCHEDULE holds. */
const APPEAL_WORDS = new Set(['asked', 'urged', 'advised', 'encouraged', 'invited', 'requested']);
const SCHEDULE_WORDS = new Set(['scheduled', 'set', 'due', 'slated', 'place', 'held', 'sale']);

/**
 * A notice rather than a claim: an appeal to the public, or an event's schedule with nothing to measure beside its date
 * and place. Like a view, it is a candidate at most.
 */
export function isNotice(tokens: Token[], text: string): boolean {
  if (INSTRUCTION.test(text.trim())) return true;
  // The patterns scan the whole text; most sentences hold none of the words they turn on.
  if (tokens.some((t) => APPEAL_WORDS.has(t.lower)) && APPEAL.test(text)) return true;
  return tokens.some((t) => SCHEDULE_WORDS.has(t.lower)) && SCHEDULE.test(text) && !holdsMeasure(tokens);
}
