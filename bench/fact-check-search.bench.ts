import { Client, Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import { CLAIM_MATCHING_DIR } from '../src/common/repo-paths';
import { dataSourceOptions } from '../src/database/data-source';
import { migrateDatabase } from '../src/database/migrate';
import {
  CANDIDATE_POOL,
  FactCheckSearchService,
  MAX_LEXEME_SHARE,
  MAX_QUERY_LEXEMES,
  POSTINGS_BUDGET,
} from '../src/fact-checks/fact-check-search.service';
import { FactChecksRepository } from '../src/fact-checks/fact-checks.repository';
import { loadQueries, loadVerifiedClaims } from '../tools/lib/matching-evaluation';
import { TEMPLATE_DATABASE_URL } from '../test/helpers/test-env';
import { elapsedMs, percentile, round } from './lib/stats';

// Usage: ts-node bench/fact-check-search.bench.ts [SIZE…] (default 100000 1000000)
// Synthetic fact-checks (the verified claims' words recombined, so lexeme frequencies look real) written with COPY into
// <database>_match_bench_<size> (beside DATABASE_URL's database, so checkouts sharing a Postgres never share one),
// seeded once and reused; then the dev tweets searched through the API's search code.
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const SIZES = sizes.length ? sizes : [100_000, 1_000_000];

function databaseUrl(size: number): string {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? TEMPLATE_DATABASE_URL);
  url.pathname = `${url.pathname}_match_bench_${size}`;
  return url.toString();
}

function escapeCopy(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\t/g, ' ').replace(/\n/g, ' ').replace(/\r/g, ' ');
}

async function ensureSeeded(size: number): Promise<string> {
  const url = databaseUrl(size);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  const exists =
    (await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [new URL(url).pathname.slice(1)])).rowCount ===
    1;
  if (!exists) await client.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`);
  await client.end();
  await migrateDatabase(url);
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  await dataSource.initialize();
  const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM fact_checks`);
  if (n === size) {
    // A migration may have just filled a table (the postings): index-only scans need the visibility map.
    await dataSource.query(`VACUUM ANALYZE fact_check_postings`);
    await dataSource.destroy();
    return url;
  }
  await dataSource.query(`TRUNCATE fact_checks CASCADE`);
  const claims = loadVerifiedClaims(CLAIM_MATCHING_DIR);
  const words = claims.map((c) => c.claim.split(/\s+/));
  const titles = claims.map((c) => c.title.split(/\s+/));
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const mix = (pool: string[][]) => {
    const a = pick(pool);
    const b = pick(pool);
    const cut = Math.floor(a.length / 2);
    return [...a.slice(0, cut), ...b.slice(Math.floor(b.length / 2))].join(' ');
  };
  const started = process.hrtime.bigint();
  // The indexes go while COPY runs and come back after: building them once is far faster than row by row.
  await dataSource.query(`DROP INDEX IF EXISTS "IDX_fact_checks_search"`);
  await dataSource.query(`DROP INDEX IF EXISTS "IDX_fact_checks_claim_trgm"`);
  await dataSource.query(`DROP INDEX IF EXISTS "IDX_fact_check_postings_lexeme_impact"`);
  await dataSource.query(`DROP INDEX IF EXISTS "IDX_fact_check_postings_fact_check"`);
  const pool = new Pool({ connectionString: url, max: 1 });
  const connection = await pool.connect();
  try {
    await pipeline(
      Readable.from(
        (function* () {
          for (let i = 0; i < size; i += 1) {
            const claim = escapeCopy(mix(words));
            const review = escapeCopy(
              JSON.stringify({ '@type': 'ClaimReview', url: `https://bench.invalid/fc/${i}`, claimReviewed: claim }),
            );
            yield `https://bench.invalid/fc/${i}\t${claim}\t${escapeCopy(mix(titles))}\t${pick(['False', 'True', 'Mixture', 'Mostly False'])}\t${review}\n`;
          }
        })(),
      ),
      connection.query(copyFrom(`COPY fact_checks (url, claim_reviewed, headline, rating, claim_review) FROM STDIN`)),
    );
  } finally {
    connection.release();
    await pool.end();
  }
  const copied = elapsedMs(started);
  await new FactChecksRepository(dataSource).rebuildStats();
  const postings = elapsedMs(started);
  await dataSource.query(`CREATE INDEX "IDX_fact_checks_search" ON fact_checks USING gin (search_vector)`);
  await dataSource.query(
    `CREATE INDEX "IDX_fact_checks_claim_trgm" ON fact_checks USING gin (claim_reviewed gin_trgm_ops)`,
  );
  await dataSource.query(
    `CREATE INDEX "IDX_fact_check_postings_lexeme_impact" ON fact_check_postings (lexeme, impact DESC) INCLUDE (fact_check_id)`,
  );
  await dataSource.query(`CREATE INDEX "IDX_fact_check_postings_fact_check" ON fact_check_postings (fact_check_id)`);
  // Index-only scans of the postings need the visibility map.
  await dataSource.query(`VACUUM ANALYZE fact_checks`);
  await dataSource.query(`VACUUM ANALYZE fact_check_postings`);
  const seconds = (ms: number) => round(ms / 1000, 1);
  console.log(
    `seeded ${size} fact-checks in ${seconds(elapsedMs(started))} s (COPY ${seconds(copied)} s, statistics and postings ${seconds(postings - copied)} s, indexes and vacuum ${seconds(elapsedMs(started) - postings)} s)`,
  );
  await dataSource.destroy();
  return url;
}

/** The dev tweets searched one at a time through the API's search code, on `size` fact-checks (seeded once). */
export async function measureFactCheckSearch(
  size: number,
  budget = POSTINGS_BUDGET,
): Promise<{ p50: number; p95: number; p99: number }> {
  const dataSource = new DataSource(dataSourceOptions(await ensureSeeded(size), 2));
  await dataSource.initialize();
  try {
    const search = new FactCheckSearchService(new FactChecksRepository(dataSource));
    const queries = loadQueries(CLAIM_MATCHING_DIR, 'dev').map((q) => q.text);
    const run = async (q: string) =>
      search.rank(await search.prepare(q, CANDIDATE_POOL, MAX_QUERY_LEXEMES, MAX_LEXEME_SHARE, budget)).slice(0, 10);
    for (const q of queries.slice(0, 20)) await run(q);
    const times: number[] = [];
    for (const q of queries) {
      const started = process.hrtime.bigint();
      await run(q);
      times.push(elapsedMs(started));
    }
    times.sort((a, b) => a - b);
    return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), p99: round(percentile(times, 99)) };
  } finally {
    await dataSource.destroy();
  }
}

async function main(): Promise<void> {
  for (const size of SIZES) {
    // The default postings budget (what the API, matching and the evaluation use) and a four times larger one.
    for (const budget of [POSTINGS_BUDGET, 4 * POSTINGS_BUDGET]) {
      const result = await measureFactCheckSearch(size, budget);
      console.log(
        `fact-check search, ${size} fact-checks, postings budget ${budget}, dev tweets one at a time: p50 ${result.p50} ms  p95 ${result.p95} ms  p99 ${result.p99} ms`,
      );
    }
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
