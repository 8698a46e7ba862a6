import { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import { copyTemplateDatabase, startTestService, type TestService } from '../test/helpers/test-service';
import { TEMPLATE_DATABASE_URL } from '../test/helpers/test-env';
import { elapsedMs, percentile, round } from './lib/stats';

const CLAIMS_PER_ARTICLE = 50;
const REQUESTS_PER_KIND = 150;
const STATUSES = ['unverified', 'unverified', 'sourced', 'disputed', 'dismissed'];

export interface ListingBenchResult {
  p95Ms10k: number;
  p95Ms1M: number;
  p95Ratio: number;
  /** `/admin/stats` at 1M claims: the first call computes it, the next ones within STATS_CACHE_MS reuse it. */
  statsMs1M: number;
  statsCachedP95Ms1M: number;
}

function benchDatabaseUrl(claims: number): string {
  const url = new URL(TEMPLATE_DATABASE_URL);
  // Named after the template, so checkouts with templates of their own never share (or reseed) each other's.
  url.pathname = `${url.pathname}_bench_${claims}`;
  return url.toString();
}

/** Seeds once with COPY; a later run finds the rows and reuses them. */
async function scalar(url: string, sql: string): Promise<unknown> {
  const db = new Pool({ connectionString: url, max: 1 });
  try {
    return (await db.query(sql).catch(() => ({ rows: [{ value: null }] }))).rows[0]?.value ?? null;
  } finally {
    await db.end();
  }
}

const seededCount = (url: string) => scalar(url, `SELECT count(*)::int AS value FROM claims`);
/** A seeded database made before the latest migration lacks its columns and indexes: it is seeded again. */
const lastMigration = (url: string) => scalar(url, `SELECT max(timestamp)::text AS value FROM migrations`);

export async function ensureSeeded(claims: number): Promise<string> {
  const url = benchDatabaseUrl(claims);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminPool = new Pool({ connectionString: admin.toString(), max: 1 });
  const exists =
    (await adminPool.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [new URL(url).pathname.slice(1)]))
      .rowCount === 1;
  await adminPool.end();
  if (
    exists &&
    (await seededCount(url)) === claims &&
    (await lastMigration(url)) === (await lastMigration(TEMPLATE_DATABASE_URL))
  )
    return url;
  await copyTemplateDatabase(url);
  const db = new Pool({ connectionString: url, max: 2 });
  const client = await db.connect();
  try {
    const articles = claims / CLAIMS_PER_ARTICLE;
    const owner = randomUUID();
    const articleIds = Array.from({ length: articles }, () => randomUUID());
    const base = Date.now() - articles * 60_000;
    await pipeline(
      Readable.from(
        (function* () {
          for (let a = 0; a < articles; a++) {
            const at = new Date(base + a * 60_000).toISOString();
            yield `${articleIds[a]}\t${owner}\thash-${a}\tBench article ${a}\tSeeded body ${a}.\tready\t1\t${at}\t${at}\n`;
          }
        })(),
      ),
      client.query(
        copyFrom(
          `COPY articles (id, owner_id, content_hash, title, body, status, extracted_revision, created_at, updated_at) FROM STDIN`,
        ),
      ),
    );
    await pipeline(
      Readable.from(
        (function* () {
          for (let a = 0; a < articles; a++) {
            const at = new Date(base + a * 60_000).toISOString();
            let chunk = '';
            for (let o = 0; o < CLAIMS_PER_ARTICLE; o++) {
              const status = STATUSES[(a * 7 + o) % STATUSES.length];
              chunk += `${articleIds[a]}\t1\t${o}\tSeeded claim ${a}.${o} says spending rose ${o} percent.\t${o * 10}\t${o * 10 + 9}\t${o}\t${((a * 31 + o * 17) % 1000) / 1000}\tquantity\t${status}\t${at}\t${at}\n`;
            }
            yield chunk;
          }
        })(),
      ),
      client.query(
        copyFrom(
          `COPY claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type, status, created_at, updated_at) FROM STDIN`,
        ),
      ),
    );
    await client.query('ANALYZE');
  } finally {
    client.release();
    await db.end();
  }
  return url;
}

/**
 * p95 over the listings a desk uses: newest claims (first and deep pages), by status, by score, one article's,
 * articles; and `/admin/stats` computed once, then answered from its cache.
 */
async function measure(t: TestService): Promise<{ p95: number; statsMs: number; statsCachedP95: number }> {
  const editor = await t.createKey('editor');
  const get = async (path: string) => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${t.url}${path}`, { headers: { Authorization: `Bearer ${editor}` } });
    const body = (await response.json()) as { nextCursor: string | null };
    if (response.status !== 200) throw new Error(`${path} → ${response.status} ${JSON.stringify(body)}`);
    return { ms: elapsedMs(started), body };
  };
  const { rows } = await t.db.query(`SELECT id FROM articles ORDER BY random() LIMIT 20`);
  const latencies: number[] = [];
  const kinds = [
    () => '/claims?limit=50',
    () => '/claims?limit=50&status=disputed',
    () => '/claims?limit=50&sort=checkworthiness',
    () => `/claims?limit=50&articleId=${rows[Math.floor(Math.random() * rows.length)].id}`,
    () => '/articles?limit=50',
  ];
  for (let i = 0; i < 20; i++) await get(kinds[i % kinds.length]()); // warm-up
  for (const kind of kinds) {
    for (let i = 0; i < REQUESTS_PER_KIND; i++) latencies.push((await get(kind())).ms);
  }
  // Deep pages: walk 30 pages down the newest-first listing, following cursors.
  let cursor: string | null = null;
  for (let i = 0; i < 30; i++) {
    const { ms, body } = await get(`/claims?limit=50${cursor ? `&cursor=${cursor}` : ''}`);
    latencies.push(ms);
    cursor = body.nextCursor;
  }
  latencies.sort((a, b) => a - b);
  const statsMs = (await get('/admin/stats')).ms;
  const cached: number[] = [];
  for (let i = 0; i < 20; i++) cached.push((await get('/admin/stats')).ms);
  cached.sort((a, b) => a - b);
  return { p95: percentile(latencies, 95), statsMs, statsCachedP95: percentile(cached, 95) };
}

export async function runListingBench(): Promise<ListingBenchResult> {
  const runs: { p95: number; statsMs: number; statsCachedP95: number }[] = [];
  for (const claims of [10_000, 1_000_000]) {
    const databaseUrl = await ensureSeeded(claims);
    const t = await startTestService(15, {
      worker: false,
      name: `bench-listing-${claims}`,
      databaseUrl,
      env: { LOG_LEVEL: 'error' },
    });
    try {
      runs.push(await measure(t));
    } finally {
      await t.close();
    }
  }
  const [small, large] = runs;
  return {
    p95Ms10k: round(small.p95),
    p95Ms1M: round(large.p95),
    p95Ratio: round(large.p95 / small.p95),
    statsMs1M: round(large.statsMs),
    statsCachedP95Ms1M: round(large.statsCachedP95),
  };
}

if (require.main === module) {
  runListingBench().then(
    (r) => {
      console.log(
        `listing: p95 ${r.p95Ms10k} ms at 10k claims, ${r.p95Ms1M} ms at 1M → ratio ${r.p95Ratio} (target ≤ 1.5)`,
      );
      console.log(`stats at 1M claims: ${r.statsMs1M} ms computed, p95 ${r.statsCachedP95Ms1M} ms from the cache`);
      console.log(JSON.stringify(r));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
