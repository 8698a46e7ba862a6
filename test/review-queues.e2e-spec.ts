import { postArticles, waitForQueuesIdle } from './helpers/articles';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

describe('review queues: pull, capacity, eligibility, leases', () => {
  let t: TestService;
  let editor: string;
  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const claimsOf = async (articleId: string) =>
    (await t.db.query(`SELECT id, assignee_id, status FROM claims WHERE article_id = $1 ORDER BY ordinal`, [articleId])).rows as {
      id: string;
      assignee_id: string | null;
      status: string;
    }[];
  const waitExtracted = (ids: string[]) =>
    waitFor(async () => {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM articles WHERE id = ANY($1) AND status = 'ready'`, [ids]);
      return rows[0].n === ids.length;
    }, 'extraction');

  beforeAll(async () => {
    t = await startTestService(4, { env: { LEASE_SECONDS: '2' } });
    editor = await t.createKey('editor');
  });
  afterAll(() => t.close());
  // Each rule is tested on its own: reviewers and claims of earlier tests are out of the way.
  beforeEach(async () => {
    await t.db.query(`UPDATE reviewers SET active = false`);
    await t.db.query(`DELETE FROM articles`);
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
    const twice = await t.db.query(`SELECT claim_id FROM claim_events WHERE type = 'assigned' GROUP BY claim_id HAVING count(*) > 1`);
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
    const held = await waitFor(async () => ((await claimsOf(id)).filter((c) => c.assignee_id === r.id).length === 4 ? true : null), 'assignment');
    expect(held).toBe(true);
    const mine = (await t.http().get('/review/mine').set(auth(r.key))).body.items as { id: string; checkworthiness: number }[];
    const scores = mine.map((c) => c.checkworthiness);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));

    const released = await t.http().post(`/review/claims/${mine[0].id}/release`).set(auth(r.key));
    expect(released.status).toBe(200);
    const history = (await t.http().get(`/claims/${mine[0].id}/events`).set(auth(editor))).body.items.map((e: { type: string }) => e.type);
    expect(history.slice(0, 2)).toEqual(['assigned', 'released']);
    // The reviewer who handed it back is not given it again.
    const next = await t.http().post('/review/next').set(auth(r.key));
    expect(next.body?.id).not.toBe(mine[0].id);
    expect((await claimsOf(id)).find((c) => c.id === mine[0].id)!.assignee_id).not.toBe(r.id);
    const notMine = await t.http().post(`/review/claims/${mine[1].id}/release`).set(auth(await t.createKey('reviewer', (await t.createReviewer({ active: false })).id)));
    expect(notMine.status).toBe(403);
  });

  it('keeps to capacity and assigns more when capacity grows', async () => {
    const r = await t.createReviewer({ capacity: 2, topics: ['capacity-test'] });
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0, topics: ['capacity-test'] });
    await waitFor(async () => ((await claimsOf(id)).filter((c) => c.assignee_id === r.id).length === 2 ? true : null), 'two assignments');
    // The worker has had its chance; the other claims wait.
    await waitForQueuesIdle(t);
    expect((await claimsOf(id)).filter((c) => c.assignee_id === r.id)).toHaveLength(2);
    await t.http().patch(`/admin/reviewers/${r.id}`).set(auth(t.adminKey)).send({ capacity: 10 });
    await waitFor(async () => ((await claimsOf(id)).every((c) => c.assignee_id === r.id) ? true : null), 'the rest assigned');
  });

  it('gives an article with topics only to reviewers sharing one (or generalists), in its language', async () => {
    const sports = await t.createReviewer({ topics: ['sports'], capacity: 50 });
    const french = await t.createReviewer({ languages: ['fr'], capacity: 50 });
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0, topics: ['elections'] });
    await waitExtracted([id]);
    const elections = await t.createReviewer({ topics: ['elections', 'economy'], capacity: 50 });
    await waitFor(async () => ((await claimsOf(id)).every((c) => c.assignee_id === elections.id) ? true : null), 'assignment to the topic reviewer');
    for (const other of [sports, french]) {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE assignee_id = $1`, [other.id]);
      expect(rows[0].n).toBe(0);
    }
    // Deactivation hands the open claims back, and they go to the next eligible reviewer.
    const generalist = await t.createReviewer({ capacity: 50 });
    await t.http().patch(`/admin/reviewers/${elections.id}`).set(auth(t.adminKey)).send({ active: false });
    await waitFor(async () => ((await claimsOf(id)).every((c) => c.assignee_id === generalist.id) ? true : null), 'reassignment after deactivation');
    const events = (await t.http().get(`/claims/${(await claimsOf(id))[0].id}/events`).set(auth(editor))).body.items.map((e: { type: string }) => e.type);
    expect(events).toEqual(['assigned', 'unassigned', 'assigned']);
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
    const history = await waitFor(async () => {
      const { rows } = await t.db.query(`SELECT type, reviewer_id FROM claim_events WHERE claim_id = $1 ORDER BY seq`, [claim.id]);
      return rows.length >= 3 ? rows.slice(0, 3) : null;
    }, 'the lease to expire and the claim to come back', 20_000);
    expect(history).toEqual([
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
    const assigned = await t.http().post(`/admin/claims/${claim.id}/assign`).set(auth(editor)).send({ reviewerId: r.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assigneeId).toBe(r.id);
    const unassigned = await t.http().post(`/admin/claims/${claim.id}/unassign`).set(auth(editor));
    expect(unassigned.body.assigneeId).toBeNull();
    const reviewerKey = await t.createKey('reviewer', r.id);
    expect((await t.http().post(`/admin/claims/${claim.id}/assign`).set(auth(reviewerKey)).send({ reviewerId: r.id })).status).toBe(403);
    const events = (await t.http().get(`/claims/${claim.id}/events`).set(auth(editor))).body.items;
    expect(events.map((e: { type: string; actorRole: string }) => [e.type, e.actorRole])).toEqual([
      ['assigned', 'editor'],
      ['unassigned', 'editor'],
    ]);
  });

  it('shows failed jobs and lets an admin retry, pause and resume a queue', async () => {
    const queues = await t.http().get('/admin/queues').set(auth(t.adminKey));
    expect(queues.status).toBe(200);
    expect(queues.body.items.map((q: { name: string }) => q.name)).toEqual(['article-extraction', 'claim-review', 'callback-delivery', 'claim-matching']);
    const paused = await t.http().post('/admin/queues/claim-review/pause').set(auth(t.adminKey));
    expect(paused.body.paused).toBe(true);
    const resumed = await t.http().post('/admin/queues/claim-review/resume').set(auth(t.adminKey));
    expect(resumed.body.paused).toBe(false);
    expect((await t.http().post('/admin/queues/claim-review/retry').set(auth(t.adminKey))).body).toEqual({ retried: 0 });
    expect((await t.http().post('/admin/queues/nope/retry').set(auth(t.adminKey))).status).toBe(404);
  });
});
