import { appendFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestService } from '../helpers/test-service';

const ROOT = resolve(__dirname, '../..');
export const SUMMARY_FILE = resolve(ROOT, 'test/artifacts/faults-summary.txt');

interface Extractor {
  threshold: number;
  extract(body: string, options: { minCheckworthiness: number }): { text: string }[];
}

/**
 * The extractor exactly as the worker runs it: the build's own module (the same code and model file), not the
 * sources, which may have moved on since the build.
 */
export function loadBuiltExtractor(): Extractor {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ClaimExtractor } = require(resolve(ROOT, 'dist/src/extraction/lib/claim-extractor.js')) as {
    ClaimExtractor: new () => Extractor;
  };
  return new ClaimExtractor();
}

export interface PlannedArticle {
  /** Unique per planned article: how its row is found again. */
  title: string;
  body: string;
  externalId: string;
  /** Claims the extractor makes of this body. */
  expected: number;
}

const PLACES = [
  'the border region',
  'the capital',
  'the northern provinces',
  'three coastal towns',
  'the eastern district',
];
const SOURCES = ['the ministry', 'the central bank', 'the statistics office', 'the city council', 'the health agency'];

/** News-like bodies with several checkable sentences, each article different from every other. */
export function articleBody(n: number): string {
  return [
    `Officials said on Monday that ${120 + n} soldiers were deployed to ${PLACES[n % PLACES.length]} in ${1990 + (n % 33)}.`,
    `According to ${SOURCES[n % SOURCES.length]}, spending rose by ${(n % 80) + 4} percent compared with the previous year.`,
    `Unemployment fell to ${(n % 7) + 2}.${n % 10} percent in March, the lowest rate since ${1970 + (n % 40)}.`,
    `The government plans to build ${n * 3 + 17} new schools by 2030, the minister told parliament.`,
    `Is this the right policy?`,
    // Some articles are longer, so articles differ in their number of claims.
    ...(n % 3 >= 1
      ? [`Exports to ${PLACES[(n + 2) % PLACES.length]} doubled between 2015 and ${2016 + (n % 8)}, customs data show.`]
      : []),
    ...(n % 3 === 2 ? [`The city spent $${(n % 50) + 10} million on new bus lanes last year.`] : []),
  ].join(' ');
}

export function planArticles(extractor: Extractor, scenario: string, from: number, count: number): PlannedArticle[] {
  return Array.from({ length: count }, (_, i) => {
    const body = articleBody(from + i);
    return {
      title: `${scenario} article ${i}`,
      body,
      externalId: `${scenario}-${i}`,
      expected: extractor.extract(body, { minCheckworthiness: extractor.threshold }).length,
    };
  });
}

export interface IngestReport {
  posted: number;
  /** Articles the service answered 2xx for, after retries. */
  accepted: number;
  /** Answers other than 2xx that the client retried: status (or "network") → count. */
  retried: Record<string, number>;
  /** Answers that are not retryable, or retries that ran out: each a short description. */
  failures: string[];
  /** Article ids answered per externalId: a retry must answer the same id. */
  ids: Map<string, string>;
}

const RETRYABLE = new Set([503, 429]);

/**
 * Posts articles the way a careful integrator does: a few at a time; on a 503, a 429, an in-flight idempotency key
 * or a dropped connection it waits and sends the same request again (same externalId, and on every other article
 * the same Idempotency-Key), so a retry can never be a second article.
 */
