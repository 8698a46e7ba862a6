import type { CandidateRow } from './fact-checks.repository';
import { matchFeatures, queryFeatureContext } from './match-features';
import { MatchRanker } from './match-ranker';
import {
  DEFAULT_SCORER_PARAMS,
  originalsFirst,
  parseTsvector,
  salientTokens,
  scoreCandidate,
  type Candidate,
  type CorpusStats,
  type ScorerParams,
  type TermStat,
} from './match-scorer';
import { claimFingerprint, mentionsMedia } from './query-text';
import { contentWords, WordVectors } from './word-vectors';

/** A search's arithmetic once the database has answered: pure, so the API, the worker and training share it. */
export interface PreparedQuery {
  /** The query as searched (normaliseQueryText). */
  text: string;
  terms: TermStat[];
  salient: Set<string>;
  stats: CorpusStats;
  rows: CandidateRow[];
  candidates: Candidate[];
  /** Each candidate's MATCH_FEATURES (and SENTENCE_FEATURES after them where the worker matches), for the learned ranker. */
  features: number[][];
}

/** What a search reads from the database; the rest of a search is arithmetic on it (prepareFetched). */
export interface FetchedQuery {
  text: string;
  terms: TermStat[];
  stats: CorpusStats;
  rows: CandidateRow[];
  /** The best postings rank a candidate could have. */
  bestRank: number;
}

export interface RankedFactCheck {
  row: CandidateRow;
  score: number;
}

/** Best first by the learned ranker, or by the hand-weighted scorer when `params` are given (the evaluation's reference). */
export function rankPrepared(prepared: PreparedQuery, params?: ScorerParams, ranker?: MatchRanker): RankedFactCheck[] {
  const scores = params
    ? prepared.candidates.map((c) => scoreCandidate(prepared.terms, prepared.salient, c, prepared.stats, params))
    : (ranker ?? MatchRanker.shared()).scorePool(prepared.features);
  // Stable: ties keep the SQL order (rank, then a hash of the url).
  const scored = prepared.rows
    .map((row, i) => ({ row, score: scores[i], fingerprint: claimFingerprint(row.claimReviewed) }))
    .sort((a, b) => b.score - a.score);
  const ranked = originalsFirst(scored, ({ row, fingerprint }) => ({
    fingerprint,
    datePublished: row.datePublished === null ? null : new Date(row.datePublished),
    importSeq: Number(row.importSeq),
  }));
  // Copies are one claim: each takes the best copy's score, so the list stays in score order.
  const best = new Map<string, number>();
  for (const { fingerprint, score } of ranked) best.set(fingerprint, Math.max(score, best.get(fingerprint) ?? score));
  return ranked.map(({ row, fingerprint }) => ({ row, score: best.get(fingerprint)! }));
}

/** The candidates' signals and features from what a search fetched: pure, so training replays it without a database. */
export function prepareFetched(rawText: string, fetched: FetchedQuery): PreparedQuery {
  const { text, terms, stats, rows, bestRank } = fetched;
  const vectors = WordVectors.shared();
  const similarity = vectors.forQuery(contentWords(text));
  const queryMedia = mentionsMedia(rawText);
  const candidates: Candidate[] = rows.map((r) => {
    const claimWords = contentWords(r.claimReviewed);
    const titleWords = contentWords(r.headline ?? '');
    const soft = similarity.queryInClaimAndTitle(claimWords, titleWords);
    return {
      claimVector: parseTsvector(r.claimVector),
      titleVector: parseTsvector(r.titleVector),
      claimText: r.claimReviewed,
      titleText: r.headline ?? '',
      claimWords,
      titleWords,
      rank: bestRank > 0 ? Number(r.rank) / bestRank : 0,
      softQuery: soft.both,
      softClaim: similarity.textIn(claimWords),
      softQueryTitle: soft.title,
      media: mentionsMedia(`${r.claimReviewed} ${r.headline ?? ''}`) ? (queryMedia ? 1 : -1) : 0,
    };
  });
  const context = queryFeatureContext(rawText, text, terms, stats, DEFAULT_SCORER_PARAMS, vectors);
  return {
    text,
    terms,
    salient: salientTokens(text),
    stats,
    rows,
    candidates,
    features: matchFeatures(context, candidates),
  };
}
