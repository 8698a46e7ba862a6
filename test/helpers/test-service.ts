import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import Redis, { Cluster } from 'ioredis';
import { Pool } from 'pg';
import request from 'supertest';
import { generateApiKey } from '../../src/auth/api-key-secret';
import type { Role } from '../../src/auth/role';
import { reconciledMarkerKey } from '../../src/queue/queue-keys';
import { clusterNodesFrom, type RedisClient } from '../../src/queue/redis-connection';
import type { PersonRole } from '../../src/people/user.entity';
import { TEMPLATE_DATABASE_URL, testEnvironment } from './test-env';

const ROOT = resolve(__dirname, '../..');
export const ARTIFACTS = resolve(ROOT, 'test/artifacts');

/** A fresh copy of the migrated test database for one suite (CREATE DATABASE … TEMPLATE is a file copy: fast). */
export async function copyTemplateDatabase(suiteUrl: string): Promise<void> {
  const name = new URL(suiteUrl).pathname.slice(1);
  const template = new URL(TEMPLATE_DATABASE_URL).pathname.slice(1);
  const admin = new URL(TEMPLATE_DATABASE_URL);
  admin.pathname = '/postgres';
  const pool = new Pool({ connectionString: admin.toString(), max: 1 });
  try {
    await pool.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await pool.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await pool.end();
  }
}

export interface TestPerson {
  id: string;
  email: string;
  password: string;
  name: string;
  reviewerId: string | null;
}

export interface TestService {
  url: string;
  env: Record<string, string>;
  db: Pool;
  /** The suite's Redis db, or the whole cluster when the env names one (REDIS_CLUSTER_NODES). */
  redis: RedisClient;
  adminKey: string;
  http(): ReturnType<typeof request>;
  createKey(role: Role, reviewerId?: string): Promise<string>;
  createReviewer(fields?: Record<string, unknown>): Promise<{ id: string; key: string }>;
  /** A person invited by the admin key who has set their password through the invitation page. */
  createPerson(role: PersonRole, fields?: { name?: string; reviewerId?: string }): Promise<TestPerson>;
  /** Signs in through /ui/login; the `Cookie` header value of the session. */
  signIn(person: { email: string; password: string }): Promise<string>;
  /** The api process started first (benchmarks read its memory from /proc). */
  apiProcess: ChildProcess;
  startWorker(): Promise<ChildProcess>;
  /** Starts one more api process against the same Postgres and Redis, as behind a load balancer; its address. */
  startApi(): Promise<string>;
  workers: ChildProcess[];
  /** Kills one worker process with the given signal and waits for it to exit. */
  stopWorker(worker: ChildProcess, signal?: NodeJS.Signals): Promise<void>;
  /**
   * Stops every process (SIGTERM) and the suite's connections. With `graceMs`, a process still running that long
   * after SIGTERM is SIGKILLed; the answer names those (`api`, `worker`), for suites that check shutdown.
   */
  close(graceMs?: number): Promise<string[]>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

function spawnService(entry: string, env: Record<string, string>, logName: string): ChildProcess {
  mkdirSync(ARTIFACTS, { recursive: true });
  // SERVICE_NODE_ARGS: Node's own flags for the services, split at white space (no quoting), e.g.
  // `--cpu-prof --cpu-prof-dir=/tmp/profiles` to profile them.
  const nodeArgs = process.env.SERVICE_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, resolve(ROOT, 'dist/src', entry)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(resolve(ARTIFACTS, `${logName}.log`), { flags: 'a' });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

/** Empties the suite's db, or every master of a cluster (a cluster has only db 0). */
async function flushRedis(redis: RedisClient): Promise<void> {
  if (!(redis instanceof Cluster)) {
    await redis.flushdb();
    return;
  }
  if (redis.status !== 'ready') await new Promise((ready) => redis.once('ready', ready));
  await Promise.all(redis.nodes('master').map((node) => node.flushdb()));
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()));
}

