import { isBoilerplate, isQuestion } from './boilerplate-filter';
import { ClaimantMention, findClaimant, findNamedSubject } from './claimant-finder';
import type { ClaimTier } from '../../claims/claim-status';
import type { ClaimType, ExtractedEntity } from '../../claims/claim-types';
import { typeClaim } from './claim-typer';
import { CheckworthinessModel } from './checkworthiness-model';
import { namesRule, statesCheckableForm } from './checkable-forms';
import { Clause, clauseStatement, splitClauses } from './clause-splitter';
import { Token } from './nlp-analyser';
import { Sentence, splitSentences } from './sentence-splitter';
import { isNotice } from './notice-filter';
import { voicesViewOnly } from './view-filter';

export { CheckworthinessModel } from './checkworthiness-model';

export interface ExtractedClaim {
  ordinal: number;
  /** The span's words: `body.slice(start, end)`. */
  text: string;
  /**
   * The claim as a reader would state it on its own: the text, or for a verb phrase sharing the subject of the clause
   * before it, that subject carried in ("The bank raised the rate …" for the span "raised the rate …").
   */
  statement: string;
  start: number;
  end: number;
  sentenceIndex: number;
  checkworthiness: number;
  type: ClaimType;
  claimant: string | null;
  entities: ExtractedEntity[];
  /** `claim`: at or above the threshold, for review; `candidate`: below it but not under the floor, kept for an editor. */
  tier: ClaimTier;
}

export interface ExtractOptions {
  minCheckworthiness: number;
  /** Scores from here up to the threshold are candidates; without one (or at or above the threshold) there are none. */
  candidateFloor?: number;
}

const MIN_WORDS = 3;
/** The step below the threshold a capped score takes (scores are rounded to four places). */
const BELOW = 0.0001;
const FIRST_PERSON_SPEAKERS = new Set(['i', 'we']);
let defaultModel: CheckworthinessModel | undefined;

export class ClaimExtractor {
  private readonly model: CheckworthinessModel;

  constructor(model?: CheckworthinessModel) {
    this.model = model ?? (defaultModel ??= CheckworthinessModel.load());
  }

  get threshold(): number {
    return this.model.threshold;
  }

  score(text: string): number {
    return this.model.scoreText(text);
  }

  extract(body: string, options: ExtractOptions): ExtractedClaim[] {
    return this.extractCounted(body, options).claims;
  }

  /** The claims, and how many sentences the body has (so pieces of a long text can be numbered as one). */
  extractCounted(body: string, options: ExtractOptions): { claims: ExtractedClaim[]; sentenceCount: number } {
    const sentences = splitSentences(body);
    const claimants = resolveClaimants(sentences, body);
    const claims: ExtractedClaim[] = [];
    const skipHeadline = headlineRepeated(sentences, body);
    sentences.forEach((sentence, s) => {
      const text = body.slice(sentence.start, sentence.end);
      if (
        (s === 0 && skipHeadline) ||
        isBoilerplate(text) ||
        isQuestion(text) ||
        wordCount(sentence.tokens) < MIN_WORDS
      )
        return;
      const reported = claimants.own[s] !== null;
      // "As I have said, …": a speaker citing themselves reports nothing of someone else's.
      const reportedOfOthers = reported && !FIRST_PERSON_SPEAKERS.has(claimants.own[s]!.toLowerCase());
      const contentStart = sentence.start + datelineLength(text);
      const scoreStatement = this.statementScorer();
      // Worked out once for the sentence, and only if a clause asks: run-on text can hold thousands of clauses.
      let ruleBefore: boolean | undefined;
      const ruleNamedBefore = () => (ruleBefore ??= s > 0 && namesRule(sentences[s - 1].tokens));
      const { clauses, sharedScore } = this.keepSplitsWorthChecking(
        body,
        sentence,
        splitClauses(sentence.tokens, sentence.startsInsideQuote),
        scoreStatement,
      );
      for (const clause of clauses) {
        const tokens = sentence.tokens.slice(clause.from, clause.to).filter((t) => t.start >= contentStart);
        if (tokens.length === 0) continue;
        const start = tokens[0].start;
        const end = tokens[tokens.length - 1].end;
        const entities = entitiesWithin(sentence.entities, start, end);
        const spanText = body.slice(start, end);
        const statement = clauseStatement(body, sentence.tokens, clause, { start, end }, contentStart);
        // A claim is scored as it is stated: "found the rule unlawful" alone reads as nothing worth checking.
        const modelScore = Math.max(
          statement === spanText ? this.model.score(tokens, entities) : scoreStatement(statement),
          sharedScore.get(clause) ?? 0,
        );
        const voiced =
          reportedOfOthers || sentence.startsInsideQuote || sentence.endsInsideQuote || tokens.some(isQuoteMark);
        // Someone's view with nothing to measure, or a notice, is never queued by itself: a candidate at most.
        const capped = (voiced && voicesViewOnly(tokens)) || isNotice(tokens, spanText);
        const checkworthiness = round(
          capped
            ? Math.min(modelScore, this.model.threshold - BELOW)
            : statesCheckableForm(tokens, ruleNamedBefore)
              ? Math.max(modelScore, this.model.threshold)
              : modelScore,
        );
        if (
          checkworthiness < Math.min(options.minCheckworthiness, options.candidateFloor ?? options.minCheckworthiness)
        )
          continue;
        claims.push({
          ordinal: claims.length,
          text: spanText,
          statement,
          start,
          end,
          sentenceIndex: sentence.index,
          checkworthiness,
          type: typeClaim({ tokens, entities, reported }),
          claimant: claimants.resolved[s],
          entities: [...entities, ...properNames(tokens, body)].sort((a, b) => a.start - b.start),
          tier: checkworthiness >= options.minCheckworthiness ? 'claim' : 'candidate',
        });
      }
    });
    return { claims, sentenceCount: sentences.length };
  }

