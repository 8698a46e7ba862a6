import { Worker } from 'bullmq';
import { queueKey, queueKeyPrefix, reconciledMarkerKey } from '../src/queue/queue-keys';
import { redisOptionsFromUrl } from '../src/queue/redis-connection';
import { countAssignments, postArticles, waitForAllAssigned } from './helpers/articles';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

/** Redis is only the work list: whatever happens to it, every claim ends up assigned exactly once. */
describe('rebuilding the queues from Postgres', () => {
  let t: TestService;
  let editor: string;

  beforeAll(async () => {
    t = await startTestService(5, { worker: false });
    editor = await t.createKey('editor');
    await t.createReviewer({ capacity: 5000 });
    await t.createReviewer({ capacity: 5000 });
  });
  afterAll(() => t.close());
  // Each case starts from no articles and no worker, and starts the workers it needs.
  beforeEach(async () => {
    await Promise.all([...t.workers].map((w) => t.stopWorker(w)));
    await t.db.query(`DELETE FROM articles`);
  });

  const readyArticles = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM articles WHERE status = 'ready'`)).rows[0].n;

  it('recovers articles posted before a flush once a worker starts', async () => {
    await postArticles(t, editor, 30);
    expect(await t.redis.dbsize()).toBeGreaterThan(0);
    await t.redis.flushdb();
    await t.startWorker();
    const count = await waitForAllAssigned(t);
    expect(await readyArticles()).toBe(30);
    expect(count.claims).toBeGreaterThanOrEqual(30);
    expect(count.assignedTwice).toBe(0);
  });

  it('recovers from a flush while the worker runs, without restarting it', async () => {
    const worker = await t.startWorker();
    await postArticles(t, editor, 20);
    await t.redis.flushdb();
    await postArticles(t, editor, 20);
    await t.redis.flushdb();
    const count = await waitForAllAssigned(t);
    expect(await readyArticles()).toBe(40);
    expect(count.assignedTwice).toBe(0);
    expect(worker.exitCode).toBeNull();
    expect(t.workers).toEqual([worker]);
  });

  it('loses and doubles nothing when a worker is killed with SIGKILL mid-way', async () => {
    const worker = await t.startWorker();
    const posting = postArticles(t, editor, 100);
    await waitFor(async () => (await readyArticles()) >= 10, 'some extractions');
    await t.stopWorker(worker, 'SIGKILL');
    await posting;
    const pending = (await countAssignments(t)).pendingArticles;
    expect(pending).toBeGreaterThan(0);

    await t.startWorker();
    const count = await waitForAllAssigned(t, 60_000);
    expect(count.assignedTwice).toBe(0);
    const duplicates = await t.db.query(
      `SELECT article_id, text FROM claims GROUP BY article_id, text HAVING count(*) > 1`,
    );
    expect(duplicates.rows).toEqual([]);
    const empty = await t.db.query(
      `SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id)`,
    );
    expect(empty.rows).toEqual([]);
  });

  it('re-adds lease-expiry jobs after a flush only for leases that fall due within two reconcile intervals', async () => {
    const worker = await t.startWorker();
    await postArticles(t, editor, 2);
    await waitForAllAssigned(t);
    const held = await t.db.query(`SELECT id FROM claims WHERE assignee_id IS NOT NULL ORDER BY id LIMIT 2`);
    expect(held.rows).toHaveLength(2);
    // RECONCILE_INTERVAL_MS is 60 s in the tests: one lease falls due in 90 s, the other in an hour.
    const leaseIn = async (claimId: string, interval: string): Promise<number> =>
      (
        await t.db.query(
          `UPDATE claims SET lease_expires_at = date_trunc('milliseconds', now()) + $2::interval WHERE id = $1 RETURNING lease_expires_at`,
          [claimId, interval],
        )
      ).rows[0].lease_expires_at.getTime();
    const [soon, later] = held.rows.map((r) => r.id as string);
    const soonAt = await leaseIn(soon, '90 seconds');
    const laterAt = await leaseIn(later, '1 hour');
    await t.stopWorker(worker);
    await t.redis.flushdb();

    await t.startWorker();
    await waitFor(
      async () => (await t.redis.exists(reconciledMarkerKey(t.env.QUEUE_PREFIX))) === 1,
      'the reconciler to run',
    );
    const leaseJob = (claimId: string, at: number) =>
      t.redis.exists(queueKey(t.env.QUEUE_PREFIX, 'claim-review', `lease-${claimId}-${at}`));
    expect(await leaseJob(soon, soonAt)).toBe(1);
    expect(await leaseJob(later, laterAt)).toBe(0);
  });

  it('retries a job that ran out of attempts while Postgres still says its work is pending', async () => {
    const [articleId] = await postArticles(t, editor, 1);
    // A consumer that fails the job for good, as attempts running out during a long outage would.
    const failing = new Worker(
      'article-extraction',
      async (job) => {
        job.discard();
        throw new Error('simulated outage');
      },
      {
        connection: redisOptionsFromUrl(t.env.REDIS_URL),
        prefix: queueKeyPrefix(t.env.QUEUE_PREFIX, 'article-extraction'),
      },
    );
    await waitFor(
      async () => (await t.redis.zcard(queueKey(t.env.QUEUE_PREFIX, 'article-extraction', 'failed'))) === 1,
      'the job to fail',
    );
    await failing.close();

    await t.startWorker();
    await waitFor(
      async () =>
        (await t.db.query(`SELECT status FROM articles WHERE id = $1`, [articleId])).rows[0].status === 'ready',
      'the failed job to be retried',
    );
    expect(await t.redis.zcard(queueKey(t.env.QUEUE_PREFIX, 'article-extraction', 'failed'))).toBe(0);
  });
});