export async function ingest(
  t: TestService,
  key: string,
  articles: PlannedArticle[],
  options: { concurrency?: number; deadlineMs?: number; onAccepted?: (accepted: number) => void } = {},
): Promise<IngestReport> {
  const report: IngestReport = { posted: articles.length, accepted: 0, retried: {}, failures: [], ids: new Map() };
  const deadline = Date.now() + (options.deadlineMs ?? 90_000);
  let next = 0;
  const postOne = async (article: PlannedArticle, index: number) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' };
    if (index % 2 === 1) headers['Idempotency-Key'] = `idem-${article.externalId}`;
    const body = JSON.stringify({ title: article.title, body: article.body, externalId: article.externalId });
    for (let attempt = 0; ; attempt++) {
      let outcome: string;
      try {
        const response = await fetch(`${t.url}/articles`, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const json = (await response.json().catch(() => null)) as { id?: string; code?: string } | null;
        if (response.status === 200 || response.status === 202) {
          const earlier = report.ids.get(article.externalId);
          if (earlier && earlier !== json?.id)
            report.failures.push(`${article.externalId}: a retry answered another article`);
          report.ids.set(article.externalId, json!.id!);
          report.accepted++;
          options.onAccepted?.(report.accepted);
          return;
        }
        const retryable =
          RETRYABLE.has(response.status) || (response.status === 409 && json?.code === 'idempotency_in_flight');
        if (!retryable) {
          report.failures.push(`${article.externalId}: ${response.status} ${JSON.stringify(json)}`);
          return;
        }
        outcome = String(response.status);
      } catch (error) {
        outcome = 'network';
      }
      report.retried[outcome] = (report.retried[outcome] ?? 0) + 1;
      if (Date.now() > deadline) {
        report.failures.push(`${article.externalId}: still ${outcome} after ${attempt + 1} tries`);
        return;
      }
      await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** Math.min(attempt, 4), 1000)));
    }
  };
  const runner = async () => {
    while (next < articles.length) {
      const index = next++;
      await postOne(articles[index], index);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, runner));
  return report;
}

export interface Tally {
  articlesStored: number;
  articlesReady: number;
  claimsExpected: number;
  claimsStored: number;
  claimsAssigned: number;
  lost: number;
  duplicated: number;
  /** Articles whose claim count differs from the extractor's, either way: each "externalId: stored/expected". */
  mismatched: string[];
  /** How long `settle` waited for these counts. */
  settledSeconds?: number;
}

/**
 * Counts one scenario's rows in Postgres (everything the owner posted). Lost: accepted articles missing, and
 * claims the extractor makes that are not stored. Duplicated: an article stored twice, two claims with the
 * same (article, text), a claim assigned twice, and stored claims beyond the extractor's.
 */
export async function tally(t: TestService, ownerId: string, articles: PlannedArticle[]): Promise<Tally> {
  const { rows } = await t.db.query<{ title: string; status: string; claims: number; assigned: number }>(
    `SELECT a.title, a.status, count(c.id)::int AS claims, count(c.assignee_id)::int AS assigned
     FROM articles a LEFT JOIN claims c ON c.article_id = a.id AND c.status <> 'withdrawn'
     WHERE a.owner_id = $1 GROUP BY a.id`,
    [ownerId],
  );
  const [dup] = (
    await t.db.query<{ articles: number; claims: number; assignments: number }>(
      `SELECT (SELECT count(*) - count(DISTINCT title) FROM articles WHERE owner_id = $1)::int AS articles,
              (SELECT count(*) - count(DISTINCT (c.article_id, c.text)) FROM claims c JOIN articles a ON a.id = c.article_id WHERE a.owner_id = $1)::int AS claims,
              (SELECT count(*) FROM (SELECT e.claim_id FROM claim_events e JOIN articles a ON a.id = e.article_id
                 WHERE a.owner_id = $1 AND e.type = 'assigned' GROUP BY e.claim_id HAVING count(*) > 1) twice)::int AS assignments`,
      [ownerId],
    )
  ).rows;
  const byTitle = new Map(rows.map((r) => [r.title, r]));
  let lost = 0;
  let extra = 0;
  const mismatched: string[] = [];
  for (const article of articles) {
    const stored = byTitle.get(article.title);
    const claims = stored?.claims ?? 0;
    if (claims !== article.expected) mismatched.push(`${article.externalId}: ${claims}/${article.expected}`);
    lost += Math.max(0, article.expected - claims);
    extra += Math.max(0, claims - article.expected);
  }
  return {
    articlesStored: rows.length,
    articlesReady: rows.filter((r) => r.status === 'ready').length,
    claimsExpected: articles.reduce((n, a) => n + a.expected, 0),
    claimsStored: rows.reduce((n, r) => n + r.claims, 0),
    claimsAssigned: rows.reduce((n, r) => n + r.assigned, 0),
    lost,
    duplicated: dup.articles + dup.claims + dup.assignments + extra,
    mismatched,
  };
}