  /** Scores statements parsed anew, each once: a split part's statement is scored to cut the sentence, then as a claim. */
  private statementScorer(): (statement: string) => number {
    const scores = new Map<string, number>();
    return (statement) => {
      let score = scores.get(statement);
      if (score === undefined) scores.set(statement, (score = this.model.scoreText(statement)));
      return score;
    };
  }

  /**
   * A verb phrase split off with the subject it shares ("The court found that it could rule on the case, and found the
   * suspension unlawful") is a claim of its own when the facts stated together are worth checking: each part is then
   * scored at least as the whole, since a fact-checker who takes the sentence checks every fact in it, and a part read
   * alone ("found the suspension unlawful") loses the context the model scored. When the whole is not worth checking,
   * the parts are kept apart only if each is by itself; otherwise they stay one clause, so a split changes how a
   * sentence is cut, never whether its facts are queued. A second statement of the same reporting verb ("said the cuts
   * were inevitable and that she was considering them") is scored the same way, and always stands apart.
   */
  private keepSplitsWorthChecking(
    body: string,
    sentence: Sentence,
    clauses: Clause[],
    scoreStatement: (statement: string) => number,
  ): { clauses: Clause[]; sharedScore: Map<Clause, number> } {
    const kept: Clause[] = [];
    const sharedScore = new Map<Clause, number>();
    // A span stated as its own words is scored from the sentence's parse; only a statement with words carried in is
    // parsed again.
    const scoreOf = (c: Clause) => {
      const start = sentence.tokens[c.from].start;
      const end = sentence.tokens[c.to - 1].end;
      return c.carried
        ? scoreStatement(clauseStatement(body, sentence.tokens, c, { start, end }))
        : this.model.score(sentence.tokens.slice(c.from, c.to), entitiesWithin(sentence.entities, start, end));
    };
    for (const clause of clauses) {
      const left = kept.at(-1);
      if (!(clause.carried || clause.reportedWithPrevious) || !left) {
        kept.push(clause);
        continue;
      }
      const joined: Clause = { from: left.from, to: clause.to, carried: left.carried };
      const wholeScore = Math.max(scoreOf(joined), sharedScore.get(left) ?? 0);
      if (wholeScore >= this.model.threshold) {
        sharedScore.set(left, wholeScore);
        sharedScore.set(clause, wholeScore);
        kept.push(clause);
      } else if (
        clause.reportedWithPrevious ||
        (scoreOf(left) >= this.model.threshold && scoreOf(clause) >= this.model.threshold)
      )
        kept.push(clause);
      else kept[kept.length - 1] = joined;
    }
    return { clauses: kept, sharedScore };
  }
}

