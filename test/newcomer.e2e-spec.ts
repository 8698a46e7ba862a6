import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { suiteDatabaseUrl } from './helpers/test-env';
import { freePort } from './helpers/test-service';

const ROOT = resolve(__dirname, '..');
/** Loopback ports nothing listens on: a newcomer's machine without the services. */
const NO_POSTGRES = 'postgres://postgres@127.0.0.1:1/x';
const NO_REDIS = 'redis://127.0.0.1:1/0';
const HINT = 'docker compose up -d postgres redis';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (bounded: a hang fails the test) with the machine's environment and `env` over it. */
function run(command: string, args: string[], env: Record<string, string>, timeoutMs = 45_000): Promise<Run> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env }, timeout: timeoutMs },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** One line, naming what is down and the command that starts it; no stack trace. */
function expectOneLine(result: Run, down: RegExp): void {
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(down);
  expect(lines[0]).toContain(HINT);
}

describe('a newcomer without Postgres or Redis is told how to start them, in one line', () => {
  it('npm start says Postgres is not reachable', async () => {
    const result = await run(process.execPath, ['dist/src/start-all.js'], {
      DATABASE_URL: NO_POSTGRES,
      PORT: String(await freePort()),
    });
    expectOneLine(result, /^Postgres at 127\.0\.0\.1:1 \(ECONNREFUSED\) is not reachable/);
  });

  it('npm start says Redis is not reachable instead of retrying forever', async () => {
    const result = await run(process.execPath, ['dist/src/start-all.js'], {
      DATABASE_URL: suiteDatabaseUrl(1),
      REDIS_URL: NO_REDIS,
      PORT: String(await freePort()),
    });
    expectOneLine(result, /^Redis at 127\.0\.0\.1:1 \(ECONNREFUSED\) is not reachable/);
  });

  it('npm run demo says so at its database set-up, and again at start when only Redis is missing', async () => {
    const setup = await run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'scripts/create-databases.ts'],
      {
        DATABASE_URL: NO_POSTGRES,
      },
    );
    expectOneLine(setup, /^Postgres at 127\.0\.0\.1:1/);
    const demo = await run(process.execPath, ['dist/scripts/demo.js'], {
      DATABASE_URL: NO_POSTGRES,
      REDIS_URL: NO_REDIS,
      PORT: String(await freePort()),
    });
    expectOneLine(
      demo,
      /^Postgres at 127\.0\.0\.1:1 \(ECONNREFUSED\) and Redis at 127\.0\.0\.1:1 \(ECONNREFUSED\) are not/,
    );
  });

  it('npm test stops before the build with the same line', async () => {
    const result = await run(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--selectProjects', 'e2e', '--testPathPatterns', 'bad-input'],
      { TEST_DATABASE_URL: NO_POSTGRES },
      // Jest compiles its set-up first: tens of seconds on a busy machine.
      150_000,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Postgres at 127.0.0.1:1 (ECONNREFUSED) is not reachable: start them with \`${HINT}\``,
    );
    expect(result.stderr).not.toMatch(/^\s+at /m);
  }, 180_000);
});
