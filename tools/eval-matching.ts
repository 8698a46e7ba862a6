import { createHash } from 'node:crypto';
import { CLAIM_MATCHING_DIR } from '../src/common/repo-paths';
import {
  CANDIDATE_POOL,
  FactCheckSearchService,
  type PreparedQuery,
} from '../src/fact-checks/fact-check-search.service';
import { MatchRanker } from '../src/fact-checks/match-ranker';
import { originalsFirst } from '../src/fact-checks/match-scorer';
import { MATCHES_KEPT, MIN_MATCH_SCORE } from '../src/fact-checks/claim-matching.service';
import { claimFingerprint } from '../src/fact-checks/query-text';
import {
  averagePrecisionAt,
  bootstrapInterval,
  loadQueries,
  loadVerifiedClaims,
  mean,
  PlainBm25,
} from './lib/matching-evaluation';
import { openMatchingArchive, URL_PREFIX, vclaimId } from './lib/matching-archive';

// Usage: npm run eval:matching -- [train|dev] [--losses] [--data DIR]
// Imports the verified claims into a scratch database (MATCHING_EVAL_DATABASE, default <DATABASE_URL's>_match_eval) through the
// API's import code, runs every query through the worker's matching code (the search's words and the sentence
// encoder; the first run of a scratch database encodes each fact-check met, a few minutes) and the API's search
// (the words alone), and prints MAP@5 beside plain BM25.
// --losses (train only) prints every query whose right claim is not first: the query, where the right claim ranks, and
// what ranks above it. The ranker is fitted by npm run train:matching.
const args = process.argv.slice(2);
const split = args.includes('train') ? 'train' : 'dev';
const showLosses = args.includes('--losses');
const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : CLAIM_MATCHING_DIR;

/**
 * The API ranks copies of one claim (same normalised text) together, the original (first imported) first, and breaks
 * other equal scores by a hash of the url. Breaking every tie in file order instead (`collectionOrder`) rewards the
 * collection's id order beyond the copies; it is printed for both systems, to compare with earlier figures.
 */
function mapAt5(
  prepared: PreparedQuery[],
  relevant: Set<string>[],
  search: FactCheckSearchService,
  ranker: MatchRanker,
  collectionOrder = false,
): number[] {
  return prepared.map((p, i) => {
    const ranked = search.rank(p, undefined, ranker);
    if (collectionOrder)
      ranked.sort((a, b) => b.score - a.score || Number(vclaimId(a.row.url)) - Number(vclaimId(b.row.url)));
    return averagePrecisionAt(
      ranked.slice(0, 5).map((r) => vclaimId(r.row.url)),
      relevant[i],
    );
  });
}

/** What matching keeps of a query's ranking: is the right claim above the threshold, and is a wrong one first and above it. */
function keptInWorkflow(
  prepared: PreparedQuery[],
  relevant: Set<string>[],
  search: FactCheckSearchService,
): { right: number; wrongFirst: number } {
  let right = 0;
  let wrongFirst = 0;
  prepared.forEach((p, i) => {
    const kept = search
      .rank(p, undefined, MatchRanker.withSentences())
      .filter((r) => r.score >= MIN_MATCH_SCORE)
      .slice(0, MATCHES_KEPT);
    if (kept.some((r) => relevant[i].has(vclaimId(r.row.url)))) right += 1;
    if (kept.length > 0 && !relevant[i].has(vclaimId(kept[0].row.url))) wrongFirst += 1;
  });
  return { right, wrongFirst };
}

function urlHash(id: string): string {
  return createHash('md5').update(`${URL_PREFIX}${id}`).digest('hex');
}

function line(label: string, values: number[]): string {
  const [lo, hi] = bootstrapInterval(values);
  return `${label.padEnd(18)} ${mean(values).toFixed(4)}  (95% bootstrap ${lo.toFixed(4)}–${hi.toFixed(4)})`;
}

function printLosses(
  prepared: PreparedQuery[],
  queries: { text: string; relevant: Set<string> }[],
  search: FactCheckSearchService,
): void {
  prepared.forEach((p, i) => {
    const ranked = search.rank(p, undefined, MatchRanker.withSentences());
    const at = ranked.findIndex((r) => queries[i].relevant.has(vclaimId(r.row.url)));
    if (at === 0) return;
    console.log(`\n#${i} ${at < 0 ? 'missed' : `rank ${at + 1}`}: ${queries[i].text.replace(/\s+/g, ' ')}`);
    if (at > 0) console.log(`  right ${ranked[at].score.toFixed(3)}: ${ranked[at].row.claimReviewed}`);
    for (const r of ranked.slice(0, Math.min(2, at < 0 ? 2 : at)))
      console.log(`  above ${r.score.toFixed(3)}: ${r.row.claimReviewed}`);
  });
}

