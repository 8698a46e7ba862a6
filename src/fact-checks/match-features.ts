import { MONTH_NAMES } from '../common/calendar-words';
import {
  idf,
  salientTokens,
  scoreCandidate,
  type Candidate,
  type CorpusStats,
  type ScorerParams,
  type TermStat,
} from './match-scorer';
import { contentWords, type WordVectors } from './word-vectors';

/**
 * What the learned ranker (match-ranker.ts) reads of a query and one of its candidates: agreement signals that do
 * not depend on a year's topics — how much of the words, names, numbers and word pairs the two share, and how close
 * their meanings are through word vectors. Each is cheap and bounded by the texts' lengths; only the candidate pool
 * is scored.
 */
export const MATCH_FEATURES = [
  'handScore',
  'bm25f',
  'bm25fPoolBest',
  'bm25Claim',
  'postingsRank',
  'softQuery',
  'softClaim',
  'softQueryTitle',
  'meanVectorClaim',
  'meanVectorTitle',
  'namesOfQuery',
  'namesOfCheck',
  'numbersShared',
  'numbersConflict',
  'wordPairs',
  'media',
  'lexicalPlace',
  'dateAgrees',
  'dateConflicts',
  'posterNamed',
  'rareTermsFound',
] as const;

export type MatchFeatureName = (typeof MATCH_FEATURES)[number];

/**
 * The sentence encoder's agreement (sentence-encoder.ts), after MATCH_FEATURES where the worker matches a claim
 * (models/match-ranker-sentences.json): the cosine of query and claim, of query and headline, and how far the
 * closer of the two falls below the pool's closest.
 */
export const SENTENCE_FEATURES = ['sentenceClaim', 'sentenceHeadline', 'sentenceLead'] as const;

/** How close a query's sentence vector is to a candidate's claim and headline. */
export interface SentenceCosines {
  claim: number;
  headline: number;
}

export function sentenceFeatures(pool: SentenceCosines[]): number[][] {
  const closest = pool.map((c) => Math.max(c.claim, c.headline));
  const best = Math.max(...closest);
  return pool.map((c, i) => [c.claim, c.headline, closest[i] - best]);
}

/** A pool's MATCH_FEATURES rows with the SENTENCE_FEATURES of its cosines after them. */
export function withSentenceColumns(features: number[][], pool: SentenceCosines[]): number[][] {
  const extra = sentenceFeatures(pool);
  return features.map((row, i) => [...row, ...extra[i]]);
}

/** How many of the query's rarest words the rareTermsFound feature looks for. */
export const RARE_TERMS = 3;

/** The BM25F of one candidate, divided by what a document holding every query term once would get: 0 to about 1. */
export function normalisedBm25(
  terms: TermStat[],
  claimVector: Map<string, number>,
  titleVector: Map<string, number>,
  stats: CorpusStats,
  p: Pick<ScorerParams, 'k1' | 'bClaim' | 'bTitle' | 'wClaim' | 'wTitle'>,
): number {
  const normClaim = 1 - p.bClaim + (p.bClaim * claimVector.size) / Math.max(1, stats.avgClaimLength);
  const normTitle = 1 - p.bTitle + (p.bTitle * titleVector.size) / Math.max(1, stats.avgTitleLength);
  let bm25 = 0;
  let maxPossible = 0;
  for (const term of terms) {
    const w = idf(term.ndoc, stats.docCount);
    maxPossible += w;
    const inClaim = claimVector.get(term.lexeme) ?? 0;
    const inTitle = titleVector.get(term.lexeme) ?? 0;
    // An empty field has no length to normalise by (0 / 0 with b = 1): it adds nothing.
    const tf =
      (inClaim > 0 ? (p.wClaim * inClaim) / normClaim : 0) + (inTitle > 0 ? (p.wTitle * inTitle) / normTitle : 0);
    if (tf > 0) bm25 += (w * tf * (p.k1 + 1)) / (tf + p.k1);
  }
  return maxPossible > 0 ? bm25 / (maxPossible * (p.k1 + 1)) : 0;
}

