import type { Cluster } from 'ioredis';
import { queueKey, queueKeyPrefix, reconciledMarkerKey, throttleKey } from '../../src/queue/queue-keys';
import { ALL_QUEUES, ARTICLE_EXTRACTION_QUEUE } from '../../src/queue/queue-names';
import { waitForAllAssigned, postArticles } from '../helpers/articles';
import { startTestService, waitFor, type TestService } from '../helpers/test-service';
import {
  expectNothingLostOrDoubled,
  ingest,
  ingestLine,
  keyIdOf,
  loadBuiltExtractor,
  planArticles,
  settle,
} from '../faults/fault-kit';
import { CLUSTER_NODES, clusterNodes, clusterState, keySlot, LocalCluster, masterOfSlot } from './local-cluster';

const REDIS_DB = 16;
const ARTICLES = 200;
const SOURCE = [{ url: 'https://example.org/report', title: 'The report' }];

interface HealthBody {
  info?: {
    redis?: {
      status: string;
      cluster?: {
        state: string;
        masters: { reachable: number; known: number };
        replicas: { reachable: number; known: number };
      };
    };
  };
}

/**
 * The service on a real Redis Cluster (three masters, three replicas, on loopback): every queue, the rate limits and
 * the reconciler's marker live on it. Then a master dies by SIGKILL while 200 articles come in; its replica takes
 * over, and Postgres shows every article extracted once and every claim stored and assigned once.
 */
