import { Job, Queue, Worker } from 'bullmq';
import { Client } from 'pg';
import { assignClaimJobOptions } from '../src/queue/job-options';
import { queueKey, queueKeyPrefix } from '../src/queue/queue-keys';
import { CLAIM_REVIEW_QUEUE, JOB_ASSIGN_CLAIM } from '../src/queue/queue-names';
import { redisOptionsFromUrl } from '../src/queue/redis-connection';
import { newsBody, postArticles, waitForQueuesIdle } from './helpers/articles';
import { seedClaims } from './helpers/seed';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

describe('review queues: pull, capacity, eligibility, leases', () => {
  let t: TestService;
  let editor: string;
  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const claimsOf = async (articleId: string) =>
    (await t.db.query(`SELECT id, assignee_id, status FROM claims WHERE article_id = $1 ORDER BY ordinal`, [articleId]))
      .rows as {
      id: string;
      assignee_id: string | null;
      status: string;
    }[];
  const waitExtracted = (ids: string[]) =>
    waitFor(async () => {
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM articles WHERE id = ANY($1) AND status = 'ready'`,
        [ids],
      );
      return rows[0].n === ids.length;
    }, 'extraction');

  beforeAll(async () => {
    t = await startTestService(4, { env: { LEASE_SECONDS: '2' } });
    editor = await t.createKey('editor');
  });
  afterAll(() => t.close());
  /**
   * A statement over rows the worker may be changing too (leases last two seconds here): a worker's transaction may
   * hold some of those rows and wait for others this statement holds; Postgres then stops one of the two, and this
   * one tries again.
   */
  const runAgainOnDeadlock = async (sql: string, params: unknown[] = []) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await t.db.query(sql, params);
      } catch (error) {
        if ((error as { code?: string }).code !== '40P01' || attempt === 5) throw error;
      }
    }
  };
  // Each rule is tested on its own: reviewers and claims of earlier tests are out of the way.
  beforeEach(async () => {
    await t.db.query(`UPDATE reviewers SET active = false`);
    await runAgainOnDeadlock(`DELETE FROM articles`);
  });

  it('gives no claim to two reviewers under 50 concurrent pulls', async () => {
    const ids = await postArticles(t, editor, 10, { minCheckworthiness: 0 });
    await waitExtracted(ids);
    // With the worker stopped, only pulls assign: the claims wait unassigned.
    await t.stopWorker(t.workers[0]);
    const reviewers = await Promise.all(Array.from({ length: 50 }, () => t.createReviewer({ capacity: 1 })));
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE assignee_id IS NULL`);
    const available = rows[0].n as number;
    expect(available).toBeGreaterThan(20);

    const answers = await Promise.all(reviewers.map((r) => t.http().post('/review/next').set(auth(r.key))));
    const given = answers.filter((a) => a.status === 200).map((a) => a.body.id);
    expect(answers.every((a) => a.status === 200 || a.status === 204)).toBe(true);
    expect(given.length).toBe(Math.min(50, available));
    expect(new Set(given).size).toBe(given.length);
    const twice = await t.db.query(
      `SELECT claim_id FROM claim_events WHERE type = 'assigned' GROUP BY claim_id HAVING count(*) > 1`,
    );
    expect(twice.rows).toEqual([]);

    // Every reviewer is at capacity 1 now: the next pull gets nothing.
    expect((await t.http().post('/review/next').set(auth(reviewers[0].key))).status).toBe(204);
    const mine = await t.http().get('/review/mine').set(auth(reviewers[0].key));
    expect(mine.body.items).toHaveLength(1);
    await t.startWorker();
  });

  it('pulls the most check-worthy claim first and hands a released claim back', async () => {
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0 });
    await waitExtracted([id]);
    const r = await t.createReviewer({ capacity: 0 });
    await t.http().patch(`/admin/reviewers/${r.id}`).set(auth(t.adminKey)).send({ capacity: 5 });
    const held = await waitFor(
      async () => ((await claimsOf(id)).filter((c) => c.assignee_id === r.id).length === 4 ? true : null),
      'assignment',
    );
    expect(held).toBe(true);
    const mine = (await t.http().get('/review/mine').set(auth(r.key))).body.items as {
      id: string;
      checkworthiness: number;
    }[];
    const scores = mine.map((c) => c.checkworthiness);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const released = await t.http().post(`/review/claims/${mine[0].id}/release`).set(auth(r.key));
    expect(released.status).toBe(200);
    const history = (await t.http().get(`/claims/${mine[0].id}/events`).set(auth(editor))).body.items.map(
      (e: { type: string }) => e.type,
    );
    expect(history.slice(0, 3)).toEqual(['created', 'assigned', 'released']);
    // The reviewer who handed it back is not given it again.
    const next = await t.http().post('/review/next').set(auth(r.key));
    expect(next.body?.id).not.toBe(mine[0].id);
    expect((await claimsOf(id)).find((c) => c.id === mine[0].id)!.assignee_id).not.toBe(r.id);
    const notMine = await t
      .http()
      .post(`/review/claims/${mine[1].id}/release`)
      .set(auth(await t.createKey('reviewer', (await t.createReviewer({ active: false })).id)));
    expect(notMine.status).toBe(403);
  });

  it('records a verdict and hands out the claim to work next in one request; a refused verdict hands out nothing', async () => {
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0 });
    await waitExtracted([id]);
    // With the worker stopped, only this reviewer's requests assign.
    await t.stopWorker(t.workers[0]);
    const r = await t.createReviewer({ capacity: 2 });
    const verdict = (claim: { id: string; version: number }, body: Record<string, unknown>) =>
      t
        .http()
        .post(`/review/claims/${claim.id}/verdict`)
        .set(auth(r.key))
        .send({ expectedVersion: claim.version, ...body });
    const sourced = { to: 'sourced', sources: [{ url: 'https://example.org/report', title: 'Report' }] };
    const first = (await t.http().post('/review/next').set(auth(r.key))).body;
    const second = (await t.http().post('/review/next').set(auth(r.key))).body;
    const held = async () =>
      (await claimsOf(id))
        .filter((c) => c.assignee_id === r.id)
        .map((c) => c.id)
        .sort();
    expect(await held()).toEqual([first.id, second.id].sort());

    const stale = await verdict({ ...first, version: first.version + 5 }, sourced);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const noEvidence = await verdict(first, { to: 'sourced' });
    expect(noEvidence.status).toBe(400);
    expect(await held()).toEqual([first.id, second.id].sort());

    // A claim still in the reviewer's list comes before a new pull.
    const answer = await verdict(first, sourced);
    expect(answer.status).toBe(200);
    expect(answer.body.claim).toMatchObject({ id: first.id, status: 'sourced', version: first.version + 1 });
    expect(answer.body.next).toMatchObject({ id: second.id, status: 'unverified' });
    expect(await held()).toEqual([second.id]);

    // With the list empty, the next one is pulled; once the article is done, next is null.
    let current = answer.body.next as { id: string; version: number };
    const reviewed = [first.id];
    for (;;) {
      const step = await verdict(current, { to: 'disputed', note: 'The figures in the report say otherwise.' });
      expect(step.status).toBe(200);
      expect(step.body.claim).toMatchObject({ id: current.id, status: 'disputed' });
      reviewed.push(current.id);
      if (!step.body.next) break;
      expect(reviewed).not.toContain(step.body.next.id);
      expect(await held()).toEqual([step.body.next.id]);
      current = step.body.next;
    }
    const claims = await claimsOf(id);
    expect(reviewed.sort()).toEqual(claims.map((c) => c.id).sort());
    expect(claims.every((c) => c.status !== 'unverified' && c.assignee_id === null)).toBe(true);
    await t.startWorker();
  });

  it('keeps to capacity and assigns more when capacity grows', async () => {
    const r = await t.createReviewer({ capacity: 2, topics: ['capacity-test'] });
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0, topics: ['capacity-test'] });
    await waitFor(
      async () => ((await claimsOf(id)).filter((c) => c.assignee_id === r.id).length === 2 ? true : null),
      'two assignments',
    );
    // The worker has had its chance; the other claims wait.
    await waitForQueuesIdle(t);
    expect((await claimsOf(id)).filter((c) => c.assignee_id === r.id)).toHaveLength(2);
    await t.http().patch(`/admin/reviewers/${r.id}`).set(auth(t.adminKey)).send({ capacity: 10 });
    await waitFor(
      async () => ((await claimsOf(id)).every((c) => c.assignee_id === r.id) ? true : null),
      'the rest assigned',
    );
  });

  it('gives an article with topics only to reviewers sharing one (or generalists), in its language', async () => {
    const sports = await t.createReviewer({ topics: ['sports'], capacity: 50 });
    const french = await t.createReviewer({ languages: ['fr'], capacity: 50 });
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0, topics: ['elections'] });
    await waitExtracted([id]);
    const elections = await t.createReviewer({ topics: ['elections', 'economy'], capacity: 50 });
    await waitFor(
      async () => ((await claimsOf(id)).every((c) => c.assignee_id === elections.id) ? true : null),
      'assignment to the topic reviewer',
    );
    for (const other of [sports, french]) {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE assignee_id = $1`, [other.id]);
      expect(rows[0].n).toBe(0);
    }
    // Deactivation hands the open claims back, and they go to the next eligible reviewer.
    const generalist = await t.createReviewer({ capacity: 50 });
    await t.http().patch(`/admin/reviewers/${elections.id}`).set(auth(t.adminKey)).send({ active: false });
    await waitFor(
      async () => ((await claimsOf(id)).every((c) => c.assignee_id === generalist.id) ? true : null),
      'reassignment after deactivation',
    );
    const events = (
      await t
        .http()
        .get(`/claims/${(await claimsOf(id))[0].id}/events`)
        .set(auth(editor))
    ).body.items.map((e: { type: string }) => e.type);
    expect(events).toEqual(['created', 'assigned', 'unassigned', 'assigned']);
  });

  it('gives work only to reviewers someone can act as: a person who joined, or a live key; the pages say why not', async () => {
    // An invited person who has not set a password, and a profile with no person and no key.
    const invited = await t
      .http()
      .post('/admin/users')
      .set(auth(t.adminKey))
      .send({ email: 'not-yet@example.org', name: 'Not Yet', role: 'reviewer' });
    expect(invited.status).toBe(201);
    const pendingId: string = invited.body.reviewerId;
    const bare = await t
      .http()
      .post('/admin/reviewers')
      .set(auth(t.adminKey))
      .send({ name: 'Bare profile', email: 'bare@example.org', capacity: 50 });
    expect(bare.status).toBe(201);
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0 });
    await waitExtracted([id]);
    await waitForQueuesIdle(t);
    // A worker's start reconciles from Postgres: it hands out nothing either.
    await t.stopWorker(t.workers[0]);
    await t.startWorker();
    await waitForQueuesIdle(t);
    const waiting = await claimsOf(id);
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.every((c) => c.assignee_id === null)).toBe(true);
    const byHand = await t
      .http()
      .post(`/admin/claims/${waiting[0].id}/assign`)
      .set(auth(editor))
      .send({ reviewerId: bare.body.id });
    expect(byHand.status).toBe(409);
    expect(byHand.body.code).toBe('conflict');

    const admin = await t.signIn(await t.createPerson('admin'));
    const rowOf = (page: string, id: string) => page.slice(page.indexOf(`id="reviewer-${id}"`)).split('</tr>')[0];
    const reviewersPage = (await t.http().get('/ui/admin/reviewers').set('Cookie', admin)).text;
    expect(rowOf(reviewersPage, pendingId)).toContain('data-no-work="invitation_pending"');
    expect(rowOf(reviewersPage, bare.body.id)).toContain('data-no-work="no_person_or_key"');
    const overview = (await t.http().get('/ui/admin').set('Cookie', admin)).text;
    const unreachable = overview.slice(overview.indexOf('id="unreachable"')).split('</li>')[0];
    expect(unreachable).toContain(`>${waiting.length}</span`);

    // The person accepts the invitation: their profile is offered the waiting claims at once.
    const token = new URL(invited.body.inviteUrl).searchParams.get('token');
    const password = 'pale kettle joined drums';
    await t.http().post('/ui/password').type('form').send({ token, password, confirmation: password });
    await waitFor(
      async () => ((await claimsOf(id)).every((c) => c.assignee_id === pendingId) ? true : null),
      'the claims to go to the person who joined',
    );
    // A key for the bare profile lets it take work; revoking its only key hands that work back.
    await t.http().patch(`/admin/users/${invited.body.id}`).set(auth(t.adminKey)).send({ active: false });
    await waitFor(
      async () => ((await claimsOf(id)).every((c) => c.assignee_id !== pendingId) ? true : null),
      'the deactivated person’s claims to be handed back',
    );
    const key = await t
      .http()
      .post('/admin/keys')
      .set(auth(t.adminKey))
      .send({ name: 'bare key', role: 'reviewer', reviewerId: bare.body.id });
    await waitFor(
      async () => ((await claimsOf(id)).every((c) => c.assignee_id === bare.body.id) ? true : null),
      'the claims to go to the profile with a key',
    );
    await t.http().delete(`/admin/keys/${key.body.id}`).set(auth(t.adminKey));
    expect((await claimsOf(id)).every((c) => c.assignee_id === null)).toBe(true);
  });

  it('returns a claim whose lease expired to the pool and assigns it to another reviewer', async () => {
    const first = await t.createReviewer({ capacity: 50, topics: ['lease-test'] });
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0, topics: ['lease-test'] });
    const [claim] = await waitFor(async () => {
      const claims = await claimsOf(id);
      return claims.length > 0 && claims.every((c) => c.assignee_id === first.id) ? claims : null;
    }, 'assignment');
    const second = await t.createReviewer({ capacity: 50, topics: ['lease-test'] });
    // LEASE_SECONDS=2 in this suite: the delayed job expires the lease, and the claim goes to a reviewer who did not let it lapse.
    const history = await waitFor(
      async () => {
        const { rows } = await t.db.query(
          `SELECT type, reviewer_id FROM claim_events WHERE claim_id = $1 ORDER BY seq`,
          [claim.id],
        );
        return rows.length >= 4 ? rows.slice(0, 4) : null;
      },
      'the lease to expire and the claim to come back',
      20_000,
    );
    expect(history).toEqual([
      { type: 'created', reviewer_id: null },
      { type: 'assigned', reviewer_id: first.id },
      { type: 'lease_expired', reviewer_id: first.id },
      { type: 'assigned', reviewer_id: second.id },
    ]);
  });

  it('lets editors assign and unassign by hand, recorded in the history', async () => {
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0, topics: ['manual'] });
    await waitExtracted([id]);
    const [claim] = await claimsOf(id);
    const r = await t.createReviewer({ capacity: 0 });
    const assigned = await t
      .http()
      .post(`/admin/claims/${claim.id}/assign`)
      .set(auth(editor))
      .send({ reviewerId: r.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigneeId).toBe(r.id);
    const unassigned = await t.http().post(`/admin/claims/${claim.id}/unassign`).set(auth(editor));
    expect(unassigned.body.assigneeId).toBeNull();
    const reviewerKey = await t.createKey('reviewer', r.id);
    expect(
      (await t.http().post(`/admin/claims/${claim.id}/assign`).set(auth(reviewerKey)).send({ reviewerId: r.id }))
        .status,
    ).toBe(403);
    const events = (await t.http().get(`/claims/${claim.id}/events`).set(auth(editor))).body.items;
    expect(events.map((e: { type: string; actorRole: string }) => [e.type, e.actorRole])).toEqual([
      ['created', 'system'],
      ['assigned', 'editor'],
      ['unassigned', 'editor'],
    ]);
  });

  it('announces hand assignments and moves on claim_changes, but not a reviewer’s own pull', async () => {
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0, topics: ['announced'] });
    await waitExtracted([id]);
    await t.stopWorker(t.workers[0]);
    const [first] = await claimsOf(id);
    const r = await t.createReviewer({ capacity: 5, topics: ['announced'] });
    const reviewerKey = r.key;

    const listener = new Client({ connectionString: t.env.DATABASE_URL });
    await listener.connect();
    const heard: { claimId: string; type: string; actorRole: string }[] = [];
    listener.on('notification', (n) => heard.push(JSON.parse(n.payload!)));
    try {
      await listener.query('LISTEN claim_changes');
      expect(
        (await t.http().post(`/admin/claims/${first.id}/assign`).set(auth(editor)).send({ reviewerId: r.id })).status,
      ).toBe(200);
      const pulled = await t.http().post('/review/next').set(auth(reviewerKey));
      expect(pulled.status).toBe(200);
      const second = pulled.body as { id: string; version: number };
      expect(second.id).not.toBe(first.id);
      const moved = await t
        .http()
        .post(`/claims/${second.id}/transitions`)
        .set(auth(reviewerKey))
        .send({ to: 'disputed', expectedVersion: pulled.body.version, note: 'The figure is from another year' });
      expect(moved.status).toBe(200);
      await waitFor(async () => heard.length >= 2, 'the hand assignment and the move to be announced');
      // A NOTIFY is delivered at its commit, in commit order: the pull committed between the two it would sit among.
      await listener.query('SELECT 1');
      expect(heard.map((m) => [m.claimId, m.type, m.actorRole])).toEqual([
        [first.id, 'assigned', 'editor'],
        [second.id, 'transition', 'reviewer'],
      ]);
    } finally {
      await listener.end();
      await t.startWorker();
    }
  });

  it('keeps reviewers.open_claims equal to the claims each holds through every path that changes an assignment', async () => {
    // One statement reads both, so the leases (2 s here) that keep expiring meanwhile cannot skew the comparison.
    const counters = async () =>
      (
        await t.db.query(
          `SELECT r.id, r.open_claims AS counter, (SELECT count(*)::int FROM claims c WHERE c.assignee_id = r.id) AS held FROM reviewers r`,
        )
      ).rows as {
        id: string;
        counter: number;
        held: number;
      }[];
    const expectCountersRight = async () => {
      const rows = await counters();
      expect(rows.filter((r) => r.counter !== r.held)).toEqual([]);
      return rows.reduce((sum, r) => sum + r.held, 0);
    };
    /** Moves held leases (of one reviewer, or all) an hour on. */
    const extendLeases = async (reviewerId: string | null = null) => {
      await runAgainOnDeadlock(
        `UPDATE claims SET lease_expires_at = now() + interval '1 hour'
         WHERE assignee_id IS NOT NULL AND ($1::uuid IS NULL OR assignee_id = $1)`,
        [reviewerId],
      );
    };
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => t.createReviewer({ capacity: 3, topics: ['counter'] })));
    const externalId = 'counter-revised';
    const ids = [
      ...(await postArticles(t, editor, 2, { minCheckworthiness: 0, topics: ['counter'] })),
      ...(await postArticles(t, editor, 1, { minCheckworthiness: 0, topics: ['counter'], externalId })),
    ];
    await waitExtracted(ids);
    // Assignment jobs and pulls. Each poll moves the held leases an hour on, so the steps below do not race the
    // 2 s leases of this suite; claims assigned after the last poll keep 2 s leases and lapse later on.
    await waitFor(async () => {
      await extendLeases();
      const rows = await counters();
      return [a, b, c].every((r) => rows.find((row) => row.id === r.id)!.held > 0) ? true : null;
    }, 'a claim for each reviewer');
    await expectCountersRight();
    expect((await t.http().post('/review/next').set(auth(a.key))).status).toBeLessThan(300);
    await extendLeases(a.id);
    const mineOf = async (key: string) =>
      (await t.http().get('/review/mine').set(auth(key))).body.items as { id: string; version: number }[];
    // A verdict, then an editor's reopening of it.
    const [judged] = await mineOf(a.key);
    const verdict = await t
      .http()
      .post(`/claims/${judged.id}/transitions`)
      .set(auth(a.key))
      .send({ to: 'sourced', expectedVersion: judged.version, sources: [{ url: 'https://example.org/s' }] });
    expect(verdict.status).toBe(200);
    const reopened = await t
      .http()
      .post(`/claims/${judged.id}/transitions`)
      .set(auth(editor))
      .send({ to: 'unverified', expectedVersion: verdict.body.version, note: 'look again' });
    expect(reopened.status).toBe(200);
    // A release, a hand assignment over capacity and an unassignment.
    const [released] = await mineOf(b.key);
    expect((await t.http().post(`/review/claims/${released.id}/release`).set(auth(b.key))).status).toBe(200);
    const handed = (
      await t.db.query(`SELECT id FROM claims WHERE article_id = ANY($1) AND assignee_id <> $2 LIMIT 2`, [ids, c.id])
    ).rows;
    expect(handed).toHaveLength(2);
    for (const claim of handed)
      expect(
        (await t.http().post(`/admin/claims/${claim.id}/assign`).set(auth(editor)).send({ reviewerId: c.id })).status,
      ).toBe(200);
    expect((await t.http().post(`/admin/claims/${handed[0].id}/unassign`).set(auth(editor))).status).toBe(200);
    await expectCountersRight();
    // A revision withdraws claims (some of them held), and a deactivation hands the rest of a reviewer's back.
    // The revision's extraction (in the worker) withdraws claims c holds while the deactivation hands them back: they
    // lock the same rows in opposite orders, and a deadlock Postgres breaks is run again, so the PATCH answers 200 (a
    // CI run once answered it 500).
    const [revised, deactivated] = await Promise.all([
      t
        .http()
        .post('/articles')
        .set(auth(editor))
        .send({ title: 'Revised', body: newsBody(9_000), topics: ['counter'], externalId, minCheckworthiness: 0 }),
      t.http().patch(`/admin/reviewers/${c.id}`).set(auth(t.adminKey)).send({ active: false }),
    ]);
    expect([revised.status, deactivated.status]).toEqual([202, 200]);
    await waitForQueuesIdle(t);
    await expectCountersRight();
    // Leases lapse (LEASE_SECONDS=2) and the claims move on to reviewers who did not let them lapse.
    await waitFor(
      async () =>
        (await t.db.query(`SELECT 1 FROM claim_events WHERE type = 'lease_expired' LIMIT 1`)).rowCount ? true : null,
      'a lease to expire',
      20_000,
    );
    await waitForQueuesIdle(t);
    await expectCountersRight();
    const types = (
      await t.db.query(
        `SELECT DISTINCT e.type FROM claim_events e JOIN claims c ON c.id = e.claim_id WHERE c.article_id = ANY($1)`,
        [ids],
      )
    ).rows.map((r) => r.type);
    expect(types).toEqual(
      expect.arrayContaining(['assigned', 'transition', 'released', 'unassigned', 'lease_expired']),
    );
    expect((await counters()).find((r) => r.id === c.id)!.counter).toBe(0);
  });

  it('shows failed jobs and lets an admin retry, pause and resume a queue', async () => {
    const queues = await t.http().get('/admin/queues').set(auth(t.adminKey));
    expect(queues.status).toBe(200);
    expect(queues.body.items.map((q: { name: string }) => q.name)).toEqual([
      'article-extraction',
      'claim-review',
      'callback-delivery',
      'claim-matching',
    ]);
    const paused = await t.http().post('/admin/queues/claim-review/pause').set(auth(t.adminKey));
    expect(paused.body.paused).toBe(true);
    const resumed = await t.http().post('/admin/queues/claim-review/resume').set(auth(t.adminKey));
    expect(resumed.body.paused).toBe(false);
    expect((await t.http().post('/admin/queues/claim-review/retry').set(auth(t.adminKey))).body).toEqual({
      retried: 0,
    });
    expect((await t.http().post('/admin/queues/nope/retry').set(auth(t.adminKey))).status).toBe(404);
  });
});

// The suite above runs with two-second leases; here a claim stays with its reviewer while the worker restarts.
describe('review queues: the slot a verdict frees', () => {
  let t: TestService;
  let editor: string;
  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const claimsOf = async (articleId: string) =>
    (await t.db.query(`SELECT id, assignee_id FROM claims WHERE article_id = $1`, [articleId])).rows as {
      id: string;
      assignee_id: string | null;
    }[];

  beforeAll(async () => {
    t = await startTestService(4);
    editor = await t.createKey('editor');
  });
  afterAll(() => t.close());

  it('offers the slot a verdict frees to the waiting claims when the claim to work next was already held', async () => {
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0 });
    await waitFor(
      async () => (await t.db.query(`SELECT status FROM articles WHERE id = $1`, [id])).rows[0].status === 'ready',
      'extraction',
    );
    await t.stopWorker(t.workers[0]);
    const r = await t.createReviewer({ capacity: 2 });
    const first = (await t.http().post('/review/next').set(auth(r.key))).body;
    const second = (await t.http().post('/review/next').set(auth(r.key))).body;
    await t.startWorker();
    // The assignment tries queued when the reviewer joined have run (and found it full): what follows is the verdict's.
    await waitForQueuesIdle(t);
    const heldBy = async () => (await claimsOf(id)).filter((c) => c.assignee_id === r.id).map((c) => c.id);
    const sourced = { to: 'sourced', sources: [{ url: 'https://example.org/report', title: 'Report' }] };

    // The answer is the claim already held; the freed slot goes to a waiting claim through the worker.
    const answer = await t
      .http()
      .post(`/review/claims/${first.id}/verdict`)
      .set(auth(r.key))
      .send({ expectedVersion: first.version, ...sourced });
    expect(answer.body.next).toMatchObject({ id: second.id });
    const refilled = await waitFor(
      async () => ((await heldBy()).length === 2 ? await heldBy() : null),
      'the freed slot filled',
    );
    expect(refilled).toContain(second.id);
    expect(refilled).not.toContain(first.id);
  });
});

describe('review queues: assignment tries of one claim', () => {
  let t: TestService;
  let queue: Queue;
  let consumer: Worker<{ claimId: string }> | undefined;
  /** The claims the suite's consumer was handed, in order. */
  const tried: string[] = [];

  beforeAll(async () => {
    // No worker: the suite's own consumer takes the claim-review jobs, so a try can be held running or made to fail.
    t = await startTestService(4, { worker: false });
    queue = new Queue(CLAIM_REVIEW_QUEUE, { connection: connection(), prefix: prefix() });
  });
  afterAll(async () => {
    await queue.close();
    await t.close();
  });
  afterEach(async () => {
    await consumer?.close();
    tried.length = 0;
  });
  const connection = () => redisOptionsFromUrl(t.env.REDIS_URL);
  const prefix = () => queueKeyPrefix(t.env.QUEUE_PREFIX, CLAIM_REVIEW_QUEUE);
  const consume = (handle: (job: Job<{ claimId: string }>) => Promise<string>) => {
    consumer = new Worker<{ claimId: string }>(
      CLAIM_REVIEW_QUEUE,
      async (job) => {
        tried.push(job.data.claimId);
        return handle(job);
      },
      { connection: connection(), prefix: prefix(), concurrency: 1 },
    );
  };
  /** The owner of claims written straight to the tables (no job queued for them). */
  const NO_OWNER = '00000000-0000-0000-0000-000000000000';
  const queueTry = (claimId: string) => queue.add(JOB_ASSIGN_CLAIM, { claimId }, assignClaimJobOptions(claimId, 0.9));

  it('keeps an offer made while the claim’s try runs: the claim is tried again once that try ends', async () => {
    const [held, other] = await seedClaims(t.db, NO_OWNER, 2, 'an offer while a try runs');
    let running!: () => void;
    const firstTryRunning = new Promise<void>((resolve) => (running = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // A try that read the reviewers before anyone had room: it ends finding nobody, as the worker's would.
    consume(async () => {
      if (tried.length === 1) {
        running();
        await released;
      }
      return 'waiting for a reviewer';
    });
    try {
      await queueTry(held);
      await firstTryRunning;

      // A reviewer with room joins while the try runs: both waiting claims are offered to it. The other claim's try
      // waits; the held claim's is kept aside (BullMQ's "dn:" key) until the running try ends.
      await t.createReviewer({ capacity: 5 });
      const keptAside = queueKey(t.env.QUEUE_PREFIX, CLAIM_REVIEW_QUEUE, `dn:${held}`);
      await waitFor(
        async () =>
          (await queue.getJobCounts('prioritized')).prioritized === 1 && (await t.redis.exists(keptAside)) === 1,
        'the offer queued',
      );
      release();

      await waitFor(async () => tried.length === 3, 'the offered claims tried', 10_000);
      expect(tried.filter((id) => id === held)).toHaveLength(2);
      expect(tried).toContain(other);
    } finally {
      release();
    }
  });

  it('drops a try that failed for good; the reconciler queues its claim again and a worker assigns it', async () => {
    consume(async (job) => {
      // As attempts running out during a long outage would.
      job.discard();
      throw new Error('simulated outage');
    });
    // Reviewers of earlier tests (holding nothing) are out of the way. The new one's joining offers it the claims
    // already waiting: their tries fail for good too.
    await t.db.query(`UPDATE reviewers SET active = false`);
    const reviewer = await t.createReviewer({ capacity: 10 });
    const [claim] = await seedClaims(t.db, NO_OWNER, 1, 'a try failed for good');
    await queueTry(claim);
    const waiting = (await t.db.query(`SELECT id FROM claims WHERE assignee_id IS NULL`)).rows.map((r) => r.id);
    await waitFor(
      async () => waiting.every((id) => tried.includes(id)) && (await queue.getJobCounts('active')).active === 0,
      'every waiting claim tried',
    );
    await consumer!.close();
    expect(await queue.getJobCounts('failed', 'prioritized')).toEqual({ failed: 0, prioritized: 0 });

    // Nothing is queued for the claim now; the worker's reconciler, on start, queues it with every claim within reach.
    await t.startWorker();
    const assignee = await waitFor(
      async () => (await t.db.query(`SELECT assignee_id FROM claims WHERE id = $1`, [claim])).rows[0].assignee_id,
      'the claim assigned',
    );
    expect(assignee).toBe(reviewer.id);
  });
});
