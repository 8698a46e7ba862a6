import { Pool } from 'pg';
import { copyTemplateDatabase, startTestService, type TestService } from '../test/helpers/test-service';
import { TEMPLATE_DATABASE_URL } from '../test/helpers/test-env';
import { encodeCursor } from '../src/common/pagination';
import { elapsedMs, percentile, round } from './lib/stats';

const PUBLISHED = 100_000;
const CLAIMS_PER_ARTICLE = 50;
const REQUESTS = 300;
const CONCURRENCY = 8;

export interface PublicPagesBenchResult {
  published: number;
  /** p50 and p95 in ms of each public address, CONCURRENCY readers at once, signed out. */
  pages: Record<'factCheck' | 'indexFirst' | 'indexDeep' | 'feed' | 'sitemap', { p50Ms: number; p95Ms: number }>;
  worstP95Ms: number;
}

function databaseUrl(): string {
  const url = new URL(TEMPLATE_DATABASE_URL);
  url.pathname = `${url.pathname}_bench_public_${PUBLISHED}`;
  return url.toString();
}

/**
 * Published verdicts written straight to the tables, each with the history row of its verdict (the page reads it):
 * half sourced, half disputed, one a minute. Seeded once; a later run with the same schema reuses them.
 */
async function ensureSeeded(): Promise<string> {
  const url = databaseUrl();
  const probe = new Pool({ connectionString: url, max: 1 });
  const [count, migration, expected] = await Promise.all([
    probe.query(`SELECT count(*)::int AS n FROM claims WHERE public_slug IS NOT NULL`).then(
      (r) => r.rows[0].n as number,
      () => 0,
    ),
    probe.query(`SELECT max(timestamp)::text AS m FROM migrations`).then(
      (r) => r.rows[0].m as string,
      () => null,
    ),
    (async () => {
      const template = new Pool({ connectionString: TEMPLATE_DATABASE_URL, max: 1 });
      try {
        return (await template.query(`SELECT max(timestamp)::text AS m FROM migrations`)).rows[0].m as string;
      } finally {
        await template.end();
      }
    })(),
  ]).finally(() => probe.end());
  if (count === PUBLISHED && migration === expected) return url;
  await copyTemplateDatabase(url);
  const db = new Pool({ connectionString: url, max: 1 });
  try {
    const articles = PUBLISHED / CLAIMS_PER_ARTICLE;
    await db.query(
      `INSERT INTO articles (owner_id, content_hash, title, body, status, extracted_revision, url, created_at)
       SELECT gen_random_uuid(), md5('public' || a), 'Published article ' || a, 'Seeded body ' || a, 'ready', 1,
              'https://news.example.org/story-' || a, now() - make_interval(mins => a * $2::int)
       FROM generate_series(1, $1) AS a`,
      [articles, CLAIMS_PER_ARTICLE],
    );
    await db.query(
      `INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type,
                           status, claimant, rating, public_note, public_slug, published_at, created_at, updated_at)
       SELECT a.id, 1, o, 'Seeded claim ' || a.n || '.' || o || ' says spending rose ' || o || ' percent.', o * 10,
              o * 10 + 9, o, 0.8, 'quantity', CASE WHEN o % 2 = 0 THEN 'sourced' ELSE 'disputed' END,
              'Minister ' || (o % 40), CASE WHEN o % 2 = 0 THEN 'mostly-true' ELSE 'false' END,
              'The ministry''s budget line ' || o || ' gives the figure.', 'seeded-claim-' || a.n || '-' || o || '-pending',
              now() - make_interval(mins => (a.n * $1 + o)::int), now() - make_interval(mins => (a.n * $1)::int), now()
       FROM (SELECT id, row_number() OVER (ORDER BY created_at DESC) AS n FROM articles) a,
            generate_series(0, $1 - 1) AS o`,
      [CLAIMS_PER_ARTICLE],
    );
    // The product's slug form: words, then the first 12 hex digits of the claim's id.
    await db.query(`UPDATE claims SET public_slug = 'seeded-claim-' || left(replace(id::text, '-', ''), 12)`);
    await db.query(
      `INSERT INTO claim_events (claim_id, article_id, type, from_status, to_status, actor_role, sources, rating, created_at)
       SELECT id, article_id, 'transition', 'unverified', status, 'reviewer',
              '[{"url": "https://example.org/source", "title": "The source"}]'::jsonb, rating, published_at
       FROM claims`,
    );
    await db.query('ANALYZE');
  } finally {
    await db.end();
  }
  return url;
}

/** Reads each public address as a signed-out reader would, CONCURRENCY at once; the slugs spread over the archive. */
async function measure(t: TestService, slugs: string[], deepCursor: string): Promise<PublicPagesBenchResult['pages']> {
  const get = async (path: string) => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${t.url}${path}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} → ${response.status}`);
    return elapsedMs(started);
  };
  const paths: Record<keyof PublicPagesBenchResult['pages'], (i: number) => string> = {
    factCheck: (i) => `/fact-checks/${slugs[(i * 7919) % slugs.length]}`,
    indexFirst: () => '/fact-checks',
    indexDeep: () => `/fact-checks?cursor=${encodeURIComponent(deepCursor)}`,
    feed: () => '/fact-checks/feed.atom',
    sitemap: () => '/sitemap.xml',
  };
  const pages = {} as PublicPagesBenchResult['pages'];
  for (const [name, pathOf] of Object.entries(paths) as [keyof typeof paths, (i: number) => string][]) {
    for (let i = 0; i < CONCURRENCY; i++) await get(pathOf(i)); // warm-up
    const times: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let i = next++; i < REQUESTS; i = next++) times.push(await get(pathOf(i)));
      }),
    );
    times.sort((a, b) => a - b);
    pages[name] = { p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)) };
  }
  return pages;
}

/** The public fact-check pages, index, feed and sitemap over 100,000 published verdicts, signed out. */
export async function runPublicPagesBench(): Promise<PublicPagesBenchResult> {
  const url = await ensureSeeded();
  const t = await startTestService(14, {
    worker: false,
    name: 'bench-public-pages',
    databaseUrl: url,
    env: { LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  try {
    const { rows } = await t.db.query(`SELECT public_slug FROM claims ORDER BY random() LIMIT 2000`);
    // A cursor 40 pages into the index: the (published_at, id) of the claim there.
    const deep = await t.db.query(
      `SELECT published_at, id FROM claims WHERE public_slug IS NOT NULL ORDER BY published_at DESC, id DESC OFFSET 1000 LIMIT 1`,
    );
    const cursor = encodeCursor([new Date(deep.rows[0].published_at).toISOString(), deep.rows[0].id]);
    const pages = await measure(
      t,
      rows.map((r) => r.public_slug as string),
      cursor,
    );
    return { published: PUBLISHED, pages, worstP95Ms: Math.max(...Object.values(pages).map((p) => p.p95Ms)) };
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  runPublicPagesBench().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
