import { Injectable } from '@nestjs/common';
import { FactChecksRepository, type CandidateRow } from './fact-checks.repository';
import {
  DEFAULT_SCORER_PARAMS,
  originalsFirst,
  parseTsvector,
  postingsToRead,
  salientTokens,
  scoreCandidate,
  type Candidate,
  type CorpusStats,
  type ScorerParams,
  type TermStat,
} from './match-scorer';
import { claimFingerprint, mentionsMedia, normaliseQueryText } from './query-text';
import { contentWords, WordVectors } from './word-vectors';

/** How many full-text candidates the re-ranker sees. */
export const CANDIDATE_POOL = 50;
/** The rarest query lexemes fetch candidates; one found in more than this share of fact-checks never does. */
export const MAX_QUERY_LEXEMES = 30;
export const MAX_LEXEME_SHARE = 0.5;
/** At most this many postings are read for one search, whatever the archive's size: the bound on its work. */
export const POSTINGS_BUDGET = 4_000;

export interface PreparedQuery {
  terms: TermStat[];
  salient: Set<string>;
  stats: CorpusStats;
  rows: CandidateRow[];
  candidates: Candidate[];
}

export interface RankedFactCheck {
  row: CandidateRow;
  score: number;
}

/**
 * One search path for the API, matching in the worker and the evaluation: normalise the text, fetch candidates
 * from the postings of the query's lexemes (their best ones, within a budget), re-rank them with the fitted scorer.
 */
@Injectable()
export class FactCheckSearchService {
  constructor(private readonly repository: FactChecksRepository) {}

  async prepare(
    rawText: string,
    pool = CANDIDATE_POOL,
    maxLexemes = MAX_QUERY_LEXEMES,
    maxShare = MAX_LEXEME_SHARE,
    budget = POSTINGS_BUDGET,
  ): Promise<PreparedQuery> {
    const vectors = WordVectors.shared();
    const text = normaliseQueryText(rawText, (word) => vectors.rowOf(word));
    const { terms, stats } = await this.repository.queryTerms(text);
    const reads = postingsToRead(terms, stats.docCount, maxLexemes, maxShare, budget);
    const rows = await this.repository.candidates(reads, pool);
    // The postings' weight is at most k1 + 1 (1.6): the sum over the query, so rank is at most 1.
    const bestRank = 1.6 * reads.reduce((sum, r) => sum + r.idf, 0);
    const similarity = vectors.forQuery(contentWords(text));
    const queryMedia = mentionsMedia(rawText);
    const candidates = rows.map((r) => {
      const claimWords = contentWords(r.claimReviewed);
      return {
        claimVector: parseTsvector(r.claimVector),
        titleVector: parseTsvector(r.titleVector),
        claimText: r.claimReviewed,
        titleText: r.headline ?? '',
        rank: Number(r.rank) / bestRank,
        softQuery: similarity.queryIn([...claimWords, ...contentWords(r.headline ?? '')]),
        softClaim: similarity.textIn(claimWords),
        media: mentionsMedia(`${r.claimReviewed} ${r.headline ?? ''}`) ? (queryMedia ? 1 : -1) : 0,
      };
    });
    return { terms, salient: salientTokens(text), stats, rows, candidates };
  }

  rank(prepared: PreparedQuery, params: ScorerParams = DEFAULT_SCORER_PARAMS): RankedFactCheck[] {
    const scored = prepared.rows
      .map((row, i) => ({
        row,
        score: scoreCandidate(prepared.terms, prepared.salient, prepared.candidates[i], prepared.stats, params),
      }))
      .sort((a, b) => b.score - a.score); // stable: ties keep the SQL order (rank, then a hash of the url)
    return originalsFirst(scored, ({ row }) => ({
      fingerprint: claimFingerprint(row.claimReviewed),
      datePublished: row.datePublished === null ? null : new Date(row.datePublished),
      importSeq: Number(row.importSeq),
    }));
  }

  async search(text: string, limit: number, offset = 0): Promise<{ items: RankedFactCheck[]; more: boolean }> {
    const ranked = this.rank(await this.prepare(text));
    return { items: ranked.slice(offset, offset + limit), more: ranked.length > offset + limit };
  }
}