/**
 * The entities that lie wholly within [start, end), found by halving (entities are in text order; run-on text can have
 * thousands of them and of clauses).
 */
function entitiesWithin(entities: ExtractedEntity[], start: number, end: number): ExtractedEntity[] {
  let first = 0;
  let last = entities.length;
  while (first < last) {
    const middle = (first + last) >> 1;
    if (entities[middle].start < start) first = middle + 1;
    else last = middle;
  }
  const within: ExtractedEntity[] = [];
  for (let e = first; e < entities.length && entities[e].start < end; e++)
    if (entities[e].end <= end) within.push(entities[e]);
  return within;
}

/**
 * Own claimant per sentence, then the resolved one: pronouns take the latest named claimant, and the sentences of a
 * quote that runs over several sentences all take its speaker.
 */
function resolveClaimants(
  sentences: Sentence[],
  body: string,
): { own: (string | null)[]; resolved: (string | null)[] } {
  const mentions: (ClaimantMention | null)[] = sentences.map((s) => findClaimant(s.tokens, body));
  const resolved: (string | null)[] = [];
  let latest: string | null = null;
  mentions.forEach((mention, i) => {
    const name = mention?.pronoun
      ? latest
      : mention
        ? (titleHolder(mention.text, body.slice(0, sentences[i].start)) ?? mention.text)
        : null;
    resolved.push(name);
    latest = name ?? (mention ? latest : (findNamedSubject(sentences[i].tokens, body) ?? latest));
  });
  // A quotation's speaker, and the paragraph that named it: a quoted paragraph right after it with no speaker of its own
  // goes on with the same voice (news convention: a long quote runs over paragraphs, each opening with a quote mark).
  let lastQuote: { speaker: string; line: number } | null = null;
  for (let i = 0; i < sentences.length; i++) {
    if (!sentences[i].endsInsideQuote && !sentences[i].startsInsideQuote && !startsWithQuote(sentences[i], body))
      continue;
    let end = i;
    while (
      end + 1 < sentences.length &&
      sentences[end].endsInsideQuote &&
      continuesQuote(sentences[end], sentences[end + 1], body)
    )
      end++;
    const previous = i > 0 && sentences[i - 1].line === sentences[i].line ? resolved[i - 1] : null;
    const carried: string | null =
      lastQuote && lastQuote.line >= sentences[i].line - 1 && startsWithQuote(sentences[i], body)
        ? lastQuote.speaker
        : null;
    const speaker: string | null = resolved.slice(i, end + 1).find((name) => name !== null) ?? previous ?? carried;
    for (let k = i; k <= end; k++) resolved[k] ??= speaker;
    if (speaker) lastQuote = { speaker, line: sentences[end].line };
    i = end;
  }
  return { own: mentions.map((m) => (m ? m.text : null)), resolved };
}

/** A speaker named by a title alone: "the commissioner", "The transport secretary", "This Court". */
const TITLE_ONLY = /^(?:[Tt]he|[Tt]his)\s+((?:[a-z][a-z-]*\s+){0,2}[a-zA-Z][a-z-]*)$/;
/** How far back a title is looked for: the article's recent paragraphs, so the work stays bounded on long texts. */
const TITLE_WINDOW = 5_000;
const CAPITALISED = String.raw`\p{Lu}[\p{L}'’.-]*`;
const NAME = String.raw`(${CAPITALISED}(?:\s+${CAPITALISED}){1,3})`;

/**
 * "The commissioner said" after "trade commissioner Albert Muchanga announced": the person the text last named with that
 * title ("commissioner Albert Muchanga", "the secretary, Grant Shapps,"); "the court" and "this Court" after "the
 * Supreme Court of the United Kingdom": the institution last named with that word as its head. Null when it named none.
 */
