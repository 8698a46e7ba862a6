import {
  ensureServicesUp,
  guardServices,
  postgresIsUp,
  redisIsUp,
  startPostgres,
  startRedis,
  stopPostgres,
  stopRedis,
} from '../helpers/services-control';
import { queueKey } from '../../src/queue/queue-keys';
import { startTestService, waitFor, type TestService } from '../helpers/test-service';
import {
  expectNothingLostOrDoubled,
  ingest,
  ingestLine,
  keyIdOf,
  loadBuiltExtractor,
  planArticles,
  report,
  settle,
  type IngestReport,
  type PlannedArticle,
  type Tally,
} from './fault-kit';

const ARTICLES = 200;
const REDIS_DB = 12;

/**
 * Postgres is the truth and Redis only the work list: whatever happens to Redis, Postgres or a worker while 200
 * articles come in, every article is stored once and every claim the extractor makes is stored and assigned once.
 * Real api and worker processes, the machine's real Postgres and Redis, stopped and started for real.
 */
describe('faults: outages in the middle of ingesting 200 articles', () => {
  let t: TestService;
  let unguard: () => void;
  let extractor: ReturnType<typeof loadBuiltExtractor>;
  let scenarioNo = 0;
  const queuePrefix = () => t.env.QUEUE_PREFIX;

  beforeAll(async () => {
    unguard = guardServices();
    ensureServicesUp();
    t = await startTestService(REDIS_DB, { name: 'faults-outages', env: { RECONCILE_INTERVAL_MS: '2000' } });
    // The suite's own connections see the outages too; their errors are expected and must not end the run.
    t.db.on('error', () => undefined);
    t.redis.on('error', () => undefined);
    // Room for every claim of every scenario.
    await t.createReviewer({ capacity: 10_000 });
    await t.createReviewer({ capacity: 10_000 });
    extractor = loadBuiltExtractor();
  }, 60_000);

  afterAll(async () => {
    try {
      ensureServicesUp();
    } finally {
      await t?.close();
      unguard();
    }
    expect(postgresIsUp()).toBe(true);
    expect(redisIsUp()).toBe(true);
  }, 60_000);

  /** Ingests 200 new articles as one new editor; `fault` runs while they come in, given the accepted count so far. */
  async function runScenario(
    slug: string,
    fault: (accepted: () => number) => Promise<string>,
  ): Promise<{ ingested: IngestReport; counts: Tally; articles: PlannedArticle[]; faultNote: string }> {
    const key = await t.createKey('editor');
    const owner = await keyIdOf(t, key);
    const articles = planArticles(extractor, slug, 10_000 * ++scenarioNo, ARTICLES);
    let accepted = 0;
    const ingesting = ingest(t, key, articles, { onAccepted: (n) => (accepted = n) });
    let faultNote: string;
    try {
      faultNote = await fault(() => accepted);
    } finally {
      ensureServicesUp();
    }
    const ingested = await ingesting;
    const counts = await settle(t, owner, articles);
    return { ingested, counts, articles, faultNote };
  }

  function expectIngestWhole({ ingested, counts }: { ingested: IngestReport; counts: Tally }): void {
    expect(ingested.failures).toEqual([]);
    expect(ingested.accepted).toBe(ARTICLES);
    expect(counts.articlesReady).toBe(ARTICLES);
    expectNothingLostOrDoubled(counts, ARTICLES);
  }

  const midway = (accepted: () => number, n: number) =>
    waitFor(async () => accepted() >= n, `${n} articles accepted`, 60_000);

  it('FLUSHDB of the suite’s Redis db twice mid-ingest: nothing lost, nothing doubled', async () => {
    const result = await runScenario('flush', async (accepted) => {
      const flushed: number[] = [];
      for (const at of [60, 140]) {
        await midway(accepted, at);
        flushed.push(await t.redis.dbsize());
        await t.redis.flushdb();
      }
      return `flushed ${flushed.join(' and ')} keys`;
    });
    report(ingestLine('redis FLUSHDB mid-ingest', result.ingested, result.counts, result.faultNote));
    expect(result.faultNote).toMatch(/^flushed [1-9]\d* and [1-9]\d* keys$/);
    expectIngestWhole(result);
  }, 150_000);

  it('the Redis server stopped and started again mid-ingest: the api keeps accepting, nothing lost, nothing doubled', async () => {
    const IN_FLIGHT = 8; // the ingest's concurrency: requests that may have passed Redis before it stopped
    let acceptedWhileDown = 0;
    let healthWhileDown = 0;
    let healthBodyWhileDown: unknown = null;
    const result = await runScenario('redis-restart', async (accepted) => {
      await midway(accepted, 60);
      const before = accepted();
      const stoppedAt = Date.now();
      stopRedis();
      try {
        const health = await fetch(`${t.url}/health`);
        healthWhileDown = health.status;
        healthBodyWhileDown = await health.json();
        // Posting needs only Postgres: articles sent after Redis stopped are accepted too (their jobs wait for the reconciler).
        await waitFor(
          async () => accepted() >= before + IN_FLIGHT + 4,
          'articles accepted while Redis is down',
          10_000,
        ).catch(() => undefined);
        acceptedWhileDown = accepted() - before;
      } finally {
        startRedis();
      }
      return `Redis down ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s, ${acceptedWhileDown} articles accepted meanwhile, /health ${healthWhileDown}`;
    });
    report(ingestLine('redis server stopped and started mid-ingest', result.ingested, result.counts, result.faultNote));
    expect(healthWhileDown).toBe(503);
    // The 503 names what is down, and what is not.
    expect(healthBodyWhileDown).toMatchObject({
      code: 'service_unavailable',
      message: 'Down: redis',
      details: { redis: { status: 'down' }, postgres: { status: 'up' } },
    });
    // A public route: the checks' statuses, never their error text (hosts, ports).
    expect(JSON.stringify(healthBodyWhileDown)).not.toMatch(/ECONN|127\.0\.0\.1|:6379/);
    expect(acceptedWhileDown).toBeGreaterThan(IN_FLIGHT);
    expectIngestWhole(result);
  }, 150_000);

  it('Postgres stopped and started mid-ingest: the api answers 503 while it is down and recovers by itself', async () => {
    const probes: number[] = [];
    const editor = await t.createKey('editor');
    const result = await runScenario('pg-restart', async (accepted) => {
      await midway(accepted, 60);
      const stoppedAt = Date.now();
      stopPostgres();
      try {
        const auth = { Authorization: `Bearer ${editor}` };
        probes.push((await fetch(`${t.url}/articles`, { headers: auth })).status);
        probes.push(
          (
            await fetch(`${t.url}/articles`, {
              method: 'POST',
              headers: { ...auth, 'Content-Type': 'application/json' },
              body: JSON.stringify({ title: 'probe', body: 'A probe text of words.' }),
            })
          ).status,
        );
        probes.push((await fetch(`${t.url}/health`)).status);
      } finally {
        startPostgres();
      }
      return `Postgres down ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s, probes answered ${probes.join('/')}`;
    });
    report(ingestLine('postgres stopped and started mid-ingest', result.ingested, result.counts, result.faultNote));
    expect(probes).toEqual([503, 503, 503]);
    // Every answer the clients had to retry was a 503 or a dropped connection, and the api recovered by itself.
    expect(Object.keys(result.ingested.retried).filter((s) => s !== '503' && s !== 'network' && s !== '409')).toEqual(
      [],
    );
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM articles WHERE title = 'probe'`)).rows[0].n).toBe(0);
    expectIngestWhole(result);
  }, 150_000);

  it('a worker killed with SIGKILL in the middle of jobs: its jobs come back, nothing lost, nothing doubled', async () => {
    let heldByDead: string[] = [];
    const result = await runScenario('sigkill', async (accepted) => {
      await midway(accepted, 40);
      const activeKeys = (['article-extraction', 'claim-review'] as const).map((q) =>
        queueKey(queuePrefix(), q, 'active'),
      );
      const active = await waitFor(
        async () => {
          const ids = (await Promise.all(activeKeys.map((k) => t.redis.lrange(k, 0, -1)))).flat();
          return ids.length > 0 ? ids : null;
        },
        'the worker to be running jobs',
        30_000,
      );
      const [worker] = t.workers;
      await t.stopWorker(worker, 'SIGKILL');
      // Jobs the dead worker held stay active until their lock lapses: proof it died mid-job.
      const stillActive = new Set((await Promise.all(activeKeys.map((k) => t.redis.lrange(k, 0, -1)))).flat());
      heldByDead = active.filter((id) => stillActive.has(id));
      await t.startWorker();
      return `killed holding ${heldByDead.length} active job(s); a new worker took over`;
    });
    report(ingestLine('worker SIGKILLed mid-job', result.ingested, result.counts, result.faultNote));
    expect(heldByDead.length).toBeGreaterThan(0);
    expectIngestWhole(result);
  }, 150_000);
});
