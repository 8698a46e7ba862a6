import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { TEMPLATE_DATABASE_URL } from './helpers/test-env';

/** pg closes a connection left idle this long unless told otherwise. */
const PG_DEFAULT_IDLE_MS = 10_000;

/** The services' connection pool (the options every process builds its DataSource from). */
describe('the connection pool', () => {
  // The server's maintenance database: nothing is written.
  const url = new URL(TEMPLATE_DATABASE_URL);
  url.pathname = '/postgres';

  /** The backends (process id and start) of `count` queries run at once, each on a connection of its own. */
  const backendsOf = (dataSource: DataSource, count: number) =>
    Promise.all(
      Array.from({ length: count }, () =>
        dataSource
          .query<{ backend: string }[]>(
            `SELECT pid || ' ' || backend_start AS backend, pg_sleep(0.2)
             FROM pg_stat_activity WHERE pid = pg_backend_pid()`,
          )
          .then(([row]) => row.backend),
      ),
    );

  it('keeps its connections through a quiet spell longer than pg closes idle ones after', async () => {
    const dataSource = new DataSource(dataSourceOptions(url.toString(), 3));
    await dataSource.initialize();
    try {
      const before = await backendsOf(dataSource, 3);
      expect(new Set(before).size).toBe(3);

      await new Promise((wake) => setTimeout(wake, PG_DEFAULT_IDLE_MS + 1_000));

      expect((await backendsOf(dataSource, 3)).sort()).toEqual(before.sort());
    } finally {
      await dataSource.destroy();
    }
  }, 30_000);

  it('never holds a process open by itself: a script that leaves its pool open still ends', async () => {
    const script = `
      const { DataSource } = require('typeorm');
      const { dataSourceOptions } = require(${JSON.stringify(resolve(__dirname, '../dist/src/database/data-source'))});
      const dataSource = new DataSource(dataSourceOptions(process.env.DATABASE_URL, 2));
      dataSource.initialize().then(() => dataSource.query('SELECT 1')).then(() => console.log('queried'));
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], {
      cwd: resolve(__dirname, '..'),
      env: { ...process.env, DATABASE_URL: url.toString() },
      // Were the idle connection to hold the process open (for the pool's ten minutes), it would be killed here and the
      // call would fail.
      timeout: 2 * PG_DEFAULT_IDLE_MS,
    });

    expect(stdout.trim()).toBe('queried');
  }, 30_000);
});