async function main(): Promise<void> {
  if (showLosses && split !== 'train') throw new Error('--losses runs on the train queries only');
  const claims = loadVerifiedClaims(dataDir);
  const queries = loadQueries(dataDir, split);
  const { search, sentences, close } = await openMatchingArchive(claims);
  try {
    const prepared: PreparedQuery[] = [];
    const pool = Number(process.env.MATCHING_POOL ?? 0) || undefined;
    const maxLexemes = Number(process.env.MATCHING_LEXEMES ?? 0) || undefined;
    const maxShare = Number(process.env.MATCHING_SHARE ?? 0) || undefined;
    const budget = Number(process.env.MATCHING_BUDGET ?? 0) || undefined;
    const matched: PreparedQuery[] = [];
    for (const q of queries) {
      prepared.push(await search.prepare(q.text, pool, maxLexemes, maxShare, budget));
      matched.push(await sentences.withSentenceFeatures(prepared[prepared.length - 1]));
    }
    const relevant = queries.map((q) => q.relevant);
    const ours = mapAt5(matched, relevant, search, MatchRanker.withSentences());
    const wordsAlone = mapAt5(prepared, relevant, search, MatchRanker.shared());
    if (showLosses) printLosses(matched, queries, search);
    const oursInFileOrder = mapAt5(matched, relevant, search, MatchRanker.withSentences(), true);
    const recall = mean(prepared.map((p, i) => (p.rows.some((r) => relevant[i].has(vclaimId(r.url))) ? 1 : 0)));

    const docs = claims.map((c) => ({ id: c.id, text: `${c.claim} ${c.title}` }));
    const bm25InFileOrder = new PlainBm25(docs);
    const bm25 = new PlainBm25([...docs].sort((a, b) => (urlHash(a.id) < urlHash(b.id) ? -1 : 1)));
    // The API's rule for copies, applied to the baseline too (claims are imported in file order).
    const importSeq = new Map(claims.map((c, i) => [c.id, i]));
    const fingerprint = new Map(claims.map((c) => [c.id, claimFingerprint(c.claim)]));
    const baselineRanking = (text: string) =>
      originalsFirst(bm25.search(text, CANDIDATE_POOL), (id) => ({
        fingerprint: fingerprint.get(id)!,
        datePublished: null,
        importSeq: importSeq.get(id)!,
      })).slice(0, 5);
    const baseline = queries.map((q) => averagePrecisionAt(baselineRanking(q.text), q.relevant));
    const baselineInFileOrder = queries.map((q) => averagePrecisionAt(bm25InFileOrder.search(q.text, 5), q.relevant));

    console.log(
      `${split}: ${queries.length} queries, ${claims.length} verified claims, candidate recall@${prepared[0]?.rows.length ?? 0}+ ${recall.toFixed(3)}`,
    );
    console.log(
      'copies of a claim: the first imported first; other ties by a hash of the url, for both (what the API does):',
    );
    console.log(line('  MAP@5 claimdesk', ours));
    console.log(line('  MAP@5 plain BM25', baseline));
    console.log(
      line(
        '  difference',
        ours.map((v, i) => v - baseline[i]),
      ),
    );
    console.log(line("  the api's search", wordsAlone) + '  (words alone, without the sentence encoder)');
    const kept = keptInWorkflow(matched, relevant, search);
    console.log(
      `in the workflow (matches scoring ${MIN_MATCH_SCORE} or more): the right claim kept for ${kept.right} of ${queries.length} queries, a wrong best match shown for ${kept.wrongFirst}`,
    );
    console.log("every tie broken in the collection's file order, for both (not only copies; not used by the API):");
    console.log(line('  MAP@5 claimdesk', oursInFileOrder));
    console.log(line('  MAP@5 plain BM25', baselineInFileOrder));
    console.log(
      line(
        '  difference',
        oursInFileOrder.map((v, i) => v - baselineInFileOrder[i]),
      ),
    );
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
