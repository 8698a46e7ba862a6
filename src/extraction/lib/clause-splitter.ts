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
const RELATIVE = new Set(['which', 'who']);
const NOUN_PHRASE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const RANKING = /^(first|second|third|fourth|fifth|last|largest|highest|lowest|biggest|smallest|most|least|\w+est)$/;
const STANDING_FOR = new Set(['it', 'they', 'this', 'that', 'these', 'those']);

/**
 * Splits a sentence at ", but" / "; " / ", while" / ", and" / a spaced dash — and at "and that" between two reported
 * statements — when both sides carry their own subject and verb.
 */
export function splitClauses(tokens: Token[], startsInsideQuote: boolean): Clause[] {
  const candidates = splitCandidates(tokens, startsInsideQuote);
  const clauses: Clause[] = [];
  let from = 0;
  // "While 54 nations have signed it, only 27 have ratified it": an opening contrast holds a fact of its own.
  const opening = startsInsideQuote ? null : openingContrast(tokens);
  if (
    opening &&
    hasSubjectAndVerb(tokens, 1, opening) &&
    hasSubjectAndVerb(tokens, opening + 1, candidates[0]?.at ?? tokens.length)
  ) {
    clauses.push(trim(tokens, 1, opening));
    from = opening + 1;
  }
  candidates.forEach(({ at, rightStart }, n) => {
    if (at < from) return;
    const rightEnd = candidates[n + 1]?.at ?? tokens.length;
    if (
      hasSubjectAndVerb(tokens, from, at) &&
      hasSubjectAndVerb(tokens, rightStart, rightEnd) &&
      !opensWithPronoun(tokens, rightStart, rightEnd)
    ) {
      clauses.push(trim(tokens, from, at));
      from = rightStart;
    }
  });
  const withFact = startsInsideQuote ? null : closingWithFact(tokens, from);
  if (withFact !== null) {
    clauses.push(trim(tokens, from, withFact));
    from = withFact + 1;
  }
  const last = trim(tokens, from, tokens.length);
  const relative = closingRelativeClause(tokens, last);
  if (relative) clauses.push({ from: last.from, to: relative.comma }, { from: relative.antecedent, to: last.to });
  else clauses.push(last);
  return clauses.filter((c) => c.to > c.from);
}

/**
 * "The court voted 6-3 to uphold the law, which raised fees by 7 percent, the third increase in four years": a
 * closing relative clause that carries a fact of its own (a number, a ranking) is a second claim, spanning from the
 * noun it describes ("the law, which raised …"), so it reads whole; the main clause ends before the comma.
 */
function closingRelativeClause(tokens: Token[], clause: Clause): { comma: number; antecedent: number } | null {
  for (let k = clause.from + 1; k + 2 < clause.to; k++) {
    if (tokens[k].value !== ',' || !RELATIVE.has(tokens[k + 1].lower) || !VERB_POS.has(tokens[k + 2].pos)) continue;
    let antecedent = k;
    while (antecedent > clause.from && NOUN_PHRASE_POS.has(tokens[antecedent - 1].pos)) antecedent--;
    const carriesFact = tokens.slice(k + 1, clause.to).some((t) => t.pos === 'NUM' || RANKING.test(t.lower));
    if (antecedent < k && carriesFact && hasSubjectAndVerb(tokens, clause.from, antecedent))
      return { comma: k, antecedent };
  }
  return null;
}

/**
 * "The branch lost 24 million pounds, with turnover at 1.4 billion": a closing ", with …" that carries a number of its
 * own is a second fact; the comma where the last clause ends, or null. The clause before it must stand on its own.
 */
function closingWithFact(tokens: Token[], from: number): number | null {
  const outside = outsideQuotes(tokens, false);
  for (let k = from + 1; k + 2 < tokens.length; k++) {
    if (!outside[k] || tokens[k].value !== ',' || tokens[k + 1].lower !== 'with') continue;
    const rest = tokens.slice(k + 2);
    if (rest.some((t) => t.pos === 'NUM') && !rest.some((t) => t.value === ',') && hasSubjectAndVerb(tokens, from, k))
      return k;
  }
  return null;
}

const CONTRASTS = new Set(['while', 'although', 'though', 'whereas']);

/** The comma that closes a sentence's opening "While …," / "Although …," clause (outside quotes), or null. */
function openingContrast(tokens: Token[]): number | null {
  if (!CONTRASTS.has(tokens[0]?.lower ?? '')) return null;
  for (let k = 2; k < tokens.length - 2; k++) {
    const value = tokens[k].value;
    if (value === '"' || value === '“' || value === '”') return null;
    if (value === ',') return k;
  }
  return null;
}

// "…, but it has since fallen", "…, but that would be a non-starter": what the pronoun stands for is in the other
// clause, so the clause stays with it. ("he" and "she" after a reporting verb are mostly the speaker, whom the claim
// names as its claimant.)
function opensWithPronoun(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (SUBJECT_POS.has(tokens[i].pos)) return tokens[i].pos === 'PRON' && STANDING_FOR.has(tokens[i].lower);
  }
  return false;
}

/** Per token: whether it stands outside quotation marks (a straight quote toggles; curly ones open and close). */
function outsideQuotes(tokens: Token[], startsInsideQuote: boolean): boolean[] {
  let inside = startsInsideQuote;
  return tokens.map((token) => {
    if (token.value === '"') inside = !inside;
    else if (token.value === '“') inside = true;
    else if (token.value === '”') inside = false;
    return !inside;
  });
}

interface Cut {
  /** The left clause ends before `at`, the right one starts at `rightStart`. */
  at: number;
  rightStart: number;
}

const DASHES = new Set(['—', '–']);

/** Where a sentence may be cut: at "; ", ", but/and/while …", "and that", and a spaced dash between two statements. */
function splitCandidates(tokens: Token[], startsInsideQuote: boolean): Cut[] {
  const candidates: Cut[] = [];
  const outside = outsideQuotes(tokens, startsInsideQuote);
  tokens.forEach((token, k) => {
    if (!outside[k]) return;
    const next = tokens[k + 1];
    if (token.value === ';' && next) candidates.push({ at: k, rightStart: k + 1 });
    else if (token.value === ',' && next && JOINERS.has(next.lower) && tokens[k + 2])
      candidates.push({ at: k, rightStart: k + 2 });
    else if (token.lower === 'and' && tokens[k - 1]?.value !== ',' && next?.lower === 'that' && tokens[k + 2])
      candidates.push({ at: k, rightStart: k + 1 });
    else if (DASHES.has(token.value) && k > 0 && next && token.start > tokens[k - 1].end && next.start > token.end)
      candidates.push({ at: k, rightStart: k + 1 });
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
  // "…, and that 12 remain in custody": the statement is what follows "that".
  if (from > 0 && from < to && tokens[from].lower === 'that' && JOINERS.has(tokens[from - 1].lower)) from++;
  while (to > from && EDGE.has(tokens[to - 1].value)) to--;
  return { from, to };
}