describe('on a Redis Cluster', () => {
  const cluster = new LocalCluster();
  let t: TestService;
  let reviewers: Map<string, string>;
  const prefix = () => t.env.QUEUE_PREFIX;

  beforeAll(async () => {
    LocalCluster.stopStale();
    await cluster.start();
    t = await startTestService(REDIS_DB, {
      name: 'cluster',
      env: { REDIS_CLUSTER_NODES: CLUSTER_NODES, RECONCILE_INTERVAL_MS: '2000' },
      startTimeoutMs: 60_000,
    });
    // The suite's own client sees the failover too; its errors are expected.
    t.redis.on('error', () => undefined);
    reviewers = new Map();
    for (let i = 0; i < 2; i++) {
      const reviewer = await t.createReviewer({ capacity: 10_000 });
      reviewers.set(reviewer.id, reviewer.key);
    }
  }, 120_000);

  afterAll(async () => {
    let killed: string[];
    try {
      // A worker finishes its running jobs before it exits (a claim-matching job of 50 claims takes seconds on a busy
      // machine); one still running a minute after SIGTERM would hang a deployment's restart: it is killed and named.
      killed = (await t?.close(60_000)) ?? [];
    } finally {
      await cluster.stop();
    }
    expect(killed).toEqual([]);
  }, 120_000);

  /** Keys on every master (each holds only its own slots). */
  const keysOnCluster = async (pattern: string) => {
    const cluster = t.redis as Cluster;
    return (await Promise.all(cluster.nodes('master').map((node) => node.keys(pattern)))).flat();
  };

  const health = async () => {
    const response = await fetch(`${t.url}/health`);
    return { status: response.status, body: (await response.json()) as HealthBody };
  };

  it('spreads the queues over the masters, each under its own hash tag', () => {
    const [port] = cluster.livePorts();
    const slots = ALL_QUEUES.map((queue) => keySlot(port, queueKeyPrefix(prefix(), queue)));
    expect(new Set(slots).size).toBe(ALL_QUEUES.length);
    const masters = new Set(slots.map((slot) => masterOfSlot(port, slot).port));
    expect(masters.size).toBeGreaterThan(1);
  });

  it('runs an article’s whole life: extracted, assigned, reviewed to a verdict', async () => {
    const editor = await t.createKey('editor');
    const articleIds = await postArticles(t, editor, 3);
    const counts = await waitForAllAssigned(t);
    expect(counts.assignedTwice).toBe(0);

    const { rows: claims } = await t.db.query<{ id: string; version: number; assignee_id: string }>(
      `SELECT id, version, assignee_id FROM claims`,
    );
    expect(claims.length).toBeGreaterThanOrEqual(articleIds.length * 3);
    for (const claim of claims) {
      const moved = await t
        .http()
        .post(`/claims/${claim.id}/transitions`)
        .set('Authorization', `Bearer ${reviewers.get(claim.assignee_id)}`)
        .send({ to: 'sourced', expectedVersion: claim.version, sources: SOURCE });
      expect(moved.status).toBe(200);
    }
    for (const id of articleIds) {
      const article = (await t.http().get(`/articles/${id}`).set('Authorization', `Bearer ${editor}`)).body;
      expect(article).toMatchObject({ status: 'ready', reviewed: true });
      expect(article.summary.sourced).toBe(article.summary.total);
    }

    // The work went through the cluster: each queue's keys under its tag, the rate-limit window, the marker.
    for (const queue of [ARTICLE_EXTRACTION_QUEUE, 'claim-review'] as const)
      expect(await t.redis.exists(queueKey(prefix(), queue, 'events'))).toBe(1);
    const refused = await t
      .http()
      .get('/articles')
      .set('Authorization', 'Bearer cdk_0000000000000000_not-a-key-at-all-not-a-key-at-all-xx');
    expect(refused.status).toBe(401);
    expect(await keysOnCluster(throttleKey(prefix(), 'default', '*'))).not.toEqual([]);
    expect(await keysOnCluster(throttleKey(prefix(), 'auth-failures', '*'))).toHaveLength(1);
    expect(await t.redis.exists(reconciledMarkerKey(prefix()))).toBe(1);

    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body.info?.redis?.cluster).toEqual({
      state: 'ok',
      masters: { reachable: 3, known: 3 },
      replicas: { reachable: 3, known: 3 },
    });
  });

  it('a master SIGKILLed mid-ingest: its replica takes over; nothing lost, nothing doubled', async () => {
    const key = await t.createKey('editor');
    const owner = await keyIdOf(t, key);
    const articles = planArticles(loadBuiltExtractor(), 'cluster-failover', 50_000, ARTICLES);
    let accepted = 0;
    const ingesting = ingest(t, key, articles, { onAccepted: (n) => (accepted = n), deadlineMs: 120_000 });

    // Mid-ingest: articles still coming in, and accepted ones waiting for extraction.
    const awaitingExtraction = async () =>
      (
        await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM articles WHERE owner_id = $1 AND extracted_revision < revision`,
          [owner],
        )
      ).rows[0].n;
    const pending = await waitFor(
      async () => (accepted >= 60 ? awaitingExtraction() : 0),
      '60 articles accepted, some awaiting extraction',
      60_000,
    );
    const [port] = cluster.livePorts();
    const slot = keySlot(port, queueKeyPrefix(prefix(), ARTICLE_EXTRACTION_QUEUE));
    const victim = masterOfSlot(port, slot);
    const replicas = clusterNodes(port)
      .filter((n) => n.masterId === victim.id)
      .map((n) => n.id);
    const acceptedAtKill = accepted;
    const killedAt = Date.now();
    await cluster.kill(victim.port);

    const survivors = cluster.livePorts();
    const successor = await waitFor(
      async () => {
        const owner = masterOfSlot(survivors[0], slot);
        return owner.id !== victim.id && survivors.every((p) => clusterState(p) === 'ok') ? owner : null;
      },
      'a replica to take over the slot',
      30_000,
    );
    const failoverSeconds = (Date.now() - killedAt) / 1000;
    expect(replicas).toContain(successor.id);

    const ingested = await ingesting;
    const counts = await settle(t, owner, articles, { timeoutMs: 90_000 });
    const line = ingestLine(
      `cluster: master :${victim.port} (slot ${slot}, ${ARTICLE_EXTRACTION_QUEUE}) SIGKILLed mid-ingest`,
      ingested,
      counts,
      `killed at ${acceptedAtKill} accepted, ${pending} awaiting extraction; its replica :${successor.port} serving after ${failoverSeconds.toFixed(1)} s`,
    );
    process.stdout.write(`${line}\n`);

    expect(ingested.failures).toEqual([]);
    expect(ingested.accepted).toBe(ARTICLES);
    expect(acceptedAtKill).toBeLessThan(ARTICLES);
    expectNothingLostOrDoubled(counts, ARTICLES);
    // Each article extracted once: its first revision, no second one.
    const {
      rows: [{ once }],
    } = await t.db.query<{ once: number }>(
      `SELECT count(*)::int AS once FROM articles WHERE owner_id = $1 AND revision = 1 AND extracted_revision = 1`,
      [owner],
    );
    expect(once).toBe(ARTICLES);

    // The reconciler has passed since the failover, and /health reports the cluster without the dead master.
    await waitFor(
      async () => Date.parse((await t.redis.get(reconciledMarkerKey(prefix()))) ?? '') > killedAt,
      'a reconciler pass after the failover',
    );
    const after = await waitFor(async () => {
      const { status, body } = await health();
      return status === 200 && body.info?.redis?.cluster?.masters.reachable === 3 ? body.info.redis.cluster : null;
    }, '/health to report the cluster serving again');
    expect(after).toEqual({ state: 'ok', masters: { reachable: 3, known: 4 }, replicas: { reachable: 2, known: 2 } });
  }, 240_000);
});
