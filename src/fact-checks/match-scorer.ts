/**
 * The re-ranker: BM25F over Postgres's English lexemes (claim and title weighted apart), plus the candidates'
 * pg_trgm similarity, ts_rank_cd and the overlap of numbers and names between query and claim. Pure, so the
 * evaluation, the API and the tuning use the very same arithmetic. Parameters were fitted on the train queries.
 */
export interface ScorerParams {
  k1: number;
  bClaim: number;
  bTitle: number;
  wClaim: number;
  wTitle: number;
  wTrigram: number;
  wTitleTrigram: number;
  wRank: number;
  wEntities: number;
  /** How much of the claim's (and title's) own idf mass the query covers: tweets are longer than claims. */
  wClaimCoverage: number;
  wTitleCoverage: number;
}

/** Fitted on the train queries only (npm run eval:matching -- train --tune, coordinate ascent). */
export const DEFAULT_SCORER_PARAMS: ScorerParams = {
  k1: 0.6,
  bClaim: 0.9,
  bTitle: 0.75,
  wClaim: 0.5,
  wTitle: 1,
  wTrigram: 0.1,
  wTitleTrigram: 0,
  wRank: 0,
  wEntities: 0.05,
  wClaimCoverage: 0,
  wTitleCoverage: 0,
};

export interface TermStat {
  lexeme: string;
  queryTf: number;
  ndoc: number;
}

export interface CorpusStats {
  docCount: number;
  avgClaimLength: number;
  avgTitleLength: number;
}

export interface Candidate {
  claimVector: Map<string, number>;
  titleVector: Map<string, number>;
  claimText: string;
  titleText: string;
  /** pg_trgm word_similarity of the claim (and the title) within the query. */
  trigram: number;
  titleTrigram: number;
  rank: number;
}

/** A tsvector's text form ('word':1,4A 'other':2) → lexeme → number of positions. */
export function parseTsvector(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const lexeme = m[1].replace(/''/g, "'").replace(/\\\\/g, '\\');
    out.set(lexeme, m[2] ? m[2].split(',').length : 1);
  }
  return out;
}

export function idf(ndoc: number, docCount: number): number {
  return Math.log(1 + (docCount - ndoc + 0.5) / (ndoc + 0.5));
}

/** Numbers and capitalised words (not sentence-initial stop words), lower-cased. */
export function salientTokens(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\d[\d,.]*%?|\b[A-Z][a-zA-Z'’-]+/g)) {
    const token = m[0].replace(/[,.]+$/, '').replace(/,/g, '').toLowerCase();
    if (token.length > 1 && !STOP.has(token)) out.add(token);
  }
  return out;
}

const STOP = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'in', 'on', 'of', 'and', 'or', 'but', 'if', 'is', 'are', 'was', 'we', 'i', 'you', 'he', 'she', 'they', 'my', 'our', 'his', 'her', 'their', 'what', 'why', 'how', 'when', 'who', 'did', 'does', 'do', 'not', 'no', 'yes', 'just', 'so', 'for', 'to', 'with', 'at', 'by', 'as', 'from', 'breaking', 'rt', 'via', 'new', 'now', 'here', 'there', 'all', 'one', 'will', 'be', 'can', 'has', 'have', 'had']);

/** Document frequencies of lexemes outside the query (for coverage); missing ones count as rare. */
export type FrequencyOf = (lexeme: string) => number;

function coverage(vector: Map<string, number>, query: Set<string>, frequency: FrequencyOf, docCount: number): number {
  let all = 0;
  let covered = 0;
  for (const lexeme of vector.keys()) {
    const w = idf(frequency(lexeme), docCount);
    all += w;
    if (query.has(lexeme)) covered += w;
  }
  return all > 0 ? covered / all : 0;
}

export function scoreCandidate(
  terms: TermStat[],
  querySalient: Set<string>,
  candidate: Candidate,
  stats: CorpusStats,
  p: ScorerParams,
  frequency: FrequencyOf = () => 1,
  queryLexemes: Set<string> = new Set(terms.map((t) => t.lexeme)),
): number {
  const claimLength = candidate.claimVector.size;
  const titleLength = candidate.titleVector.size;
  const normClaim = 1 - p.bClaim + (p.bClaim * claimLength) / Math.max(1, stats.avgClaimLength);
  const normTitle = 1 - p.bTitle + (p.bTitle * titleLength) / Math.max(1, stats.avgTitleLength);
  let bm25 = 0;
  let maxPossible = 0;
  for (const term of terms) {
    const w = idf(term.ndoc, stats.docCount);
    maxPossible += w;
    const tf = (p.wClaim * (candidate.claimVector.get(term.lexeme) ?? 0)) / normClaim + (p.wTitle * (candidate.titleVector.get(term.lexeme) ?? 0)) / normTitle;
    if (tf > 0) bm25 += (w * tf * (p.k1 + 1)) / (tf + p.k1);
  }
  // Divided by what a document matching every query term once would get, so scores compare across queries.
  const lexical = maxPossible > 0 ? bm25 / (maxPossible * (p.k1 + 1)) : 0;
  let entities = 0;
  if (querySalient.size > 0) {
    const docSalient = salientTokens(`${candidate.claimText} ${candidate.titleText}`);
    let shared = 0;
    for (const token of querySalient) if (docSalient.has(token)) shared += 1;
    entities = shared / Math.sqrt(querySalient.size * Math.max(1, docSalient.size));
  }
  const claimCoverage = p.wClaimCoverage ? coverage(candidate.claimVector, queryLexemes, frequency, stats.docCount) : 0;
  const titleCoverage = p.wTitleCoverage ? coverage(candidate.titleVector, queryLexemes, frequency, stats.docCount) : 0;
  return lexical + p.wClaimCoverage * claimCoverage + p.wTitleCoverage * titleCoverage + p.wTrigram * candidate.trigram + p.wTitleTrigram * candidate.titleTrigram + p.wRank * Math.min(1, candidate.rank) + p.wEntities * entities;
}

/**
 * Lexemes to fetch candidates with: the rarest first, at most `max`, none found in over `maxShare` of documents, and
 * no more than `postings` documents between them, which bounds the rows a search ranks however large the archive.
 */
export function candidateLexemes(terms: TermStat[], docCount: number, max: number, maxShare: number, postings = Infinity): string[] {
  const chosen: string[] = [];
  let total = 0;
  for (const t of [...terms].sort((a, b) => a.ndoc - b.ndoc)) {
    if (chosen.length >= max || t.ndoc > Math.max(1, docCount * maxShare)) break;
    if (t.ndoc === 0) continue;
    if (chosen.length > 0 && total + t.ndoc > postings) break;
    chosen.push(t.lexeme);
    total += t.ndoc;
  }
  return chosen;
}

/** An OR tsquery of lexemes, each quoted as a literal so nothing in it is read as an operator. */
export function orTsquery(lexemes: string[]): string {
  return lexemes.map((l) => `'${l.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' | ');
}
