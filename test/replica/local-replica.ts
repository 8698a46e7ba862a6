import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  appendFileSync,
  chownSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Client } from 'pg';
import { redisAnswers } from '../cluster/local-cluster';
import { waitFor } from '../helpers/test-service';

/** The suite's own servers on loopback: never the machine's Postgres (5432) or Redis (6379). */
export const PRIMARY_PORT = 5441;
export const REPLICA_PORT = 5442;
export const REDIS_PORT = 7311;

/** The machine's Postgres server binaries: the version `.ci/run` starts (`ls /etc/postgresql`). */
const BIN = join('/usr/lib/postgresql', readdirSync('/etc/postgresql').sort().at(-1) ?? '15', 'bin');
const DIR_PREFIX = 'claimdesk-replica-';
/** Postgres refuses to run as root: as root the binaries run as the `postgres` OS user, otherwise as whoever runs the suite. */
const AS_ROOT = process.getuid?.() === 0;

/** A Postgres binary (as the `postgres` OS user when run as root), in `cwd` (one that user may enter). */
function asPostgres(cwd: string, binary: string, ...args: string[]): string {
  const [command, commandArgs] = AS_ROOT
    ? ['runuser', ['-u', 'postgres', '--', join(BIN, binary), ...args]]
    : [join(BIN, binary), args];
  const result = spawnSync(command, commandArgs, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  if (result.status !== 0)
    throw new Error(`${binary} ${args.join(' ')}: ${result.error ?? ''}${result.stderr || result.stdout}`);
  return result.stdout;
}

function pgReady(port: number): boolean {
  return (
    spawnSync(join(BIN, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-q'], { timeout: 5000 }).status === 0
  );
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => {
    const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(
        "run as root, the replica suite needs the `postgres` OS user (Debian's postgresql package makes it)",
      );
    return Number(result.stdout.trim());
  };
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A Postgres 15 primary and its streaming replica, both this suite's own: `initdb` in a temporary directory, then
 * `pg_basebackup -R -X stream` from it for the replica (hot standby), each on its own loopback port. Also a Redis
 * server of its own (the machine's Redis has no db index no other suite uses).
 */
export class LocalReplica {
  private readonly dir = mkdtempSync(join(tmpdir(), DIR_PREFIX));
  private readonly primaryDir = join(this.dir, 'primary');
  private readonly replicaDir = join(this.dir, 'replica');
  private readonly started: string[] = [];
  private redis: ChildProcess | null = null;

  /**
   * Servers left on these ports by an earlier run that did not finish: a Postgres whose data directory is one of this
   * helper's temporary ones is stopped and its directory removed, a Redis answering on the suite's port is shut down.
   * Anything else on the ports is left alone (the start then fails, naming the port).
   */
  static stopStale(): void {
    const roots = new Set<string>();
    // The replica first, as in `stop`; each directory is removed only once both servers in it are stopped.
    for (const port of [REPLICA_PORT, PRIMARY_PORT]) {
      if (!pgReady(port)) continue;
      const shown = spawnSync(
        join(BIN, 'psql'),
        ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-Atc', 'SHOW data_directory', 'postgres'],
        { encoding: 'utf8', timeout: 10_000 },
      );
      const dataDir = shown.stdout?.trim() ?? '';
      const root = dirname(dataDir);
      if (dirname(root) !== tmpdir() || !basename(root).startsWith(DIR_PREFIX)) continue;
      asPostgres(root, 'pg_ctl', 'stop', '-D', dataDir, '-m', 'fast', '-w');
      roots.add(root);
    }
    for (const root of roots) rmSync(root, { recursive: true, force: true });
    // Directories of runs that crashed before (or after) their servers ran: none of a running server is touched.
    for (const name of readdirSync(tmpdir())) {
      const root = join(tmpdir(), name);
      if (name.startsWith(DIR_PREFIX) && !roots.has(root) && Date.now() - statSync(root).mtimeMs > 3_600_000)
        rmSync(root, { recursive: true, force: true });
    }
    if (redisAnswers(REDIS_PORT))
      spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', String(REDIS_PORT), 'shutdown', 'nosave'], { timeout: 10_000 });
  }

  url(port: number, database: string): string {
    return `postgres://postgres@127.0.0.1:${port}/${database}`;
  }

  primaryUrl(database = 'postgres'): string {
    return this.url(PRIMARY_PORT, database);
  }

  replicaUrl(database = 'postgres'): string {
    return this.url(REPLICA_PORT, database);
  }

  readonly redisUrl = `redis://127.0.0.1:${REDIS_PORT}/0`;

  async start(): Promise<void> {
    if (AS_ROOT) {
      const { uid, gid } = postgresUser();
      chownSync(this.dir, uid, gid);
    }

    asPostgres(
      this.dir,
      'initdb',
      '--auth=trust',
      '--username=postgres',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '-D',
      this.primaryDir,
    );
    // Copied to the replica by pg_basebackup; the ports are given at start. A throwaway cluster needs no fsync.
    appendFileSync(
      join(this.primaryDir, 'postgresql.conf'),
      [
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${this.dir}'`,
        `wal_level = replica`,
        `max_wal_senders = 4`,
        `hot_standby = on`,
        `fsync = off`,
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(this.primaryDir, 'pg_hba.conf'),
      ['local all all trust', 'host replication all 127.0.0.1/32 trust', 'host all all 127.0.0.1/32 trust', ''].join(
        '\n',
      ),
    );
    await this.startCluster(this.primaryDir, PRIMARY_PORT);

    asPostgres(
      this.dir,
      'pg_basebackup',
      '-h',
      '127.0.0.1',
      '-p',
      String(PRIMARY_PORT),
      '-U',
      'postgres',
      '-D',
      this.replicaDir,
      '-R',
      '-X',
      'stream',
    );
    await this.startCluster(this.replicaDir, REPLICA_PORT);
    await waitFor(
      async () => (await this.query(this.replicaUrl(), `SELECT pg_is_in_recovery() AS standby`))[0].standby === true,
      'the replica to run as a standby',
    );
    await waitFor(
      async () =>
        (
          await this.query(
            this.primaryUrl(),
            `SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'`,
          )
        )[0].n === 1,
      'the primary to stream to the replica',
    );

    this.redis = spawn(
      'redis-server',
      [
        '--port',
        String(REDIS_PORT),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        this.dir,
        '--logfile',
        join(this.dir, 'redis.log'),
      ],
      { stdio: 'ignore' },
    );
    await waitFor(async () => redisAnswers(REDIS_PORT), 'the suite’s Redis to answer PING', 10_000);
  }

  /** Stops the replica (fast mode), as an outage would; `startReplica` brings it back, to stream on from where it stopped. */
  stopReplica(): void {
    if (!this.started.includes(this.replicaDir)) return;
    asPostgres(this.dir, 'pg_ctl', 'stop', '-D', this.replicaDir, '-m', 'fast', '-w');
    this.started.splice(this.started.indexOf(this.replicaDir), 1);
  }

  /**
   * Freezes (SIGSTOP) or thaws (SIGCONT) every process of the replica: a host that vanished, whose connections
   * neither answer nor close, unlike a stopped server's.
   */
  signalReplica(signal: 'SIGSTOP' | 'SIGCONT'): void {
    const postmaster = Number(readFileSync(join(this.replicaDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    for (const pid of [postmaster, ...children]) process.kill(pid, signal);
  }

  startReplica(): Promise<void> {
    return this.startCluster(this.replicaDir, REPLICA_PORT);
  }

  private async startCluster(dataDir: string, port: number): Promise<void> {
    asPostgres(
      this.dir,
      'pg_ctl',
      'start',
      '-w',
      '-D',
      dataDir,
      '-l',
      join(this.dir, `${basename(dataDir)}.log`),
      '-o',
      `-p ${port}`,
    );
    this.started.push(dataDir);
    await waitFor(async () => pgReady(port), `Postgres on :${port} to accept connections`, 30_000);
  }

  /** One statement on one server, by a connection of its own. */
  async query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** Until the replica has replayed everything the primary had written when this was called. */
  async caughtUp(timeoutMs = 20_000): Promise<void> {
    const [{ lsn }] = await this.query<{ lsn: string }>(this.primaryUrl(), `SELECT pg_current_wal_lsn()::text AS lsn`);
    await waitFor(
      async () =>
        (
          await this.query<{ behind: boolean }>(
            this.replicaUrl(),
            `SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind`,
            [lsn],
          )
        )[0].behind === false,
      `the replica to replay up to ${lsn}`,
      timeoutMs,
    );
  }

  async stop(): Promise<void> {
    if (this.redis && this.redis.exitCode === null && this.redis.signalCode === null) {
      const exited = new Promise((done) => this.redis!.once('exit', done));
      this.redis.kill('SIGKILL');
      await exited;
    }
    // The replica first: a primary stopping in fast mode waits for its WAL senders. A server that does not stop keeps
    // its directory, for the next run's `stopStale`.
    while (this.started.length > 0)
      asPostgres(this.dir, 'pg_ctl', 'stop', '-D', this.started.pop()!, '-m', 'fast', '-w');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