/** Polls until the check passes: waits for the queues to do their work instead of sleeping a fixed time. */
export async function waitFor<T>(
  check: () => Promise<T | null | undefined | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${lastError ? `: ${lastError}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface TestServiceOptions {
  worker?: boolean;
  /** Run the api and a worker in one process, as `npm start` does (then `worker` is ignored). */
  singleProcess?: boolean;
  env?: Record<string, string>;
  name?: string;
  /** Use this database as it is (a benchmark's seeded one) instead of a fresh copy of the template. */
  databaseUrl?: string;
  /** How long the api may take to answer /health, and a worker to start consuming (default 20 s each). */
  startTimeoutMs?: number;
}

/**
 * Starts the real api process (and, unless told not to, a worker process) from the build, against the
 * Postgres test database (a fresh copy of the migrated template) and Redis db `redisDb` (flushed with FLUSHDB), or the
 * cluster that `options.env.REDIS_CLUSTER_NODES` names (every master flushed).
 */
export async function startTestService(redisDb: number, options: TestServiceOptions = {}): Promise<TestService> {
  // A suite may choose the port (its OpenID provider must know the desk's address before the desk starts).
  const port = options.env?.PORT ? Number(options.env.PORT) : await freePort();
  // Suites poll the API and send bad credentials on purpose; both limits have tests of their own that set them low.
  const env = testEnvironment(redisDb, {
    PORT: String(port),
    RATE_LIMIT_PER_MINUTE: '1000000',
    AUTH_FAILURE_LIMIT: '1000000',
    ...options.env,
  });
  const redis: RedisClient = env.REDIS_CLUSTER_NODES
    ? new Cluster(clusterNodesFrom(env.REDIS_CLUSTER_NODES))
    : new Redis(env.REDIS_URL);
  await flushRedis(redis);
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else await copyTemplateDatabase(env.DATABASE_URL);
  const db = new Pool({ connectionString: env.DATABASE_URL, max: 4 });

  const name = options.name ?? `suite-${redisDb}`;
  const children: ChildProcess[] = [];
  const workers: ChildProcess[] = [];
  const api = spawnService(options.singleProcess ? 'start-all.js' : 'main.js', env, `${name}-api`);
  children.push(api);
  const url = `http://127.0.0.1:${port}`;
  /** Until the service is handed back nothing else would stop its processes or close these connections. */
  const abandon = async (error: unknown): Promise<never> => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all([...children.map(exited), db.end()]);
    redis.disconnect();
    throw error;
  };
  await waitFor(
    async () => (await fetch(`${url}/health`)).status === 200,
    'the api to answer /health',
    options.startTimeoutMs ?? 60_000,
  ).catch(abandon);

  const insertKey = async (role: Role, reviewerId?: string) => {
    const generated = generateApiKey();
    await db.query(`INSERT INTO api_keys (name, role, prefix, secret_hash, reviewer_id) VALUES ($1, $2, $3, $4, $5)`, [
      `test ${role}`,
      role,
      generated.prefix,
      generated.secretHash,
      reviewerId ?? null,
    ]);
    return generated.key;
  };
  // A database without the migrations (a bench run before `bench/prepare.ts`) fails here, with the api running.
  const adminKey = await insertKey('admin').catch(abandon);
  const http = () => request(url);

  const service: TestService = {
    url,
    apiProcess: api,
    env,
    db,
    redis,
    adminKey,
    http,
    workers,
    createKey: insertKey,
    async createReviewer(fields = {}) {
      const email = `reviewer-${Math.random().toString(36).slice(2)}@example.org`;
      const response = await http()
        .post('/admin/reviewers')
        .set('Authorization', `Bearer ${adminKey}`)
        .send({ name: email, email, ...fields });
      if (response.status !== 201)
        throw new Error(`reviewer not created: ${response.status} ${JSON.stringify(response.body)}`);
      // Issued as an admin does: a profile gets work once someone can act as it, here its first key.
      const key = await http()
        .post('/admin/keys')
        .set('Authorization', `Bearer ${adminKey}`)
        .send({ name: `test reviewer ${email}`, role: 'reviewer', reviewerId: response.body.id });
      if (key.status !== 201) throw new Error(`reviewer key not created: ${key.status} ${JSON.stringify(key.body)}`);
      return { id: response.body.id, key: key.body.key };
    },
    async createPerson(role, fields = {}) {
      const unique = Math.random().toString(36).slice(2, 10);
      const email = `${role}-${unique}@example.org`;
      const password = `pale kettle ${unique} drums`;
      const name = fields.name ?? `Test ${role} ${unique}`;
      const invited = await http()
        .post('/admin/users')
        .set('Authorization', `Bearer ${adminKey}`)
        .send({ email, name, role, ...(fields.reviewerId ? { reviewerId: fields.reviewerId } : {}) });
      if (invited.status !== 201)
        throw new Error(`person not invited: ${invited.status} ${JSON.stringify(invited.body)}`);
      const token = new URL(invited.body.inviteUrl).searchParams.get('token');
      const set = await http().post('/ui/password').type('form').send({ token, password, confirmation: password });
      if (set.status !== 200) throw new Error(`password not set: ${set.status} ${set.text.slice(0, 300)}`);
      return { id: invited.body.id, email, password, name, reviewerId: invited.body.reviewerId };
    },
    async signIn(person) {
      const response = await http()
        .post('/ui/login')
        .type('form')
        .send({ email: person.email, password: person.password });
      const cookie = [response.headers['set-cookie'] ?? []]
        .flat()
        .find((c: string) => c.startsWith('claimdesk_session='));
      if (response.status !== 303 || !cookie)
        throw new Error(`not signed in: ${response.status} ${response.text.slice(0, 300)}`);
      return cookie.split(';')[0];
    },
    async startWorker() {
      const marker = reconciledMarkerKey(env.QUEUE_PREFIX);
      await redis.del(marker);
      const worker = spawnService('worker.js', env, `${name}-worker`);
      children.push(worker);
      workers.push(worker);
      // The worker reconciles on start and then sets the marker: from then on it is consuming.
      await waitFor(async () => (await redis.exists(marker)) === 1, 'the worker to start', options.startTimeoutMs);
      return worker;
    },
    async startApi() {
      const port = await freePort();
      const more = spawnService('main.js', { ...env, PORT: String(port) }, `${name}-api-${port}`);
      children.push(more);
      const address = `http://127.0.0.1:${port}`;
      await waitFor(
        async () => (await fetch(`${address}/health`)).status === 200,
        'the other api to answer /health',
        options.startTimeoutMs ?? 60_000,
      );
      return address;
    },
    async stopWorker(worker, signal = 'SIGTERM') {
      worker.kill(signal);
      await exited(worker);
      workers.splice(workers.indexOf(worker), 1);
    },
    async close(graceMs) {
      const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
      for (const child of running) child.kill('SIGTERM');
      const killed: string[] = [];
      await Promise.all(
        running.map(async (child) => {
          if (graceMs === undefined) return exited(child);
          let timer: NodeJS.Timeout | undefined;
          const stopped = await Promise.race([
            exited(child).then(() => true),
            new Promise<false>((late) => (timer = setTimeout(() => late(false), graceMs))),
          ]);
          clearTimeout(timer);
          if (stopped) return;
          killed.push(child === api ? 'api' : 'worker');
          child.kill('SIGKILL');
          await exited(child);
        }),
      );
      await db.end();
      redis.disconnect();
      return killed;
    },
  };
  if (options.worker !== false && !options.singleProcess) await service.startWorker().catch(abandon);
  return service;
}
