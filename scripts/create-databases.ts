import { Client } from 'pg';
import { unreachableServices } from '../src/common/services-reachable';
import { loadEnvironment } from '../src/config/environment';

/** Creates the service's and the tests' databases if absent (the set-up step; safe to repeat). */
async function main(): Promise<void> {
  const env = loadEnvironment();
  const problem = await unreachableServices({ DATABASE_URL: env.DATABASE_URL });
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const serviceUrl = new URL(env.DATABASE_URL);
  const names = [serviceUrl.pathname.slice(1), process.env.TEST_DATABASE_NAME ?? 'claimdesk_test'];
  const admin = new URL(serviceUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (const name of new Set(names)) {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount === 0) {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
        console.log(`created database ${name}`);
      }
    }
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(`Could not create the databases: ${error.message}`);
  process.exit(1);
});
