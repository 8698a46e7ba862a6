import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Queue } from 'bullmq';
import { queueKeyPrefix } from '../src/queue/queue-keys';
import { CLAIM_MATCHING_QUEUE } from '../src/queue/queue-names';
import { redisOptionsFromUrl } from '../src/queue/redis-connection';
import { freePort, startTestService, waitFor, type TestService } from './helpers/test-service';

const METRICS_TOKEN = 'worker-metrics-token-0123456789';

/** The value of one sample line of a Prometheus text page, or null when it is absent. */
function sample(page: string, line: string): number | null {
  const found = page.split('\n').find((l) => l.startsWith(`${line} `));
  return found ? Number(found.slice(line.length + 1)) : null;
}

describe('the worker process serves /health and /metrics on WORKER_PORT', () => {
  let t: TestService | null;
  let workerUrl: string;

  const scrape = async (token = METRICS_TOKEN) => {
    const response = await fetch(`${workerUrl}/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    const workerPort = await freePort();
    t = await startTestService(12, { name: 'worker-status', env: { WORKER_PORT: String(workerPort), METRICS_TOKEN } });
    workerUrl = `http://127.0.0.1:${workerPort}`;
    // The worker marks itself consuming once its queues are reconciled, a moment before its status server listens.
    await waitFor(async () => (await fetch(`${workerUrl}/health`)).status === 200, 'the worker to answer /health');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers /health with Postgres and Redis up, and nothing but its two routes', async () => {
    const health = await fetch(`${workerUrl}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      info: { postgres: { status: 'up' }, redis: { status: 'up' } },
    });
    const other = await fetch(`${workerUrl}/articles`);
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: 'not_found' });
  });

  it('times each queue’s jobs and counts failed attempts, behind METRICS_TOKEN', async () => {
    expect((await fetch(`${workerUrl}/metrics`)).status).toBe(401);
    expect((await scrape('wrong-token-0123456789')).status).toBe(401);
    const before = await scrape();
    expect(before.status).toBe(200);
    expect(before.text).toContain('# TYPE claimdesk_job_duration_seconds histogram');
    expect(before.text).toContain('# TYPE claimdesk_jobs_failed_total counter');
    expect(sample(before.text, 'claimdesk_jobs_failed_total{queue="claim-matching"}')).toBe(0);

    const posted = await t!.http().post('/articles').set('Authorization', `Bearer ${t!.adminKey}`).send({
      title: 'Budget',
      body: 'The city council spent 40 million dollars on new bus lanes in 2023, the mayor said.',
    });
    expect(posted.status).toBe(202);
    await waitFor(async () => {
      const { text } = await scrape();
      return (sample(text, 'claimdesk_job_duration_seconds_count{queue="article-extraction"}') ?? 0) >= 1;
    }, 'the extraction job to be timed');

    // A job the worker cannot handle fails: counted under its queue.
    const workerLog = resolve(__dirname, 'artifacts/worker-status-worker.log');
    const logBefore = readFileSync(workerLog, 'utf8').length;
    const queue = new Queue(CLAIM_MATCHING_QUEUE, {
      connection: redisOptionsFromUrl(t!.env.REDIS_URL),
      prefix: queueKeyPrefix(t!.env.QUEUE_PREFIX, CLAIM_MATCHING_QUEUE),
    });
    try {
      await queue.add('no-such-job', {}, { attempts: 1 });
    } finally {
      await queue.close();
    }
    const after = await waitFor(async () => {
      const { text } = await scrape();
      return sample(text, 'claimdesk_jobs_failed_total{queue="claim-matching"}') === 1 ? text : null;
    }, 'the failed job to be counted');
    expect(sample(after, 'claimdesk_jobs_failed_total{queue="article-extraction"}')).toBe(0);
    // And the worker's log says which job failed and why.
    const logged = await waitFor(
      async () =>
        readFileSync(workerLog, 'utf8')
          .slice(logBefore)
          .split('\n')
          .find((line) => line.includes('claim-matching job no-such-job')),
      'the failed job in the worker log',
    );
    expect(logged).toContain('(attempt 1 of 1) failed: Unknown job no-such-job on claim-matching');
    expect(sample(after, 'claimdesk_job_duration_seconds_count{queue="claim-matching"}')).toBeGreaterThanOrEqual(1);
  });

  it('npm start (api and worker in one process) serves the api on PORT and the worker’s routes on WORKER_PORT', async () => {
    // Its database and Redis db are the suite's: the service apart stops first.
    await t!.close();
    t = null;
    const workerPort = await freePort();
    const single = await startTestService(12, {
      name: 'worker-status-single',
      singleProcess: true,
      env: { WORKER_PORT: String(workerPort) },
    });
    try {
      expect((await fetch(`${single.url}/health`)).status).toBe(200);
      const health = await fetch(`http://127.0.0.1:${workerPort}/health`);
      expect(health.status).toBe(200);
      const metrics = await (await fetch(`http://127.0.0.1:${workerPort}/metrics`)).text();
      expect(metrics).toContain('claimdesk_jobs_failed_total{queue="article-extraction"} 0');
      // The api's own metrics stay on the api.
      expect(metrics).not.toContain('claimdesk_http_request_duration_seconds');
    } finally {
      await single.close();
    }
  });
});
