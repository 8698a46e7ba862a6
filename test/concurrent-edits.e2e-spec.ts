import { startTestService, waitFor, type TestService } from './helpers/test-service';

describe('an admin’s edit of a person loses no change committed while it ran', () => {
  jest.setTimeout(60_000);
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService(4, { name: 'concurrent-edits', worker: false });
  });
  afterAll(() => t?.close());

  it('keeps a time zone set while the edit made the person a reviewer', async () => {
    const person = await t.createPerson('editor');
    // The edit first makes the person's reviewer profile; an unfinished profile of the same email holds it there.
    const blocker = await t.db.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`INSERT INTO reviewers (name, email) VALUES ('Blocker', $1)`, [person.email.toLowerCase()]);
      const edit = t
        .http()
        .patch(`/admin/users/${person.id}`)
        .set('Authorization', `Bearer ${t.adminKey}`)
        .send({ role: 'reviewer', name: 'Renamed Reviewer' })
        .then((res) => res);
      await waitFor(async () => {
        const { rows } = await t.db.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO "reviewers"%'`,
        );
        return rows.length === 1 ? true : null;
      }, 'the edit to wait for the reviewer profile');
      // Meanwhile the person chooses a time zone, and it commits.
      await t.db.query(`UPDATE users SET time_zone = 'Europe/Berlin' WHERE id = $1`, [person.id]);
      await blocker.query('ROLLBACK');

      const answer = await edit;
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ role: 'reviewer', name: 'Renamed Reviewer' });
    } finally {
      blocker.release();
    }
    const { rows } = await t.db.query(`SELECT role, name, time_zone AS "timeZone" FROM users WHERE id = $1`, [
      person.id,
    ]);
    expect(rows).toEqual([{ role: 'reviewer', name: 'Renamed Reviewer', timeZone: 'Europe/Berlin' }]);
  });
});
