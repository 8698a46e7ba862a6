import { existsSync, readFileSync } from 'node:fs';
import { ensureServicesUp, postgresIsUp, redisIsUp } from '../helpers/services-control';
import { SUMMARY_FILE } from './fault-kit';

/** Whatever happened in the suites, Postgres and Redis are left running; then the scenario lines, together. */
export default function faultsGlobalTeardown(): void {
  ensureServicesUp();
  if (!postgresIsUp() || !redisIsUp()) throw new Error('Postgres or Redis is not running after the fault suite');
  if (existsSync(SUMMARY_FILE)) process.stdout.write(`\n${readFileSync(SUMMARY_FILE, 'utf8')}`);
}
