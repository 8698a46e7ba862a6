import { Token } from './nlp-analyser';
import { withoutOpinion } from './opinion-frames';

export interface Clause {
  /** Token range [from, to) within the sentence, edges trimmed of joining punctuation and conjunctions. */
  from: number;
  to: number;
  /** A clause that shares the subject of the clause before it ("…, and raised the rate …"): what its statement carries. */
  carried?: Carry;
  /**
   * A second statement of the same reporting verb ("said the rise was inevitable and that she was considering it"): the
   * speaker stated the two together, so a fact-checker reads it with the first.
   */
  reportedWithPrevious?: boolean;
}

/** What a clause without a subject of its own borrows from the clause before it to be stated on its own. */
export interface Carry {
  /** The subject's token range [from, to). */
  subject: { from: number; to: number };
  /** The auxiliaries or modal (token indices) its verb needs: "will play …, and face …" → "will face …". */
  auxiliaries: number[];
  /** "…, as well as being banned …" after a modal: the gerund stated as this base form ("could be banned …"). */
  gerundBase?: string;
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
  const carries = new Map<number, Carry>();
  const reportedWithPrevious = new Set<number>();
  candidates.forEach(({ at, rightStart, join, reported }, n) => {
    if (at < from) return;
    const rightEnd = candidates[n + 1]?.at ?? tokens.length;
    if (
      join === 'clause' &&
      hasSubjectAndVerb(tokens, from, at) &&
      hasSubjectAndVerb(tokens, rightStart, rightEnd) &&
      !opensWithPronoun(tokens, rightStart, rightEnd)
    ) {
      clauses.push(trim(tokens, from, at));
      if (reported) reportedWithPrevious.add(trim(tokens, rightStart, rightEnd).from);
      from = rightStart;
      return;
    }
    const carry = sharedSubject(tokens, { from, to: at }, { from: rightStart, to: rightEnd }, join);
    if (carry) {
      clauses.push(trim(tokens, from, at));
      carries.set(rightStart, carry);
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
  return clauses
    .filter((c) => c.to > c.from)
    .map((c) =>
      withoutOpinion(tokens, {
        ...c,
        ...(carries.has(c.from) && { carried: carries.get(c.from) }),
        ...(reportedWithPrevious.has(c.from) && { reportedWithPrevious: true }),
      }),
    );
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
  /**
   * `clause`: a joint between two clauses (a subject each, or a verb sharing the left one's subject after ", and" /
   * ", but"); `verb`: " and" + a verb, which can only join a second verb to the left one's subject; `gerund`:
   * ", as well as" + a gerund.
   */
  join: 'clause' | 'verb' | 'gerund';
  /** "… and that …", "…, and that …": the right clause is a second statement of the left one's reporting verb. */
  reported?: true;
}

const DASHES = new Set(['—', '–']);

/** Where a sentence may be cut: at "; ", ", but/and/while …", "and that", and a spaced dash between two statements. */
function splitCandidates(tokens: Token[], startsInsideQuote: boolean): Cut[] {
  const candidates: Cut[] = [];
  const outside = outsideQuotes(tokens, startsInsideQuote);
  tokens.forEach((token, k) => {
    if (!outside[k]) return;
    const next = tokens[k + 1];
    if (token.value === ';' && next) candidates.push({ at: k, rightStart: k + 1, join: 'clause' });
    else if (token.value === ',' && next && JOINERS.has(next.lower) && tokens[k + 2])
      candidates.push({
        at: k,
        rightStart: k + 2,
        join: 'clause',
        ...(next.lower === 'and' && tokens[k + 2].lower === 'that' && { reported: true as const }),
      });
    else if (token.lower === 'and' && tokens[k - 1]?.value !== ',' && next?.lower === 'that' && tokens[k + 2])
      candidates.push({ at: k, rightStart: k + 1, join: 'clause', reported: true });
    else if (DASHES.has(token.value) && k > 0 && next && token.start > tokens[k - 1].end && next.start > token.end)
      candidates.push({ at: k, rightStart: k + 1, join: 'clause' });
    else if (token.lower === 'and' && k > 0 && tokens[k - 1].value !== ',' && next && VERB_POS.has(next.pos))
      candidates.push({ at: k, rightStart: k + 1, join: 'verb' });
    else if (
      token.value === ',' &&
      next?.lower === 'as' &&
      tokens[k + 2]?.lower === 'well' &&
      tokens[k + 3]?.lower === 'as' &&
      tokens[k + 4]
    )
      candidates.push({ at: k, rightStart: k + 4, join: 'gerund' });
  });
  return candidates;
}

const SHARED_JOINERS = new Set(['and', 'but', 'yet']);
const MODALS = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should']);
const FINITE_AUX = new Set([...MODALS, 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'does', 'did']);
const NEGATIONS = new Set(['not', "n't", 'never']);
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ', 'PRON']);
const OPENER_POS = new Set(['ADP', 'ADV', 'SCONJ']);
const MIN_SHARED_WORDS = 3;

/**
 * "The bank held rates at 3 percent in March, and raised the rate to 4 percent in June": a second verb phrase that
 * shares the left clause's subject is a claim of its own when both halves say something checkable. Its span starts at
 * its verb (a claim is a span of the text); what it carries to be stated whole is returned, or null when this joint
 * is not that form. The right side must open with a finite verb (", and" / ", but" / " and") or a gerund (", as well
 * as"); the left needs a subject, a verb without a negation (whose scope would be unclear), and something after it.
 */
function sharedSubject(tokens: Token[], left: Clause, right: Clause, join: Cut['join']): Carry | null {
  if (join === 'clause' && (tokens[left.to].value !== ',' || !SHARED_JOINERS.has(tokens[left.to + 1]?.lower ?? '')))
    return null;
  const verb = mainVerb(tokens, left.from, left.to);
  if (verb < 0) return null;
  const group = verbGroup(tokens, verb, left.to);
  if (!group) return null;
  if (!tokens.slice(group.lexical + 1, left.to).some((t) => CONTENT_POS.has(t.pos))) return null;
  if (words(tokens, left.from, left.to) < MIN_SHARED_WORDS) return null;

  const first = tokens[right.from];
  if (!first || words(tokens, right.from, right.to) < MIN_SHARED_WORDS) return null;
  // "…, and left early" says nothing to check; "…, and banned him from driving" does.
  if (
    !tokens
      .slice(right.from + 1, right.to)
      .some((t) => t.pos === 'VERB' || (CONTENT_POS.has(t.pos) && t.pos !== 'PRON'))
  )
    return null;
  let subjectFrom = left.from;
  // "On Monday, the bank raised …": an opening phrase belongs to the left clause, not to the subject.
  if (OPENER_POS.has(tokens[left.from].pos)) {
    const comma = tokens.findIndex((t, i) => i > left.from && i < verb && t.value === ',');
    if (comma > 0) subjectFrom = comma + 1;
  }
  let subjectTo = verb;
  while (subjectTo > subjectFrom && EDGE.has(tokens[subjectTo - 1].value)) subjectTo--;
  if (subjectTo <= subjectFrom) return null;
  const subject = { from: subjectFrom, to: subjectTo };

  if (join === 'gerund') {
    if (!isGerund(first)) return null;
    const modal = group.auxiliaries.find((i) => MODALS.has(tokens[i].lower));
    const base = first.lower === 'being' ? 'be' : first.lemma !== first.lower ? first.lemma : null;
    return modal !== undefined && base
      ? { subject, auxiliaries: [modal], gerundBase: base }
      : { subject, auxiliaries: [] };
  }
  // " and" alone also joins verbs inside a noun phrase ("people tested and vaccinated"); a comma before the verb says so.
  // Nor may another clause stand between its verb and the " and" ("… a group that has met since May and includes …"):
  // the second verb would join that clause's verb.
  if (
    join === 'verb' &&
    (tokens.slice(left.from, verb).some((t) => t.value === ',') ||
      tokens.slice(group.lexical + 1, left.to).some((t) => VERB_POS.has(t.pos) || RELATIVE_PRONOUNS.has(t.lower)))
  )
    return null;
  if (first.pos === 'AUX') return FINITE_AUX.has(first.lower) ? { subject, auxiliaries: [] } : null;
  if (first.pos !== 'VERB' || isGerund(first)) return null;
  const form = verbForm(first);
  // "decided to cut costs, and raise prices …": a bare verb may join the infinitive rather than the subject's verb.
  if (
    form === 'base' &&
    tokens.slice(group.lexical + 1, left.to).some((t, i, rest) => t.lower === 'to' && rest[i + 1]?.pos === 'VERB')
  )
    return null;
  const carriesAuxiliaries = group.auxiliaries.length > 0 && verbForm(tokens[group.lexical]) === form;
  return { subject, auxiliaries: carriesAuxiliaries ? group.auxiliaries : [] };
}

/**
 * The left clause's main verb: the first verb after a subject, passing over a relative clause's verb inside the
 * subject ("Those who break the rules could face …"); -1 when there is none or a quotation comes first.
 */
function mainVerb(tokens: Token[], from: number, to: number): number {
  let subject = false;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.value === '“' || token.value === '"') return -1;
    if (i > from && RELATIVE_PRONOUNS.has(token.lower)) {
      while (i + 1 < to && tokens[i + 1].pos === 'AUX') i++;
      if (tokens[i + 1]?.pos === 'VERB') i++;
      continue;
    }
    if (VERB_POS.has(token.pos)) return subject ? i : -1;
    if (SUBJECT_POS.has(token.pos)) subject = true;
  }
  return -1;
}

const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that']);

/** The auxiliaries before the lexical verb ("could be", "has since accused"), or null when the group is negated. */
function verbGroup(tokens: Token[], verb: number, to: number): { auxiliaries: number[]; lexical: number } | null {
  const auxiliaries: number[] = [];
  let i = verb;
  for (; i < to && (tokens[i].pos === 'AUX' || tokens[i].pos === 'ADV' || tokens[i].pos === 'PART'); i++) {
    if (NEGATIONS.has(tokens[i].lower)) return null;
    if (tokens[i].pos === 'AUX') auxiliaries.push(i);
    else if (tokens[i].pos === 'PART') break;
  }
  if (i < to && tokens[i].pos === 'VERB') return { auxiliaries, lexical: i };
  const lexical = auxiliaries.pop();
  return lexical === undefined ? null : { auxiliaries, lexical };
}

function isGerund(token: Token): boolean {
  return token.lower.length > 4 && token.lower.endsWith('ing') && (VERB_POS.has(token.pos) || token.pos === 'NOUN');
}

/** A verb's form as far as the tagger tells: its base ("face"), a gerund, or another (past, participle, -s). */
function verbForm(token: Token): 'base' | 'gerund' | 'other' {
  if (isGerund(token) && token.lemma !== token.lower) return 'gerund';
  return token.lemma === token.lower ? 'base' : 'other';
}

function words(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (tokens[i].type === 'word' || tokens[i].type === 'number') n++;
  return n;
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

/**
 * The claim as a reader would state it on its own: the span's text, or, for a clause sharing the subject of the one
 * before it, that subject (and the auxiliaries its verb needs) before the span's words. `start`/`end` is the claim's
 * span in `body`; nothing of the subject before `contentStart` (a dateline) is carried.
 */
export function clauseStatement(
  body: string,
  tokens: Token[],
  clause: Clause,
  span: { start: number; end: number },
  contentStart = 0,
): string {
  const text = body.slice(span.start, span.end);
  const carry = clause.carried;
  if (!carry) return text;
  const subjectTokens = tokens.slice(carry.subject.from, carry.subject.to).filter((t) => t.start >= contentStart);
  if (subjectTokens.length === 0) return text;
  const subject = body.slice(subjectTokens[0].start, subjectTokens[subjectTokens.length - 1].end).replace(/\s+/g, ' ');
  const auxiliaries = carry.auxiliaries.map((i) => tokens[i].value.toLowerCase());
  const words = carry.gerundBase ? carry.gerundBase + body.slice(tokens[clause.from].end, span.end) : text;
  const statement = [subject, ...auxiliaries, words].join(' ');
  return statement.charAt(0).toUpperCase() + statement.slice(1);
}
