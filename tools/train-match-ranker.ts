import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { CLAIM_MATCHING_DIR } from '../src/common/repo-paths';
import { MATCHES_KEPT } from '../src/fact-checks/claim-matching.service';
import {
  CANDIDATE_POOL,
  FactCheckSearchService,
  prepareFetched,
  type FetchedQuery,
  type PreparedQuery,
} from '../src/fact-checks/fact-check-search.service';
import type { FactChecksRepository } from '../src/fact-checks/fact-checks.repository';
import {
  MATCH_FEATURES,
  SENTENCE_FEATURES,
  withSentenceColumns,
  type SentenceCosines,
} from '../src/fact-checks/match-features';
import {
  DEFAULT_MATCH_RANKER_PATH,
  MatchRanker,
  SENTENCE_MATCH_RANKER_PATH,
  type MatchRankerJson,
} from '../src/fact-checks/match-ranker';
import { DEFAULT_SCORER_PARAMS, type ScorerParams } from '../src/fact-checks/match-scorer';
import { openMatchingArchive, vclaimId } from './lib/matching-archive';
import {
  averagePrecisionAt,
  loadQueries,
  loadVerifiedClaims,
  mean,
  type MatchingQuery,
} from './lib/matching-evaluation';
import { calibrate, trainRanker, type RankerTrainingOptions } from './lib/pairwise-ranker-trainer';

// Usage: npm run train:matching -- [--write] [--hand] [--cache FILE]
// Train queries only. Splits the 800 into four seeded folds of 200; fits each variant on three folds and prints its
// MAP@5 on the fourth, in turn, beside the hand-weighted scorer's (--hand: refitted the same way). With --write, fits
// the two shipped rankers on all 800 — the search's over the words (models/match-ranker.json) and matching's with
// the sentence encoder too (models/match-ranker-sentences.json) — calibrates their scores, writes them, and prints
// what each score threshold keeps on train for matching's. RANKER_VARIANTS='[{"name":"-wordPairs"}]' tries other
// variants (a name "-a,b" leaves features a and b out of all of them); --cache FILE keeps the fetched candidates and
// their sentence cosines between runs (the first run encodes every fact-check met: several minutes).
const args = process.argv.slice(2);
const write = args.includes('--write');
const cachePath = args.includes('--cache') ? args[args.indexOf('--cache') + 1] : null;
const HELD_OUT = 200;
const SPLIT_SEED = 20;
const ALL_FEATURES: string[] = [...MATCH_FEATURES, ...SENTENCE_FEATURES];

/** The shipped variants: chosen on the held-out train folds. The api's search reads the words alone. */
const CHOSEN_SEARCH: RankerTrainingOptions & { features: string[] } = {
  features: [...MATCH_FEATURES],
  loss: 'pairwise',
  C: 1,
  deltaRounds: 0,
  maxIterations: 300,
};
const CHOSEN_MATCHING = { ...CHOSEN_SEARCH, features: ALL_FEATURES };

/** A query's candidates as the search fetched them, and how close each is to it through the sentence encoder. */
interface FetchedPool {
  fetched: FetchedQuery;
  cosines: SentenceCosines[];
}

function seededShuffle<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function fetchAll(queries: MatchingQuery[]): Promise<FetchedPool[]> {
  if (cachePath && existsSync(cachePath)) return JSON.parse(readFileSync(cachePath, 'utf8')) as FetchedPool[];
  const { search, sentences, close } = await openMatchingArchive(loadVerifiedClaims(CLAIM_MATCHING_DIR));
  try {
    // The cache holds a larger pool than the search's, so a smaller one is its prefix.
    const pool = Math.max(100, Number(process.env.MATCHING_POOL ?? 0) || CANDIDATE_POOL);
    const fetched: FetchedPool[] = [];
    for (const q of queries) {
      const query = await search.fetch(q.text, pool);
      fetched.push({ fetched: query, cosines: await sentences.cosines(query.text, query.rows) });
    }
    if (cachePath) writeFileSync(cachePath, JSON.stringify(fetched));
    return fetched;
  } finally {
    await close();
  }
}

interface Variant extends RankerTrainingOptions {
  name: string;
  features: string[];
  /** Sweeps of coordinate ascent on the fitting queries' MAP@5 from the fitted weights (0: none). */
  ascent?: number;
}

