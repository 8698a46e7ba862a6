import { execFileSync } from 'node:child_process';
import { testEnvironment } from './helpers/test-env';

/** Builds the service and the test database (with the migrations), as a deployment would. */
export default function globalSetup(): void {
  const env = { ...process.env, ...testEnvironment(15) };
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync('npx', ['ts-node', '--transpile-only', 'scripts/create-databases.ts'], { env, stdio: 'inherit' });
  execFileSync('npx', ['typeorm-ts-node-commonjs', 'migration:run', '-d', 'src/database/data-source.ts'], { env, stdio: 'pipe' });
}