/**
 * Waits until every posted article is extracted and every claim the extractor makes is stored and assigned, for as
 * long as that work moves: it stops once the counts have stood still for `stallMs` (stuck work, which the assertions
 * then name) or after `timeoutMs` in all. A slow machine gets the time its work takes; stuck work fails as soon.
 */
export async function settle(
  t: TestService,
  ownerId: string,
  articles: PlannedArticle[],
  { stallMs = 30_000, timeoutMs = 120_000 } = {},
): Promise<Tally> {
  const started = Date.now();
  const settled = (counts: Tally) =>
    counts.articlesReady === articles.length &&
    counts.claimsStored === counts.claimsExpected &&
    counts.claimsAssigned === counts.claimsStored;
  const progress = (counts: Tally) => `${counts.articlesReady}/${counts.claimsStored}/${counts.claimsAssigned}`;
  let last = await tally(t, ownerId, articles);
  let movedAt = started;
  while (!settled(last) && Date.now() - movedAt < stallMs && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 100));
    const counts = await tally(t, ownerId, articles).catch(() => last);
    if (progress(counts) !== progress(last)) movedAt = Date.now();
    last = counts;
  }
  return { ...last, settledSeconds: Math.round((Date.now() - started) / 100) / 10 };
}

/** One line per scenario, on the terminal and in test/artifacts/faults-summary.txt. */
/** The verdict every scenario owes: each expected article and claim stored, each claim assigned once, nothing extra. */
export function expectNothingLostOrDoubled(counts: Tally, articles: number): void {
  expect(counts.articlesStored).toBe(articles);
  expect(counts.mismatched).toEqual([]);
  expect(counts.claimsStored).toBe(counts.claimsExpected);
  expect(counts.claimsAssigned).toBe(counts.claimsExpected);
  expect(counts.lost).toBe(0);
  expect(counts.duplicated).toBe(0);
}

export function report(line: string): void {
  const text = `faults: ${line}`;
  process.stdout.write(`${text}\n`);
  mkdirSync(resolve(SUMMARY_FILE, '..'), { recursive: true });
  appendFileSync(SUMMARY_FILE, `${text}\n`);
}

export function ingestLine(what: string, ingested: IngestReport, counts: Tally, extra = ''): string {
  const retried =
    Object.entries(ingested.retried)
      .map(([status, n]) => `${n}×${status}`)
      .join(' ') || 'none';
  return (
    `${what} — articles posted ${ingested.posted} / stored ${counts.articlesStored}, ` +
    `claims expected ${counts.claimsExpected} / stored ${counts.claimsStored} / assigned ${counts.claimsAssigned}, ` +
    `lost ${counts.lost}, duplicated ${counts.duplicated}` +
    `${counts.settledSeconds === undefined ? '' : `, settled in ${counts.settledSeconds} s`}` +
    ` (client retries: ${retried}${extra ? `; ${extra}` : ''})`
  );
}

/** The id of the key a bearer token names (articles are owned by it). */
export async function keyIdOf(t: TestService, key: string): Promise<string> {
  const prefix = /^cdk_([0-9a-f]{16})_/.exec(key)![1];
  return (await t.db.query<{ id: string }>(`SELECT id FROM api_keys WHERE prefix = $1`, [prefix])).rows[0].id;
}