const readsSentences = (variant: { features: string[] }) =>
  variant.features.some((name) => (SENTENCE_FEATURES as readonly string[]).includes(name));

function rankerFor(
  variant: Variant,
  model: { center: number[]; scale: number[]; weights: number[] },
  calibration = { slope: 1, lead: 0, intercept: 0 },
): MatchRanker {
  const features = readsSentences(variant) ? ALL_FEATURES : [...MATCH_FEATURES];
  const json: MatchRankerJson = {
    version: 1,
    features,
    center: features.map(() => 0),
    scale: features.map(() => 1),
    weights: features.map(() => 0),
    calibration,
    hyperParameters: { loss: variant.loss, C: variant.C, deltaRounds: variant.deltaRounds },
    trainingQueries: 0,
  };
  variant.features.forEach((name, k) => {
    const f = features.indexOf(name);
    json.center[f] = round(model.center[k]);
    json.scale[f] = round(model.scale[k]);
    json.weights[f] = round(model.weights[k]);
  });
  return new MatchRanker(json);
}

function round(value: number): number {
  return Number(value.toPrecision(6));
}

function groupsOf(prepared: PreparedQuery[], queries: MatchingQuery[], features: string[]) {
  const columns = features.map((name) => ALL_FEATURES.indexOf(name));
  return prepared.map((p, q) => ({
    features: p.features.map((row) => columns.map((f) => row[f])),
    right: p.rows.map((r) => queries[q].relevant.has(vclaimId(r.url))),
  }));
}

/**
 * The ranker's score calibrated on the same queries (MatchRankerJson.calibration): whether each pool's best is
 * right against its margin, then the slope of the others' chances below it with that held.
 */
function calibrated(ranker: MatchRanker, prepared: PreparedQuery[], queries: MatchingQuery[]): MatchRanker {
  const pools = prepared
    .map((p, q) => {
      const margins = p.features.map((row) => ranker.margin(row));
      const best = margins.indexOf(Math.max(...margins));
      const right = p.rows.map((r) => queries[q].relevant.has(vclaimId(r.url)));
      return { margins, best, first: margins[best], right };
    })
    .filter((pool) => pool.margins.length > 0);
  const top = calibrate(
    pools.map((p) => [p.first]),
    pools.map((p) => p.right[p.best]),
  );
  const confidence = (p: (typeof pools)[number]) => top.weights[0] * p.first + top.intercept;
  // The slope below the best, with the confidence as a fixed offset: a one-input fit by bisection on the gradient.
  const rows = pools.flatMap((p) =>
    p.margins.flatMap((m, i) => (i === p.best ? [] : [{ x: m - p.first, offset: confidence(p), y: p.right[i] }])),
  );
  const gradient = (slope: number) =>
    rows.reduce((sum, r) => sum + (1 / (1 + Math.exp(-(r.offset + slope * r.x))) - (r.y ? 1 : 0)) * r.x, 0);
  let [lo, hi] = [0, 20];
  for (let i = 0; i < 60; i += 1) {
    const mid = (lo + hi) / 2;
    if (gradient(mid) > 0) hi = mid;
    else lo = mid;
  }
  return new MatchRanker({
    ...ranker.json,
    calibration: { slope: round((lo + hi) / 2), lead: round(top.weights[0]), intercept: round(top.intercept) },
  });
}

function fitVariant(variant: Variant, prepared: PreparedQuery[], queries: MatchingQuery[]): MatchRanker {
  return calibrated(fitWeights(variant, prepared, queries), prepared, queries);
}

function fitWeights(variant: Variant, prepared: PreparedQuery[], queries: MatchingQuery[]): MatchRanker {
  const model = trainRanker(groupsOf(prepared, queries, variant.features), variant);
  if (!variant.ascent) return rankerFor(variant, model);
  const search = new FactCheckSearchService(null as unknown as FactChecksRepository);
  const score = (weights: number[]) => mapAt5(search, prepared, queries, rankerFor(variant, { ...model, weights }));
  let best = [...model.weights];
  let bestScore = score(best);
  const unit = Math.max(...best.map(Math.abs)) / 4;
  for (let sweep = 0; sweep < variant.ascent; sweep += 1)
    for (let f = 0; f < best.length; f += 1)
      for (const step of [-1, -0.5, -0.25, 0.25, 0.5, 1]) {
        const trial = [...best];
        trial[f] += step * unit;
        const value = score(trial);
        if (value > bestScore + 1e-9) {
          best = trial;
          bestScore = value;
        }
      }
  return rankerFor(variant, { ...model, weights: best });
}

