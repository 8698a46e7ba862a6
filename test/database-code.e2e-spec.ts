import { Client } from 'pg';
import { DATABASE_FUNCTIONS } from '../src/database/functions';
import { TEMPLATE_DATABASE_URL } from './helpers/test-env';

/**
 * The migrated database runs exactly the functions and triggers src/database/functions writes: none defined elsewhere
 * (a migration's own copy, an overload left behind by a changed signature), none of them other than written.
 */
describe('the database’s own code', () => {
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: TEMPLATE_DATABASE_URL });
    await db.connect();
  });
  afterAll(() => db.end());

  const body = (definition: string) => definition.slice(definition.indexOf('$$') + 2, definition.lastIndexOf('$$'));

  it('holds every function of the source, as written, and no other outside its extensions', async () => {
    const { rows } = await db.query<{ name: string; source: string }>(
      `SELECT p.proname AS name, p.prosrc AS source FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public'
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
       ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual(DATABASE_FUNCTIONS.map((fn) => fn.name).sort());
    for (const fn of DATABASE_FUNCTIONS) expect(rows.find((r) => r.name === fn.name)?.source).toBe(body(fn.definition));
  });

  it('holds every trigger of the source, and no other', async () => {
    const { rows } = await db.query<{ name: string; fn: string }>(
      `SELECT t.tgname AS name, p.proname AS fn FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE NOT t.tgisinternal`,
    );
    const written = DATABASE_FUNCTIONS.flatMap((fn) =>
      fn.triggers.map((trigger) => ({ name: /TRIGGER "(\w+)"/.exec(trigger)![1], fn: fn.name })),
    );
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    expect(rows.sort(byName)).toEqual(written.sort(byName));
  });
});