/** Numbers as written ("1,200" and "1200" alike, "40%" as "40"), a year included. */
export function numbersOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const n = m[0].replace(/,/g, '').replace(/\.0+$/, '');
    if (n.length > 0) out.add(n.replace(/^0+(?=\d)/, ''));
  }
  return out;
}

/** Pairs of neighbouring content words by their first six letters ("gun control" → "gun control"). */
export function wordPairs(text: string, words = contentWords(text)): Set<string> {
  const stems = words.map((w) => w.slice(0, 6));
  const out = new Set<string>();
  for (let i = 1; i < stems.length; i += 1) out.add(`${stems[i - 1]} ${stems[i]}`);
  return out;
}

const MONTH = `(${MONTH_NAMES.join('|')})`;

const MONTH_YEAR = new RegExp(`\\b${MONTH}(?:\\s+\\d{1,2})?,?\\s+((?:19|20)\\d{2})\\b`, 'gi');

/** A month as a count of months (year × 12 + month), for distances. */
export interface MentionedDates {
  years: Set<number>;
  months: Set<number>;
}

/** The years (1900–2099) and "Month YYYY" a text names. */
export function datesOf(text: string): MentionedDates {
  const years = new Set<number>();
  const months = new Set<number>();
  for (const m of text.matchAll(/\b(19|20)\d{2}\b/g)) years.add(Number(m[0]));
  for (const m of text.matchAll(MONTH_YEAR)) months.add(Number(m[2]) * 12 + MONTH_NAMES.indexOf(m[1].toLowerCase()));
  return { years, months };
}

const SIGNATURE = new RegExp(
  `[—–-]+\\s*([^—–]{0,80}?)\\s*\\(@\\w+\\)\\s*${MONTH}\\s+\\d{1,2},\\s+((?:19|20)\\d{2})\\s*$`,
  'i',
);

/** An embedded tweet's signature, "— Name (@handle) Month D, YYYY": who posted it and when. */
export function tweetSignature(raw: string): { poster: string; month: number } | null {
  const m = SIGNATURE.exec(raw.slice(-240));
  return m ? { poster: m[1], month: Number(m[3]) * 12 + MONTH_NAMES.indexOf(m[2].toLowerCase()) } : null;
}

/**
 * How a fact-check's dates sit with the query's (the tweet's own date, else the dates it names): 1 when it names the
 * month (or, naming a year alone, the year) within a month, and whether it names years none within one of the query's.
 */
export function dateAgreement(query: MentionedDates, check: MentionedDates): { agrees: number; conflicts: number } {
  if (check.years.size === 0 || (query.years.size === 0 && query.months.size === 0)) return { agrees: 0, conflicts: 0 };
  const queryYears = new Set([...query.years, ...[...query.months].map((m) => Math.floor(m / 12))]);
  let agrees = 0;
  for (const m of check.months) for (const q of query.months) if (Math.abs(m - q) <= 1) agrees = 1;
  if (agrees === 0) for (const y of check.years) if (queryYears.has(y)) agrees = 0.5;
  let near = false;
  for (const y of check.years) for (const q of queryYears) if (Math.abs(y - q) <= 1) near = true;
  return { agrees, conflicts: near ? 0 : 1 };
}

/** A share of `of` found in `within`; 0 when `of` is empty. */
export function sharedShare(of: Set<string>, within: Set<string>): number {
  if (of.size === 0) return 0;
  let shared = 0;
  for (const x of of) if (within.has(x)) shared += 1;
  return shared / of.size;
}