/** The hand-weighted scorer's weights by coordinate ascent on MAP@5 (how they were first fitted), from its defaults. */
function fitHandWeights(
  search: FactCheckSearchService,
  prepared: PreparedQuery[],
  queries: MatchingQuery[],
): ScorerParams {
  const space: Record<keyof ScorerParams, number[]> = {
    k1: [0.6, 1.2, 1.5, 2, 2.5, 3],
    bClaim: [0.5, 0.75, 0.9, 1],
    bTitle: [0.3, 0.5, 0.75, 0.9],
    wClaim: [0.5, 1, 1.5],
    wTitle: [0, 0.6, 1, 1.5, 2],
    wRank: [0, 0.05, 0.1, 0.2, 0.5],
    wEntities: [0, 0.05, 0.1, 0.2],
    wSoftQuery: [0, 0.05, 0.1, 0.2, 0.3],
    wSoftClaim: [0, 0.05, 0.1, 0.2, 0.3],
    wMediaShared: [0, 0.005, 0.01, 0.02],
    wMediaUnasked: [0, 0.005, 0.01, 0.02],
  };
  let best = { ...DEFAULT_SCORER_PARAMS };
  let bestScore = mapAt5(search, prepared, queries, undefined, best);
  for (let sweep = 0; sweep < 2; sweep += 1)
    for (const key of Object.keys(space) as (keyof ScorerParams)[])
      for (const value of space[key]) {
        const trial = { ...best, [key]: value };
        const score = mapAt5(search, prepared, queries, undefined, trial);
        if (score > bestScore + 1e-9) {
          best = trial;
          bestScore = score;
        }
      }
  return best;
}

function mapAt5(
  search: FactCheckSearchService,
  prepared: PreparedQuery[],
  queries: MatchingQuery[],
  ranker?: MatchRanker,
  params: ScorerParams = DEFAULT_SCORER_PARAMS,
) {
  return mean(
    prepared.map((p, i) =>
      averagePrecisionAt(
        search
          .rank(p, ranker ? undefined : params, ranker)
          .slice(0, 5)
          .map((r) => vclaimId(r.row.url)),
        queries[i].relevant,
      ),
    ),
  );
}

