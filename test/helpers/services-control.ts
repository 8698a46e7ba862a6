import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';

/**
 * Stops and starts this machine's real Postgres and Redis for the fault suite. Everything here is synchronous,
 * so the same calls work from a process 'exit' hook, where nothing asynchronous runs any more.
 * Other suites on the machine share these servers: outages are kept to seconds and always undone.
 */
const PG_VERSION = (() => {
  try {
    return readdirSync('/etc/postgresql').sort().pop() ?? '15';
  } catch {
    return '15';
  }
})();
const REDIS_PORT = '6379';
const REDIS_START = [
  '--daemonize',
  'yes',
  '--bind',
  '127.0.0.1',
  '-::1',
  '--port',
  REDIS_PORT,
  '--save',
  '',
  '--appendonly',
  'no',
  '--dir',
  '/var/lib/redis',
  '--logfile',
  '/var/log/redis/ci.log',
];

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function waitSync(check: () => boolean, what: string, timeoutMs = 30_000): void {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    sleepSync(100);
  }
}

export function postgresIsUp(): boolean {
  return spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q'], { timeout: 5000 }).status === 0;
}

export function redisIsUp(): boolean {
  const ping = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', REDIS_PORT, 'ping'], {
    timeout: 5000,
    encoding: 'utf8',
  });
  return ping.status === 0 && ping.stdout.includes('PONG');
}

function pgCtl(action: 'start' | 'stop'): void {
  execFileSync(
    'pg_ctlcluster',
    ['--skip-systemctl-redirect', PG_VERSION, 'main', action, ...(action === 'stop' ? ['--mode', 'fast'] : [])],
    { stdio: 'pipe' },
  );
}

export function stopPostgres(): void {
  pgCtl('stop');
  waitSync(() => !postgresIsUp(), 'Postgres to stop');
}

export function startPostgres(): void {
  if (!postgresIsUp()) {
    try {
      pgCtl('start');
    } catch (error) {
      // "already running" while it is still coming up: the wait below decides.
      if (!/already running/i.test(String((error as { stderr?: Buffer }).stderr ?? error))) throw error;
    }
  }
  waitSync(postgresIsUp, 'Postgres to accept connections');
}

export function stopRedis(): void {
  // The server closes the connection as it shuts down, so redis-cli may report an error: the wait decides.
  spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', REDIS_PORT, 'shutdown', 'nosave'], { timeout: 10_000 });
  waitSync(() => !redisIsUp(), 'Redis to stop');
}

export function startRedis(): void {
  if (!redisIsUp()) {
    mkdirSync('/var/lib/redis', { recursive: true });
    mkdirSync('/var/log/redis', { recursive: true });
    execFileSync('redis-server', REDIS_START, { stdio: 'pipe' });
  }
  waitSync(redisIsUp, 'Redis to answer PING');
}

/** Brings back whatever is down; throws if either cannot be brought back. */
export function ensureServicesUp(): void {
  const errors: string[] = [];
  for (const [name, start] of [
    ['Postgres', startPostgres],
    ['Redis', startRedis],
  ] as const) {
    try {
      start();
    } catch (error) {
      errors.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (errors.length > 0) throw new Error(`could not bring the services back up: ${errors.join('; ')}`);
}

/**
 * While a suite may stop the servers: however the process ends (a failed test, an exception, Ctrl-C), Postgres
 * and Redis are started again. Returns the function that removes the hooks.
 */
export function guardServices(): () => void {
  const onExit = () => {
    try {
      ensureServicesUp();
    } catch (error) {
      process.stderr.write(`services-control: ${(error as Error).message}\n`);
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.kill(process.pid, signal);
  };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
