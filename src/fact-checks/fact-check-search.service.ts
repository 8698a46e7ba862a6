import { Injectable } from '@nestjs/common';
import { FactChecksRepository, type CandidateRow } from './fact-checks.repository';
import { candidateLexemes, DEFAULT_SCORER_PARAMS, orTsquery, parseTsvector, salientTokens, scoreCandidate, type Candidate, type CorpusStats, type ScorerParams, type TermStat } from './match-scorer';
import { normaliseQueryText } from './query-text';

/** How many full-text candidates the re-ranker sees. */
export const CANDIDATE_POOL = 200;
/** The rarest query lexemes fetch candidates; one found in more than this share of fact-checks never does. */
export const MAX_QUERY_LEXEMES = 30;
export const MAX_LEXEME_SHARE = 0.5;
/** At most this many documents hold the chosen lexemes: the bound on a search's work at 1M fact-checks. */
export const MAX_CANDIDATE_POSTINGS = 20_000;

export interface PreparedQuery {
  terms: TermStat[];
  salient: Set<string>;
  stats: CorpusStats;
  rows: CandidateRow[];
  candidates: Candidate[];
  frequencies: Map<string, number>;
}

export interface RankedFactCheck {
  row: CandidateRow;
  score: number;
}

/**
 * One search path for the API, matching in the worker and the evaluation: normalise the text, fetch candidates
 * from Postgres full-text search on the query's rarer lexemes, re-rank them with the fitted scorer.
 */
@Injectable()
export class FactCheckSearchService {
  constructor(private readonly repository: FactChecksRepository) {}

  async prepare(rawText: string, pool = CANDIDATE_POOL, maxLexemes = MAX_QUERY_LEXEMES, maxShare = MAX_LEXEME_SHARE, postings = MAX_CANDIDATE_POSTINGS): Promise<PreparedQuery> {
    const text = normaliseQueryText(rawText);
    const [terms, stats] = await Promise.all([this.repository.queryTerms(text), this.repository.corpusStats()]);
    const tsquery = orTsquery(candidateLexemes(terms, stats.docCount, maxLexemes, maxShare, postings));
    const rows = await this.repository.candidates(tsquery, text, pool);
    const candidates = rows.map((r) => ({
      claimVector: parseTsvector(r.claimVector),
      titleVector: parseTsvector(r.titleVector),
      claimText: r.claimReviewed,
      titleText: r.headline ?? '',
      trigram: Number(r.trigram),
      titleTrigram: Number(r.titleTrigram),
      rank: Number(r.rank),
    }));
    const docLexemes = new Set<string>();
    for (const c of candidates) for (const v of [c.claimVector, c.titleVector]) for (const l of v.keys()) docLexemes.add(l);
    const frequencies = await this.repository.lexemeFrequencies([...docLexemes]);
    return { terms, salient: salientTokens(text), stats, rows, candidates, frequencies };
  }

  rank(prepared: PreparedQuery, params: ScorerParams = DEFAULT_SCORER_PARAMS): RankedFactCheck[] {
    const frequency = (lexeme: string) => prepared.frequencies.get(lexeme) ?? 1;
    const queryLexemes = new Set(prepared.terms.map((t) => t.lexeme));
    return prepared.rows
      .map((row, i) => ({ row, score: scoreCandidate(prepared.terms, prepared.salient, prepared.candidates[i], prepared.stats, params, frequency, queryLexemes) }))
      .sort((a, b) => b.score - a.score); // stable: ties keep the SQL order (rank, then a hash of the url)
  }

  async search(text: string, limit: number, offset = 0): Promise<{ items: RankedFactCheck[]; more: boolean }> {
    const ranked = this.rank(await this.prepare(text));
    return { items: ranked.slice(offset, offset + limit), more: ranked.length > offset + limit };
  }
}
