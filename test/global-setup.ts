import { execFileSync } from 'node:child_process';
import { unreachableServices } from '../src/common/services-reachable';
import { TEMPLATE_DATABASE_URL, TEST_REDIS_URL } from './helpers/test-env';

/** Builds the service: the suites start what was built. A type error stops the run here, never a build that failed. */
export function buildService(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}

/** Runs the project's migrations on the database at `databaseUrl` (which must exist), as a deployment would. */
export function runMigrations(databaseUrl: string): void {
  const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl };
  execFileSync('npx', ['ts-node', '--transpile-only', 'src/database/migrate-main.ts'], {
    env,
    stdio: 'pipe',
  });
}

/** Builds the service, and the test database with the migrations (the template every suite copies), as a deployment would. */
export default async function globalSetup(): Promise<void> {
  // Before the build: without the services every suite would fail on its own, at length.
  const problem = await unreachableServices({ DATABASE_URL: TEMPLATE_DATABASE_URL, REDIS_URL: TEST_REDIS_URL });
  if (problem) {
    console.error(`\n${problem}`);
    process.exit(1);
  }
  const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: TEMPLATE_DATABASE_URL };
  buildService();
  execFileSync('npx', ['ts-node', '--transpile-only', 'scripts/create-databases.ts'], { env, stdio: 'inherit' });
  runMigrations(TEMPLATE_DATABASE_URL);
}