/** The cosine of two vectors; 0 when either is zero. */
export function cosine(a: ArrayLike<number> | null, b: ArrayLike<number> | null): number {
  if (!a || !b) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** What the features need of the query, computed once per search. */
export interface QueryFeatureContext {
  terms: TermStat[];
  stats: CorpusStats;
  params: ScorerParams;
  vectors: WordVectors;
  names: Set<string>;
  /** salientTokens of the query, numbers included: the hand-weighted scorer's. */
  salient: Set<string>;
  numbers: Set<string>;
  pairs: Set<string>;
  /** The query's RARE_TERMS rarest lexemes found in the archive. */
  rareLexemes: string[];
  dates: MentionedDates;
  /** The poster's name's words (of an embedded tweet's signature), lower case. */
  poster: Set<string>;
  meanVector: Float32Array | null;
}

export function queryFeatureContext(
  rawText: string,
  text: string,
  terms: TermStat[],
  stats: CorpusStats,
  params: ScorerParams,
  vectors: WordVectors,
): QueryFeatureContext {
  const names = salientTokens(text);
  const numbers = numbersOf(text);
  for (const n of numbers) names.delete(n);
  const signature = tweetSignature(rawText);
  const dates = datesOf(text);
  if (signature) {
    dates.months.add(signature.month);
    dates.years.add(Math.floor(signature.month / 12));
  }
  return {
    rareLexemes: terms
      .filter((t) => t.ndoc > 0)
      .sort((a, b) => a.ndoc - b.ndoc || (a.lexeme < b.lexeme ? -1 : 1))
      .slice(0, RARE_TERMS)
      .map((t) => t.lexeme),
    dates,
    poster: new Set(contentWords(signature?.poster ?? '').filter((w) => w.length > 2)),
    terms,
    stats,
    params,
    vectors,
    names,
    salient: salientTokens(text),
    numbers,
    pairs: wordPairs(text),
    meanVector: vectors.meanVector(contentWords(text)),
  };
}

/** Each candidate's features, in MATCH_FEATURES order; the pool-relative ones compare it with the others. */
export function matchFeatures(query: QueryFeatureContext, candidates: Candidate[]): number[][] {
  const { terms, stats, params, vectors } = query;
  const bm25 = candidates.map((c) => normalisedBm25(terms, c.claimVector, c.titleVector, stats, params));
  const poolBest = Math.max(0.1, ...bm25);
  const place = places(bm25);
  const rows = candidates.map((c, i) => {
    const text = `${c.claimText} ${c.titleText}`;
    const docNumbers = numbersOf(text);
    const docNames = salientTokens(text);
    const { claimWords, titleWords } = c;
    const words = [...claimWords, ...titleWords];
    for (const n of docNumbers) docNames.delete(n);
    const numbersShared = sharedShare(query.numbers, docNumbers);
    const dates = dateAgreement(query.dates, datesOf(text));
    let rareFound = 0;
    for (const lexeme of query.rareLexemes) if (c.claimVector.has(lexeme) || c.titleVector.has(lexeme)) rareFound += 1;
    const values: Record<MatchFeatureName, number> = {
      handScore: scoreCandidate(terms, query.salient, c, stats, params),
      bm25f: bm25[i],
      bm25fPoolBest: bm25[i] / poolBest,
      bm25Claim: normalisedBm25(terms, c.claimVector, new Map(), stats, params),
      postingsRank: Math.min(1, c.rank),
      softQuery: c.softQuery,
      softClaim: c.softClaim,
      softQueryTitle: c.softQueryTitle ?? 0,
      meanVectorClaim: cosine(query.meanVector, vectors.meanVector(claimWords)),
      meanVectorTitle: cosine(query.meanVector, vectors.meanVector(titleWords)),
      namesOfQuery: sharedShare(query.names, docNames),
      namesOfCheck: sharedShare(docNames, query.names),
      numbersShared,
      numbersConflict: query.numbers.size > 0 && docNumbers.size > 0 && numbersShared === 0 ? 1 : 0,
      wordPairs: sharedShare(query.pairs, wordPairs(text, words)),
      media: c.media,
      lexicalPlace: 1 / (1 + place[i]),
      dateAgrees: dates.agrees,
      dateConflicts: dates.conflicts,
      posterNamed: sharedShare(query.poster, new Set(words)),
      rareTermsFound: query.rareLexemes.length > 0 ? rareFound / query.rareLexemes.length : 0,
    };
    return MATCH_FEATURES.map((name) => values[name]);
  });
  return rows;
}

/** Each value's place when sorted best first (0 for the best; ties by position). */
export function places(values: number[]): number[] {
  const at = new Array<number>(values.length);
  values
    .map((v, i) => ({ v, i }))
    .sort((a, b) => b.v - a.v || a.i - b.i)
    .forEach(({ i }, k) => (at[i] = k));
  return at;
}
