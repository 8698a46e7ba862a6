import { execFileSync } from 'node:child_process';
import { TEMPLATE_DATABASE_URL } from './helpers/test-env';

/** Builds the service: the suites start what was built. A type error stops the run here, never a build that failed. */
export function buildService(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
}

/** Runs the project's migrations on the database at `databaseUrl` (which must exist), as a deployment would. */
export function runMigrations(databaseUrl: string): void {
  const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl };
  execFileSync('npx', ['typeorm-ts-node-commonjs', 'migration:run', '-d', 'src/database/data-source.ts'], {
    env,
    stdio: 'pipe',
  });
}

/** Builds the service, and the test database with the migrations (the template every suite copies), as a deployment would. */
export default function globalSetup(): void {
  const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: TEMPLATE_DATABASE_URL };
  buildService();
  execFileSync('npx', ['ts-node', '--transpile-only', 'scripts/create-databases.ts'], { env, stdio: 'inherit' });
  runMigrations(TEMPLATE_DATABASE_URL);
}
