import { Injectable } from '@nestjs/common';
import { FactChecksRepository } from './fact-checks.repository';
import type { MatchRanker } from './match-ranker';
import { postingsToRead, type ScorerParams } from './match-scorer';
import {
  prepareFetched,
  rankPrepared,
  type FetchedQuery,
  type PreparedQuery,
  type RankedFactCheck,
} from './prepared-query';
import { normaliseQueryText } from './query-text';
import { WordVectors } from './word-vectors';

/** How many full-text candidates the re-ranker sees. */
export const CANDIDATE_POOL = 50;
/** The rarest query lexemes fetch candidates; one found in more than this share of fact-checks never does. */
export const MAX_QUERY_LEXEMES = 30;
export const MAX_LEXEME_SHARE = 0.5;
/** At most this many postings are read for one search, whatever the archive's size: the bound on its work. */
export const POSTINGS_BUDGET = 4_000;

export { prepareFetched, rankPrepared, type FetchedQuery, type PreparedQuery, type RankedFactCheck };

/**
 * One search path for the API, matching in the worker and the evaluation: normalise the text, fetch candidates
 * from the postings of the query's lexemes (their best ones, within a budget), re-rank them with a learned ranker
 * over agreement features (the api: models/match-ranker.json; matching adds the sentence encoder's features and
 * ranks with models/match-ranker-sentences.json).
 */
@Injectable()
export class FactCheckSearchService {
  constructor(private readonly repository: FactChecksRepository) {}

  async fetch(
    rawText: string,
    pool = CANDIDATE_POOL,
    maxLexemes = MAX_QUERY_LEXEMES,
    maxShare = MAX_LEXEME_SHARE,
    budget = POSTINGS_BUDGET,
  ): Promise<FetchedQuery> {
    const vectors = WordVectors.shared();
    const text = normaliseQueryText(rawText, (word) => vectors.rowOf(word));
    const { terms, stats } = await this.repository.queryTerms(text);
    const reads = postingsToRead(terms, stats.docCount, maxLexemes, maxShare, budget);
    const rows = await this.repository.candidates(reads, pool);
    // The postings' weight is at most k1 + 1 (1.6): the sum over the query, so rank is at most 1.
    const bestRank = 1.6 * reads.reduce((sum, r) => sum + r.idf, 0);
    return { text, terms, stats, rows, bestRank };
  }

  async prepare(
    rawText: string,
    pool = CANDIDATE_POOL,
    maxLexemes = MAX_QUERY_LEXEMES,
    maxShare = MAX_LEXEME_SHARE,
    budget = POSTINGS_BUDGET,
  ): Promise<PreparedQuery> {
    return prepareFetched(rawText, await this.fetch(rawText, pool, maxLexemes, maxShare, budget));
  }

  /** Best first by the learned ranker, or by the hand-weighted scorer when `params` are given (the evaluation's reference). */
  rank(prepared: PreparedQuery, params?: ScorerParams, ranker?: MatchRanker): RankedFactCheck[] {
    return rankPrepared(prepared, params, ranker);
  }

  async search(text: string, limit: number, offset = 0): Promise<{ items: RankedFactCheck[]; more: boolean }> {
    const ranked = this.rank(await this.prepare(text));
    return { items: ranked.slice(offset, offset + limit), more: ranked.length > offset + limit };
  }
}
