import { Token } from './nlp-analyser';

export interface Clause {
  /** Token range [from, to) within the sentence, edges trimmed of joining punctuation and conjunctions. */
  from: number;
  to: number;
}

const JOINERS = new Set(['but', 'while', 'and', 'whereas', 'yet']);
const SUBJECT_POS = new Set(['NOUN', 'PROPN', 'PRON', 'NUM']);
const VERB_POS = new Set(['VERB', 'AUX']);
const EDGE = new Set([',', ';', ':', '-', '–', '—']);

/** Splits a sentence at ", but" / "; " / ", while" / ", and" when both sides carry their own subject and verb. */
export function splitClauses(tokens: Token[], startsInsideQuote: boolean): Clause[] {
  const candidates = splitCandidates(tokens, startsInsideQuote);
  const clauses: Clause[] = [];
  let from = 0;
  candidates.forEach((k, n) => {
    const rightStart = tokens[k].value === ';' ? k + 1 : k + 2;
    const rightEnd = candidates[n + 1] ?? tokens.length;
    if (hasSubjectAndVerb(tokens, from, k) && hasSubjectAndVerb(tokens, rightStart, rightEnd)) {
      clauses.push(trim(tokens, from, k));
      from = rightStart;
    }
  });
  clauses.push(trim(tokens, from, tokens.length));
  return clauses.filter((c) => c.to > c.from);
}

function splitCandidates(tokens: Token[], startsInsideQuote: boolean): number[] {
  const candidates: number[] = [];
  let inside = startsInsideQuote;
  tokens.forEach((token, k) => {
    if (token.value === '"') inside = !inside;
    else if (token.value === '“') inside = true;
    else if (token.value === '”') inside = false;
    if (inside) return;
    const next = tokens[k + 1];
    if (token.value === ';' && next) candidates.push(k);
    else if (token.value === ',' && next && JOINERS.has(next.lower) && tokens[k + 2]) candidates.push(k);
  });
  return candidates;
}

// The subject must come before the first verb: "…, and now says …" shares its subject and stays whole.
function hasSubjectAndVerb(tokens: Token[], from: number, to: number): boolean {
  let subject = false;
  for (let i = from; i < to; i++) {
    if (tokens[i].value === '“' || tokens[i].value === '"') return false;
    if (VERB_POS.has(tokens[i].pos)) return subject;
    if (SUBJECT_POS.has(tokens[i].pos)) subject = true;
  }
  return false;
}

function trim(tokens: Token[], from: number, to: number): Clause {
  while (from < to && (EDGE.has(tokens[from].value) || (JOINERS.has(tokens[from].lower) && from > 0))) from++;
  while (to > from && EDGE.has(tokens[to - 1].value)) to--;
  return { from, to };
}
