import { runMigrations } from '../global-setup';
import { postArticles } from '../helpers/articles';
import { startTestService, waitFor, type TestService } from '../helpers/test-service';
import { LocalReplica } from './local-replica';

/** Db 0 of the suite's own Redis server: on the machine's, every index but the default one is an e2e suite's. */
const REDIS_DB = 0;
const DATABASE = 'claimdesk';
const SOURCE = [{ url: 'https://example.org/report', title: 'The report' }];

interface ClaimBody {
  id: string;
  status: string;
}

/**
 * The service with `DATABASE_READ_URL` aimed at a real streaming replica (a Postgres 15 primary and a hot standby
 * made by `pg_basebackup -R -X stream`, both this suite's own): writes reach the primary, and the listings
 * (`GET /articles`, `GET /claims`, `GET /claims/:id/events`, an article's claims) read the replica — shown by pausing
 * the replica's replay: what the primary has and the replica has not yet replayed is not listed until it resumes.
 * While the replica is down the listings read the primary, and read the replica again once it is back.
 */
describe('with DATABASE_READ_URL on a streaming replica', () => {
  const pg = new LocalReplica();
  let t: TestService;
  let editor: string;
  let reviewer: { id: string; key: string };

  const get = (path: string, key = editor) => t.http().get(path).set('Authorization', `Bearer ${key}`);
  const listedArticleIds = async () =>
    ((await get('/articles?limit=100')).body.items as { id: string }[]).map((a) => a.id);
  /** The article's claims (not its candidates) once it is extracted and each of them assigned, as the primary has them. */
  const assignedOnPrimary = (articleId: string) =>
    waitFor(async () => {
      const { rows } = await t.db.query<{ id: string; version: number; assigned: boolean }>(
        `SELECT c.id, c.version, c.assignee_id IS NOT NULL AS assigned FROM claims c JOIN articles a ON a.id = c.article_id
         WHERE c.article_id = $1 AND c.status <> 'candidate' AND a.extracted_revision = a.revision ORDER BY c.id`,
        [articleId],
      );
      return rows.length > 0 && rows.every((c) => c.assigned) ? rows : null;
    }, 'the article’s claims to be assigned on the primary');
  const replayPaused = async () =>
    (await pg.query<{ state: string }>(pg.replicaUrl(), `SELECT pg_get_wal_replay_pause_state() AS state`))[0].state ===
    'paused';

  beforeAll(async () => {
    LocalReplica.stopStale();
    await pg.start();
    await pg.query(pg.primaryUrl(), `CREATE DATABASE ${DATABASE}`);
    runMigrations(pg.primaryUrl(DATABASE));
    await pg.caughtUp();
    t = await startTestService(REDIS_DB, {
      name: 'replica',
      databaseUrl: pg.primaryUrl(DATABASE),
      env: { DATABASE_READ_URL: pg.replicaUrl(DATABASE), REDIS_URL: pg.redisUrl },
      startTimeoutMs: 60_000,
    });
    editor = await t.createKey('editor');
    reviewer = await t.createReviewer({ capacity: 1000 });
  }, 180_000);

  afterAll(async () => {
    try {
      await t?.close();
    } finally {
      await pg.stop();
    }
  }, 60_000);

  it('the replica is a hot standby the migrations reached by streaming, and it refuses writes', async () => {
    const count = `SELECT count(*)::int AS n FROM migrations`;
    const [onPrimary] = await pg.query<{ n: number }>(pg.primaryUrl(DATABASE), count);
    expect(onPrimary.n).toBeGreaterThan(0);
    expect(await pg.query(pg.replicaUrl(DATABASE), count)).toEqual([onPrimary]);
    await expect(pg.query(pg.replicaUrl(DATABASE), `DELETE FROM migrations`)).rejects.toThrow(/read-only transaction/);
  });

  it('writes reach the primary: an article posted, extracted, assigned and a verdict recorded; the listings show them', async () => {
    const [articleId] = await postArticles(t, editor, 1);
    const claims = await assignedOnPrimary(articleId);

    // A write sent to the replica would answer 500 (cannot execute UPDATE in a read-only transaction).
    const verdict = await t
      .http()
      .post(`/review/claims/${claims[0].id}/verdict`)
      .set('Authorization', `Bearer ${reviewer.key}`)
      .send({ to: 'sourced', expectedVersion: claims[0].version, sources: SOURCE });
    expect(verdict.status).toBe(200);
    expect(verdict.body.claim).toMatchObject({ id: claims[0].id, status: 'sourced' });

    await pg.caughtUp();
    expect(await listedArticleIds()).toContain(articleId);
    const listed = (await get(`/claims?articleId=${articleId}`)).body.items as ClaimBody[];
    expect(listed.map((c) => c.id).sort()).toEqual(claims.map((c) => c.id));
    expect(listed.find((c) => c.id === claims[0].id)?.status).toBe('sourced');
    const history = (await get(`/claims/${claims[0].id}/events`)).body.items as { toStatus: string | null }[];
    expect(history.map((e) => e.toStatus)).toContain('sourced');

    // The api's read pool holds connections to the replica, to the service's database (not counting its health asks).
    const [{ n }] = await pg.query<{ n: number }>(
      pg.replicaUrl(),
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name <> 'claimdesk-replica-check'`,
      [DATABASE],
    );
    expect(n).toBeGreaterThan(0);
  });

  it('the listings read the replica: with its replay paused they lag the primary, and catch up once it resumes', async () => {
    await pg.caughtUp();
    await pg.query(pg.replicaUrl(), `SELECT pg_wal_replay_pause()`);
    await waitFor(replayPaused, 'the replica to pause its replay');

    let articleId: string;
    let claims: { id: string; version: number }[];
    try {
      // Posted, extracted, assigned and reviewed on the primary while the replica replays nothing.
      [articleId] = await postArticles(t, editor, 1);
      claims = await assignedOnPrimary(articleId);
      const verdict = await t
        .http()
        .post(`/review/claims/${claims[0].id}/verdict`)
        .set('Authorization', `Bearer ${reviewer.key}`)
        .send({ to: 'disputed', expectedVersion: claims[0].version, note: 'the figures differ' });
      expect(verdict.status).toBe(200);

      // Single reads (after a write) read the primary…
      const article = await get(`/articles/${articleId}`);
      expect(article.status).toBe(200);
      expect(article.body.id).toBe(articleId);
      const claim = await get(`/claims/${claims[0].id}`);
      expect(claim.status).toBe(200);
      expect(claim.body.status).toBe('disputed');
      // …the listings and pages the replica, which has not replayed any of it.
      expect(await replayPaused()).toBe(true);
      expect(await listedArticleIds()).not.toContain(articleId);
      expect((await get(`/claims?articleId=${articleId}`)).body.items).toEqual([]);
      expect((await get(`/articles/${articleId}/claims`)).body.items).toEqual([]);
      const lagging = await get(`/claims/${claims[0].id}/events`);
      expect(lagging.status).toBe(200);
      expect(lagging.body.items).toEqual([]);
    } finally {
      // Resumed even when an expectation failed, so that the next test's replica replays.
      await pg.query(pg.replicaUrl(), `SELECT pg_wal_replay_resume()`);
    }

    await waitFor(async () => (await listedArticleIds()).includes(articleId), 'GET /articles to list the new article');
    const listed = await waitFor(async () => {
      const items = (await get(`/claims?articleId=${articleId}`)).body.items as ClaimBody[];
      return items.length === claims.length ? items : null;
    }, 'GET /claims to list the new article’s claims');
    expect(listed.find((c) => c.id === claims[0].id)?.status).toBe('disputed');
    const history = await waitFor(async () => {
      const items = (await get(`/claims/${claims[0].id}/events`)).body.items as { toStatus: string | null }[];
      return items.some((e) => e.toStatus === 'disputed') ? items : null;
    }, 'the claim’s history to show the verdict');
    expect(history.length).toBeGreaterThan(1);
  });

  it('reads the primary while the replica is down or frozen, /health saying so, and the replica again once it is back', async () => {
    const health = async () => {
      const response = await fetch(`${t.url}/health`);
      return {
        status: response.status,
        body: (await response.json()) as { info?: { postgres?: { replica?: string } } },
      };
    };
    expect(await health()).toMatchObject({
      status: 200,
      body: { status: 'ok', info: { postgres: { status: 'up', replica: 'up' }, redis: { status: 'up' } } },
    });

    pg.stopReplica();
    try {
      // Every api process still serves: the replica is reported, not failed.
      await waitFor(async () => {
        const { status, body } = await health();
        return status === 200 && body.info?.postgres?.replica === 'down';
      }, '/health to report the replica down');
      // The listings now read the primary, so what is posted meanwhile is listed at once.
      const [articleId] = await postArticles(t, editor, 1);
      const claims = await assignedOnPrimary(articleId);
      expect(await listedArticleIds()).toContain(articleId);
      const listed = (await get(`/claims?articleId=${articleId}`)).body.items as ClaimBody[];
      expect(listed.map((c) => c.id).sort()).toEqual(claims.map((c) => c.id).sort());
    } finally {
      await pg.startReplica();
    }

    await waitFor(
      async () => (await health()).body.info?.postgres?.replica === 'up',
      '/health to report the replica back',
    );

    // Frozen rather than stopped (a vanished host: connections that neither answer nor close), the asks time out.
    pg.signalReplica('SIGSTOP');
    try {
      await waitFor(
        async () => (await health()).body.info?.postgres?.replica === 'down',
        '/health to report the frozen replica down',
        15_000,
      );
      const [frozenMeanwhile] = await postArticles(t, editor, 1);
      await assignedOnPrimary(frozenMeanwhile);
      expect(await listedArticleIds()).toContain(frozenMeanwhile);
    } finally {
      pg.signalReplica('SIGCONT');
    }
    await waitFor(
      async () => (await health()).body.info?.postgres?.replica === 'up',
      '/health to report the thawed replica back',
    );
    // Reading the replica again: with its replay paused, a new article is not listed until it resumes.
    await pg.query(pg.replicaUrl(), `SELECT pg_wal_replay_pause()`);
    await waitFor(replayPaused, 'the replica to pause its replay');
    try {
      const [later] = await postArticles(t, editor, 1);
      expect((await get(`/articles/${later}`)).status).toBe(200);
      expect(await listedArticleIds()).not.toContain(later);
    } finally {
      await pg.query(pg.replicaUrl(), `SELECT pg_wal_replay_resume()`);
    }
  });
});