async function main(): Promise<void> {
  const queries = loadQueries(CLAIM_MATCHING_DIR, 'train');
  const pools = await fetchAll(queries);
  const pool = Number(process.env.MATCHING_POOL ?? 0) || CANDIDATE_POOL;
  const prepared = pools.map(({ fetched }, i) =>
    prepareFetched(queries[i].text, { ...fetched, rows: fetched.rows.slice(0, pool) }),
  );
  // Matching's pools: the sentence encoder's features after the words'.
  const withSentences = prepared.map((p, i) => ({
    ...p,
    features: withSentenceColumns(p.features, pools[i].cosines.slice(0, pool)),
  }));
  const poolsOf = (variant: { features: string[] }) => (readsSentences(variant) ? withSentences : prepared);
  // rank() needs no database.
  const search = new FactCheckSearchService(null as unknown as FactChecksRepository);
  const order = seededShuffle(
    queries.map((_, i) => i),
    SPLIT_SEED,
  );
  const recall = mean(prepared.map((p, i) => (p.rows.some((r) => queries[i].relevant.has(vclaimId(r.url))) ? 1 : 0)));
  console.log(`pool ${pool}: ${queries.length} train queries, candidate recall ${recall.toFixed(3)}`);

  const without = (...names: string[]) => ALL_FEATURES.filter((f) => !names.includes(f));
  const base: Variant = { name: 'with sentences (matching)', ...CHOSEN_MATCHING };
  const variants: Variant[] = (JSON.parse(process.env.RANKER_VARIANTS ?? 'null') as Partial<Variant>[] | null)?.map(
    (v) => ({
      ...base,
      ...v,
      features: v.features ?? (v.name?.startsWith('-') ? without(...v.name.slice(1).split(',')) : ALL_FEATURES),
    }),
  ) ?? [
    { ...CHOSEN_SEARCH, name: 'words alone (search)' },
    base,
    { ...base, name: 'without sentenceLead', features: without('sentenceLead') },
    { ...base, name: 'pairwise C=0.3', C: 0.3 },
    { ...base, name: 'pairwise C=3', C: 3 },
    { ...base, name: 'pairwise ΔMAP-weighted', deltaRounds: 2 },
    { ...base, name: 'listwise C=1', loss: 'listwise' },
    { ...base, name: 'no dates or poster', features: without('dateAgrees', 'dateConflicts', 'posterNamed') },
    { ...base, name: 'no pool-relative', features: without('bm25fPoolBest', 'lexicalPlace', 'sentenceLead') },
  ];
  // Four seeded folds of the train queries: each variant fitted on three, scored on the fourth.
  const folds = [0, 1, 2, 3].map((k) => new Set(order.slice(k * HELD_OUT, (k + 1) * HELD_OUT)));
  const foldOf =
    (k: number, held: boolean) =>
    <T>(items: T[]) =>
      items.filter((_, i) => folds[k].has(i) === held);
  const hand = folds.map((_, k) => mapAt5(search, foldOf(k, true)(prepared), foldOf(k, true)(queries)));
  console.log(
    `hand-weighted scorer (fitted on all 800): folds ${hand.map((v) => v.toFixed(4)).join(' ')}  mean ${mean(hand).toFixed(4)}`,
  );
  if (args.includes('--hand')) {
    const refitted = folds.map((_, k) =>
      mapAt5(
        search,
        foldOf(k, true)(prepared),
        foldOf(k, true)(queries),
        undefined,
        fitHandWeights(search, foldOf(k, false)(prepared), foldOf(k, false)(queries)),
      ),
    );
    console.log(
      `hand-weighted scorer refitted on each fit: folds ${refitted.map((v) => v.toFixed(4)).join(' ')}  mean ${mean(refitted).toFixed(4)}`,
    );
  }
  for (const variant of variants) {
    // Scored as shipped (ranked by the calibrated score) and by the margin alone.
    const pools = poolsOf(variant);
    const both = folds.map((_, k) => {
      const weights = fitWeights(variant, foldOf(k, false)(pools), foldOf(k, false)(queries));
      const ranker = calibrated(weights, foldOf(k, false)(pools), foldOf(k, false)(queries));
      const held = [foldOf(k, true)(pools), foldOf(k, true)(queries)] as const;
      return [mapAt5(search, ...held, ranker), mapAt5(search, ...held, weights)];
    });
    const scores = both.map(([shipped]) => shipped);
    console.log(
      `${variant.name.padEnd(28)} folds ${scores.map((v) => v.toFixed(4)).join(' ')}  mean ${mean(scores).toFixed(4)}  (margin alone ${mean(both.map(([, margin]) => margin)).toFixed(4)})`,
    );
  }
  if (!write) return;

  const writeRanker = (variant: Variant, path: string): MatchRanker => {
    const fitted = fitVariant(variant, poolsOf(variant), queries);
    const model: MatchRankerJson = { ...fitted.json, trainingQueries: queries.length };
    writeFileSync(path, `${JSON.stringify(model, null, 2)}\n`);
    const ranker = new MatchRanker(model);
    console.log(`wrote ${path}: train MAP@5 ${mapAt5(search, poolsOf(variant), queries, ranker).toFixed(4)}`);
    return ranker;
  };
  writeRanker({ name: 'search', ...CHOSEN_SEARCH }, DEFAULT_MATCH_RANKER_PATH);
  const matching = writeRanker({ name: 'matching', ...CHOSEN_MATCHING }, SENTENCE_MATCH_RANKER_PATH);
  // What matching keeps at each threshold.
  for (const threshold of [0.3, 0.4, 0.5, 0.6, 0.65, 0.68, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75, 0.8, 0.85, 0.9]) {
    let right = 0;
    let wrongFirst = 0;
    withSentences.forEach((p, i) => {
      const kept = search
        .rank(p, undefined, matching)
        .filter((r) => r.score >= threshold)
        .slice(0, MATCHES_KEPT);
      if (kept.some((r) => queries[i].relevant.has(vclaimId(r.row.url)))) right += 1;
      if (kept.length > 0 && !queries[i].relevant.has(vclaimId(kept[0].row.url))) wrongFirst += 1;
    });
    console.log(`threshold ${threshold}: right kept ${right} of ${queries.length}, wrong best match ${wrongFirst}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
