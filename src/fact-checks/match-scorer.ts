/**
 * The re-ranker: BM25F over Postgres's English lexemes (claim and title weighted apart), plus the candidates'
 * postings rank, the overlap of numbers and names between query and claim, and the soft
 * word overlap through word vectors both ways (query in fact-check, claim in query). Pure, so the
 * evaluation, the API and the tuning use the very same arithmetic. Parameters were fitted on the train queries.
 */
export interface ScorerParams {
  k1: number;
  bClaim: number;
  bTitle: number;
  wClaim: number;
  wTitle: number;
  wRank: number;
  wEntities: number;
  wSoftQuery: number;
  wSoftClaim: number;
  /** Added when the query and the fact-check both speak of a picture or a video. */
  wMediaShared: number;
  /** Taken off when the fact-check is about a picture or a video and the query shows none. */
  wMediaUnasked: number;
}

/** Fitted on the train queries by coordinate ascent on MAP@5; the learned ranker reads its score as one feature (handScore). */
export const DEFAULT_SCORER_PARAMS: ScorerParams = {
  k1: 2,
  bClaim: 1,
  bTitle: 0.3,
  wClaim: 1,
  wTitle: 1.5,
  wRank: 0.2,
  wEntities: 0,
  wSoftQuery: 0.1,
  wSoftClaim: 0.05,
  wMediaShared: 0.005,
  wMediaUnasked: 0,
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
  /** contentWords of the claim and of the headline, split once per search. */
  claimWords: string[];
  titleWords: string[];
  rank: number;
  /** How much of the query the claim and headline say (QueryWordSimilarity.queryIn, through word vectors). */
  softQuery: number;
  /** How much of the claim the query says (QueryWordSimilarity.textIn). */
  softClaim: number;
  /** How much of the query the headline alone says. */
  softQueryTitle?: number;
  /** 1: query and fact-check both speak of a picture or video; -1: only the fact-check does; else 0. */
  media: number;
}

/** A tsvector's text form ('word':1,4A 'other':2) → lexeme → number of positions. */
export function parseTsvector(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /'((?:[^']|'')*)'(?::([0-9A-D,]+))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // Most lexemes hold no quote or backslash: skip the unescaping for them.
    const lexeme = /['\\]/.test(m[1]) ? m[1].replace(/''/g, "'").replace(/\\\\/g, '\\') : m[1];
    let positions = 1;
    if (m[2]) for (let i = m[2].indexOf(','); i !== -1; i = m[2].indexOf(',', i + 1)) positions += 1;
    out.set(lexeme, positions);
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
    const token = m[0]
      .replace(/[,.]+$/, '')
      .replace(/,/g, '')
      .toLowerCase();
    if (token.length > 1 && !STOP.has(token)) out.add(token);
  }
  return out;
}

const STOP = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'it',
  'in',
  'on',
  'of',
  'and',
  'or',
  'but',
  'if',
  'is',
  'are',
  'was',
  'we',
  'i',
  'you',
  'he',
  'she',
  'they',
  'my',
  'our',
  'his',
  'her',
  'their',
  'what',
  'why',
  'how',
  'when',
  'who',
  'did',
  'does',
  'do',
  'not',
  'no',
  'yes',
  'just',
  'so',
  'for',
  'to',
  'with',
  'at',
  'by',
  'as',
  'from',
  'breaking',
  'rt',
  'via',
  'new',
  'now',
  'here',
  'there',
  'all',
  'one',
  'will',
  'be',
  'can',
  'has',
  'have',
  'had',
]);

export function scoreCandidate(
  terms: TermStat[],
  querySalient: Set<string>,
  candidate: Candidate,
  stats: CorpusStats,
  p: ScorerParams,
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
    const tf =
      (p.wClaim * (candidate.claimVector.get(term.lexeme) ?? 0)) / normClaim +
      (p.wTitle * (candidate.titleVector.get(term.lexeme) ?? 0)) / normTitle;
    if (tf > 0) bm25 += (w * tf * (p.k1 + 1)) / (tf + p.k1);
  }
  // Divided by what a document matching every query term once would get, so scores compare across queries.
  const lexical = maxPossible > 0 ? bm25 / (maxPossible * (p.k1 + 1)) : 0;
  let entities = 0;
  if (querySalient.size > 0 && p.wEntities > 0) {
    const docSalient = salientTokens(`${candidate.claimText} ${candidate.titleText}`);
    let shared = 0;
    for (const token of querySalient) if (docSalient.has(token)) shared += 1;
    entities = shared / Math.sqrt(querySalient.size * Math.max(1, docSalient.size));
  }
  return (
    lexical +
    p.wRank * Math.min(1, candidate.rank) +
    p.wEntities * entities +
    p.wSoftQuery * candidate.softQuery +
    p.wSoftClaim * candidate.softClaim +
    (candidate.media > 0 ? p.wMediaShared : candidate.media < 0 ? -p.wMediaUnasked : 0)
  );
}

export interface PostingsRead {
  lexeme: string;
  idf: number;
  /** How many of the lexeme's best postings to read. */
  cap: number;
}

/**
 * Which postings a search reads: the query's known lexemes, rarest first, at most `max`, none found in over
 * `maxShare` of documents; `budget` postings in all, shared out rarest first, so a rare lexeme gives every document
 * it is in and the common ones split what is left. The budget bounds a search's work however large the archive.
 */
export function postingsToRead(
  terms: TermStat[],
  docCount: number,
  max: number,
  maxShare: number,
  budget: number,
): PostingsRead[] {
  const chosen = [...terms]
    .filter((t) => t.ndoc > 0 && t.ndoc <= Math.max(1, docCount * maxShare))
    .sort((a, b) => a.ndoc - b.ndoc || (a.lexeme < b.lexeme ? -1 : 1))
    .slice(0, max);
  let remaining = budget;
  return chosen.map((t, i) => {
    const cap = Math.max(1, Math.min(t.ndoc, Math.floor(remaining / (chosen.length - i))));
    remaining -= cap;
    return { lexeme: t.lexeme, idf: idf(t.ndoc, docCount), cap };
  });
}

/** What decides which of several copies of one claim is the original. */
export interface ClaimCopy {
  /** claimFingerprint of the claim: copies share it. */
  fingerprint: string;
  datePublished: Date | null;
  /** The order it came into the archive. */
  importSeq: number;
}

/**
 * Copies of one claim (an archive republishes a claim under a new url, its quotes normalised) rank together, at the
 * place of the best-ranked copy, the original first: the earliest published, else the first imported. Copies score
 * the same, so without this their order would be arbitrary; a reviewer wants the first check of a claim.
 */
export function originalsFirst<T>(ranked: T[], copyOf: (item: T) => ClaimCopy): T[] {
  const groups = new Map<string, { item: T; copy: ClaimCopy }[]>();
  for (const item of ranked) {
    const copy = copyOf(item);
    const group = groups.get(copy.fingerprint);
    if (group) group.push({ item, copy });
    else groups.set(copy.fingerprint, [{ item, copy }]);
  }
  const published = (c: ClaimCopy) => c.datePublished?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...groups.values()].flatMap((group) =>
    group
      .sort((a, b) => published(a.copy) - published(b.copy) || a.copy.importSeq - b.copy.importSeq)
      .map((member) => member.item),
  );
}