function titleHolder(speaker: string, before: string): string | null {
  const title = TITLE_ONLY.exec(speaker.trim())?.[1];
  if (!title) return null;
  const words = title.replace(/\s+/g, '\\s+').slice(1);
  const lower = title[0].toLowerCase();
  const upper = title[0].toUpperCase();
  const recent = before.slice(-TITLE_WINDOW);
  const person = lastMatch(recent, new RegExp(String.raw`\b[${upper}${lower}]${words},?\s+${NAME}`, 'gu'));
  if (person) return person;
  // An institution is written with its head word capitalised, after its name and before its "of …" part, within a
  // sentence (no full stop inside) and without the article before it.
  const word = String.raw`\p{Lu}[\p{L}'’-]*`;
  const institution = String.raw`(?<![\p{L}'’-])(?!(?:The|This|That|A|An)\s)((?:${word}\s+){0,3}${upper}${words}(?:\s+of(?:\s+the)?(?:\s+${word}){1,4}){0,2})`;
  const named = [...recent.matchAll(new RegExp(institution, 'gu'))].map((match) => match[1]);
  const last = named.at(-1);
  // "Supreme Court" last, "Supreme Court of the United Kingdom" earlier: the fuller name of the same institution.
  return last
    ? named.reduce((fullest, name) => (name.startsWith(last) && name.length > fullest.length ? name : fullest), last)
    : null;
}

function lastMatch(text: string, pattern: RegExp): string | null {
  let last: string | null = null;
  for (const match of text.matchAll(pattern)) last = match[1];
  return last;
}

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM']);
const LEDE_SENTENCES = 3;

/**
 * A headline (a first line that is one sentence without a full stop) whose content words the lede repeats says
 * nothing the lede does not: the lede's fuller sentence is the claim.
 */
function headlineRepeated(sentences: Sentence[], body: string): boolean {
  const [headline, ...rest] = sentences;
  if (
    !headline ||
    headline.line !== 0 ||
    rest[0]?.line === 0 ||
    /[.!?…]["”’]?\s*$/.test(body.slice(headline.start, headline.end))
  )
    return false;
  const words = new Set(headline.tokens.filter((t) => CONTENT_POS.has(t.pos)).map(headlineWord));
  if (words.size === 0) return false;
  return rest.slice(0, LEDE_SENTENCES).some((sentence) => {
    const lede = new Set(sentence.tokens.map(headlineWord));
    return [...words].filter((w) => lede.has(w)).length >= 0.6 * words.size;
  });
}

/**
 * A word as headline and lede can share it: a headline in title case is tagged as proper nouns, whose lemmas keep
 * their capital and plural ("Officials", "Talks"), so both sides are lower-cased and lose a plural s.
 */
function headlineWord(token: Token): string {
  const word = token.lemma.toLowerCase();
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The next sentence is still inside the quote: on the same line, or opening the next paragraph with a quote mark. */
function continuesQuote(sentence: Sentence, next: Sentence, body: string): boolean {
  return next.line === sentence.line || (next.line === sentence.line + 1 && startsWithQuote(next, body));
}

const OPENING_QUOTES = new Set(['"', '“', '‘', '«'].map((mark) => mark.charCodeAt(0)));
const QUOTE_MARKS = new Set(['"', '“', '”', '‘', '’', '«', '»']);

function startsWithQuote(sentence: Sentence, body: string): boolean {
  return OPENING_QUOTES.has(body.charCodeAt(sentence.start));
}

/** "LONDON (Reuters) - ", "KYIV, Ukraine — ": where a story was filed, not part of what it says. */
const DATELINE = /^\p{Lu}[\p{Lu}.'’ -]{1,30}(,\s*\p{Lu}[\p{L}.'’ ]{1,30})?\s*(\([^)]{1,30}\))?\s+[-—–]+\s+/u;

function datelineLength(sentence: string): number {
  return DATELINE.exec(sentence)?.[0].length ?? 0;
}

function isQuoteMark(token: Token): boolean {
  return token.value.length === 1 && QUOTE_MARKS.has(token.value);
}

function wordCount(tokens: Token[]): number {
  return tokens.reduce((n, t) => (t.type === 'word' || t.type === 'number' ? n + 1 : n), 0);
}

function properNames(tokens: Token[], body: string): ExtractedEntity[] {
  const names: ExtractedEntity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].pos !== 'PROPN') continue;
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1].pos === 'PROPN') j++;
    names.push({
      text: body.slice(tokens[i].start, tokens[j].end),
      type: 'PROPER_NOUN',
      start: tokens[i].start,
      end: tokens[j].end,
    });
    i = j;
  }
  return names;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
