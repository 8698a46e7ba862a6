import { execFileSync } from 'node:child_process';
import { TEMPLATE_DATABASE_URL } from './helpers/test-env';

/** Builds the service, and the test database with the migrations (the template every suite copies), as a deployment would. */
export default function globalSetup(): void {
  const env = { ...process.env, NODE_ENV: 'test', DATABASE_URL: TEMPLATE_DATABASE_URL };
  // A type error stops the run here: the suites test what was built, never a build that failed.
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync('npx', ['ts-node', '--transpile-only', 'scripts/create-databases.ts'], { env, stdio: 'inherit' });
  execFileSync('npx', ['typeorm-ts-node-commonjs', 'migration:run', '-d', 'src/database/data-source.ts'], { env, stdio: 'pipe' });
}
