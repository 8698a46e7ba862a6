import { DataSource } from 'typeorm';
import { preparedRows } from '../src/database/sql';
import { TEMPLATE_DATABASE_URL } from './helpers/test-env';

/** Statements run as named prepared statements: on the caller's transaction, planned once per connection. */
describe('preparedRows', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    // Temporary tables only, on the server's maintenance database: nothing is left behind.
    const url = new URL(TEMPLATE_DATABASE_URL);
    url.pathname = '/postgres';
    dataSource = new DataSource({ type: 'postgres', url: url.toString(), poolSize: 1 });
    await dataSource.initialize();
  });
  afterAll(() => dataSource.destroy());

  const preparedOnConnection = () =>
    dataSource.query<{ name: string; statement: string }[]>(
      `SELECT name, statement FROM pg_prepared_statements WHERE name LIKE 'claimdesk\\_%'`,
    );

  it('answers the rows, and prepares a statement once on the connection however often it runs', async () => {
    const text = 'SELECT n * $1::int AS product FROM generate_series(1, 3) AS n ORDER BY n';

    expect(await preparedRows(dataSource, text, [2])).toEqual([{ product: 2 }, { product: 4 }, { product: 6 }]);
    expect(await preparedRows(dataSource, text, [10])).toEqual([{ product: 10 }, { product: 20 }, { product: 30 }]);
    expect((await preparedOnConnection()).filter((s) => s.statement === text)).toHaveLength(1);
  });

  it('runs on the caller’s transaction, seeing its uncommitted rows, and its writes roll back with it', async () => {
    await dataSource.query('CREATE TEMPORARY TABLE tally (n int)');
    await expect(
      dataSource.transaction(async (em) => {
        await em.query('INSERT INTO tally VALUES (1)');
        const inside = await preparedRows(em, 'INSERT INTO tally SELECT n + 1 FROM tally RETURNING n', []);
        expect(inside).toEqual([{ n: 2 }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');

    expect(await dataSource.query('SELECT count(*)::int AS n FROM tally')).toEqual([{ n: 0 }]);
  });

  it('goes on answering after a column is added to a table it names its columns of', async () => {
    await dataSource.query('CREATE TEMPORARY TABLE readings (id int, value int)');
    await dataSource.query('INSERT INTO readings VALUES (1, 7)');
    const text = 'SELECT id, value FROM readings WHERE id = $1';
    expect(await preparedRows(dataSource, text, [1])).toEqual([{ id: 1, value: 7 }]);

    await dataSource.query('ALTER TABLE readings ADD COLUMN unit text');

    expect(await preparedRows(dataSource, text, [1])).toEqual([{ id: 1, value: 7 }]);
  });
});
