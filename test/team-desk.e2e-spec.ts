import { randomUUID } from 'node:crypto';
import { newsBody, postArticles } from './helpers/articles';
import { noticesOfKind, personKey } from './helpers/notices';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

interface Claim {
  id: string;
  status: string;
  assigneeId: string | null;
  tags: string[];
  dueAt: string | null;
  version: number;
}

describe('the team’s desk: bulk actions, tags, due dates, saved views', () => {
  let t: TestService;
  let editor: string;
  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

  const waitExtracted = (ids: string[]) =>
    waitFor(async () => {
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM articles WHERE id = ANY($1) AND status = 'ready'`,
        [ids],
      );
      return rows[0].n === ids.length;
    }, 'extraction');

  const claimsOf = async (articleId: string): Promise<Claim[]> => {
    const response = await t.http().get(`/articles/${articleId}/claims`).set(auth(editor));
    expect(response.status).toBe(200);
    return response.body.items;
  };

  const claim = async (id: string): Promise<Claim> => (await t.http().get(`/claims/${id}`).set(auth(editor))).body;

  /** An extracted article's claims, with no reviewer able to take them (reviewers are inactive). */
  const articleWithClaims = async (fields: Record<string, unknown> = {}): Promise<{ id: string; claims: Claim[] }> => {
    const [id] = await postArticles(t, editor, 1, { minCheckworthiness: 0, ...fields });
    await waitExtracted([id]);
    const claims = await claimsOf(id);
    expect(claims.length).toBeGreaterThanOrEqual(3);
    return { id, claims };
  };

  const bulk = (body: Record<string, unknown>, key = editor) => t.http().post('/claims/bulk').set(auth(key)).send(body);

  beforeAll(async () => {
    t = await startTestService(15, { name: 'team-desk', env: { RECONCILE_INTERVAL_MS: '1500' } });
    editor = await t.createKey('editor');
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    await t.db.query(`UPDATE reviewers SET active = false`);
    await t.db.query(`DELETE FROM articles`);
  });

  describe('bulk actions', () => {
    it('refuses a request it cannot start: too many, repeated or malformed ids, a missing argument, a reviewer', async () => {
      const many = Array.from({ length: 501 }, () => randomUUID());
      const tooMany = await bulk({ ids: many, action: 'unassign' });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.code).toBe('validation_failed');
      const id = randomUUID();
      expect((await bulk({ ids: [id, id], action: 'unassign' })).body.details).toHaveProperty('ids');
      expect((await bulk({ ids: ['nope'], action: 'unassign' })).status).toBe(400);
      expect((await bulk({ ids: [id], action: 'explode' })).body.details).toHaveProperty('action');
      const noReviewer = await bulk({ ids: [id], action: 'assign' });
      expect(noReviewer.status).toBe(400);
      expect(noReviewer.body.details).toHaveProperty('reviewerId');
      expect((await bulk({ ids: [id], action: 'dismiss' })).body.details).toHaveProperty('note');
      expect((await bulk({ ids: [id], action: 'tag' })).body.details).toHaveProperty('tags');
      const reviewer = await t.createReviewer({ capacity: 0 });
      expect((await bulk({ ids: [id], action: 'unassign' }, reviewer.key)).status).toBe(403);
    });

    it('takes 500 claims in one request, each with its own result', async () => {
      const ids = Array.from({ length: 500 }, () => randomUUID());
      const response = await bulk({ ids, action: 'untag', tags: ['x'] });
      expect(response.status).toBe(200);
      expect(response.body.results).toHaveLength(500);
      expect(response.body.results.every((r: { ok: boolean; code: string }) => !r.ok && r.code === 'not_found')).toBe(
        true,
      );
    });

    it('assigns, dismisses, reopens and unassigns under each single action’s rules, reporting each claim', async () => {
      const { id: articleId, claims } = await articleWithClaims();
      const reviewer = await t.createReviewer({ capacity: 0 });
      const [a, b, c] = claims;
      const missing = randomUUID();

      // Over capacity, as an editor may assign by hand; an unknown claim is that claim's not_found.
      const assigned = await bulk({ ids: [a.id, b.id, missing], action: 'assign', reviewerId: reviewer.id });
      expect(assigned.status).toBe(200);
      expect(assigned.body.results).toEqual([
        { id: a.id, ok: true },
        { id: b.id, ok: true },
        { id: missing, ok: false, code: 'not_found' },
      ]);
      expect((await claim(a.id)).assigneeId).toBe(reviewer.id);
      expect((await claim(b.id)).assigneeId).toBe(reviewer.id);
      // Sent again (a client's retry): each claim is already the reviewer's, so nothing changes and nobody is told again.
      const before = await claim(a.id);
      const repeated = await bulk({ ids: [a.id, b.id], action: 'assign', reviewerId: reviewer.id });
      expect(repeated.body.results).toEqual([
        { id: a.id, ok: true },
        { id: b.id, ok: true },
      ]);
      expect(await claim(a.id)).toMatchObject({ assigneeId: reviewer.id, version: before.version });
      const assignmentRows = await t.db.query(
        `SELECT type, count(*)::int AS n FROM claim_events WHERE claim_id = $1 AND type IN ('assigned', 'unassigned') GROUP BY type`,
        [a.id],
      );
      expect(assignmentRows.rows).toEqual([{ type: 'assigned', n: 1 }]);

      const dismissed = await bulk({ ids: [a.id, c.id], action: 'dismiss', note: 'not checkable' });
      expect(dismissed.body.results).toEqual([
        { id: a.id, ok: true },
        { id: c.id, ok: true },
      ]);
      const afterDismiss = await claim(a.id);
      expect(afterDismiss.status).toBe('dismissed');
      // The verdict ended the assignment, as a single dismissal does.
      expect(afterDismiss.assigneeId).toBeNull();

      // Partial success: a dismissed claim cannot be dismissed again, and an unassigned one cannot be unassigned.
      const again = await bulk({ ids: [a.id, b.id], action: 'dismiss', note: 'again' });
      expect(again.body.results).toEqual([
        { id: a.id, ok: false, code: 'illegal_transition' },
        { id: b.id, ok: true },
      ]);
      const unassigned = await bulk({ ids: [c.id], action: 'unassign' });
      expect(unassigned.body.results).toEqual([{ id: c.id, ok: false, code: 'conflict' }]);

      const reopened = await bulk({ ids: [a.id, b.id, c.id], action: 'reopen', note: 'checkable after all' });
      expect(reopened.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
      expect((await claimsOf(articleId)).filter((x) => x.status === 'dismissed')).toEqual([]);

      // The history has each claim's own rows, and the audit log one entry for each bulk action.
      const history = await t.http().get(`/claims/${a.id}/events`).set(auth(editor));
      expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(
        expect.arrayContaining(['assigned', 'transition']),
      );
      const { rows } = await t.db.query(
        `SELECT details FROM audit_events WHERE target_type = 'claims' AND action = 'claims.bulk' ORDER BY created_at`,
      );
      const entries = rows.map((row) => row.details as { action: string; count: number; ids: string[] });
      const assign = entries.find((entry) => entry.action === 'assign' && entry.ids.includes(a.id))!;
      expect(assign.count).toBe(3);
      expect(assign.ids).toEqual([a.id, b.id, missing]);
      expect(entries.filter((entry) => entry.action === 'reopen' && entry.ids.includes(a.id))).toHaveLength(1);
    });

    it('tags and untags in bulk, by the tag rules', async () => {
      const { claims } = await articleWithClaims();
      const ids = claims.slice(0, 2).map((x) => x.id);
      const tagged = await bulk({ ids, action: 'tag', tags: ['Election Night', 'urgent'] });
      expect(tagged.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
      expect((await claim(ids[0])).tags).toEqual(['election-night', 'urgent']);
      await bulk({ ids, action: 'untag', tags: ['URGENT'] });
      expect((await claim(ids[1])).tags).toEqual(['election-night']);
      const badTag = await bulk({ ids, action: 'tag', tags: ['!!!'] });
      expect(badTag.body.results.map((r: { code: string }) => r.code)).toEqual(['invalid_tag', 'invalid_tag']);
    });
  });

  describe('tags', () => {
    it('sets a claim’s tags, normalised, with their history row, for editors and the claim’s reviewer', async () => {
      const { claims } = await articleWithClaims();
      const [a, b] = claims;
      const set = await t
        .http()
        .put(`/claims/${a.id}/tags`)
        .set(auth(editor))
        .send({ tags: ['  Climate Policy ', 'climate_policy', 'Ölpreis'] });
      expect(set.status).toBe(200);
      expect(set.body.tags).toEqual(['climate-policy', 'ölpreis']);
      const history = await t.http().get(`/claims/${a.id}/events`).set(auth(editor));
      const row = history.body.items.find((e: { type: string }) => e.type === 'tags_changed');
      expect(row.note).toBe('added climate-policy, ölpreis');

      const reviewer = await t.createReviewer({ capacity: 0 });
      const refused = await t
        .http()
        .put(`/claims/${b.id}/tags`)
        .set(auth(reviewer.key))
        .send({ tags: ['mine'] });
      expect(refused.status).toBe(403);
      await bulk({ ids: [b.id], action: 'assign', reviewerId: reviewer.id });
      const own = await t
        .http()
        .put(`/claims/${b.id}/tags`)
        .set(auth(reviewer.key))
        .send({ tags: ['mine'] });
      expect(own.status).toBe(200);
      expect(
        (
          await t
            .http()
            .put(`/claims/${b.id}/tags`)
            .set(auth(await t.createKey('integrator')))
        ).status,
      ).toBe(403);
    });

    it('answers each broken rule with its own code', async () => {
      const { claims } = await articleWithClaims();
      const put = (tags: unknown) => t.http().put(`/claims/${claims[0].id}/tags`).set(auth(editor)).send({ tags });
      expect((await put(Array.from({ length: 21 }, (_, i) => `t${i}`))).body.code).toBe('too_many_tags');
      expect((await put(['x'.repeat(41)])).body.code).toBe('tag_too_long');
      expect((await put(['--'])).body.code).toBe('invalid_tag');
      expect((await put('urgent')).body.code).toBe('validation_failed');
      expect((await put([7])).status).toBe(400);
      expect((await t.http().put(`/claims/${randomUUID()}/tags`).set(auth(editor)).send({ tags: [] })).status).toBe(
        404,
      );
      expect((await claim(claims[0].id)).tags).toEqual([]);
    });

    it('filters the listing by tag and counts tags', async () => {
      const { claims } = await articleWithClaims();
      await bulk({ ids: claims.slice(0, 3).map((x) => x.id), action: 'tag', tags: ['budget'] });
      await bulk({ ids: [claims[0].id], action: 'tag', tags: ['health'] });
      const listed = await t.http().get('/claims?tag=Budget').set(auth(editor));
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((x: Claim) => x.id).sort()).toEqual(
        claims
          .slice(0, 3)
          .map((x) => x.id)
          .sort(),
      );
      expect((await t.http().get('/claims?tag=!!').set(auth(editor))).body.details).toHaveProperty('tag');
      const counts = await t.http().get('/tags').set(auth(editor));
      expect(counts.status).toBe(200);
      expect(counts.body.items).toEqual([
        { tag: 'budget', count: 3 },
        { tag: 'health', count: 1 },
      ]);
      expect((await t.http().get('/tags?prefix=he').set(auth(editor))).body.items).toEqual([
        { tag: 'health', count: 1 },
      ]);
      // An integrator counts the tags of its own articles only.
      const integrator = await t.createKey('integrator');
      expect((await t.http().get('/tags').set(auth(integrator))).body.items).toEqual([]);
    });
  });

  describe('due dates', () => {
    it('passes the article’s due date to its claims, also to claims of a later revision and on a change', async () => {
      const dueAt = new Date(Date.now() + 3 * 3_600_000).toISOString();
      const posted = await t
        .http()
        .post('/articles')
        .set(auth(editor))
        .send({ title: 'Due', body: newsBody(901), externalId: 'due-1', dueAt, minCheckworthiness: 0 });
      expect(posted.status).toBe(202);
      expect(posted.body.dueAt).toBe(dueAt);
      await waitExtracted([posted.body.id]);
      expect((await claimsOf(posted.body.id)).every((x) => x.dueAt === dueAt)).toBe(true);

      // A revision that names no due date keeps the article's; its new claims take it too.
      const revised = await t
        .http()
        .post('/articles')
        .set(auth(editor))
        .send({
          title: 'Due',
          body: `${newsBody(901)} Exports fell by 12 percent in April, the statistics office said.`,
          externalId: 'due-1',
          minCheckworthiness: 0,
        });
      expect(revised.status).toBe(202);
      await waitFor(async () => {
        const { rows } = await t.db.query(`SELECT extracted_revision FROM articles WHERE id = $1`, [posted.body.id]);
        return rows[0].extracted_revision === 2;
      }, 'the revision extracted');
      const afterRevision = await claimsOf(posted.body.id);
      expect(afterRevision.some((x) => x.dueAt === null)).toBe(false);

      const later = new Date(Date.now() + 48 * 3_600_000).toISOString();
      const patched = await t.http().patch(`/articles/${posted.body.id}`).set(auth(editor)).send({ dueAt: later });
      expect(patched.status).toBe(200);
      expect(patched.body.dueAt).toBe(later);
      expect((await claimsOf(posted.body.id)).every((x) => x.dueAt === later)).toBe(true);
      const cleared = await t.http().patch(`/articles/${posted.body.id}`).set(auth(editor)).send({ dueAt: null });
      expect(cleared.body.dueAt).toBeNull();
      expect((await claimsOf(posted.body.id)).every((x) => x.dueAt === null)).toBe(true);

      expect((await t.http().patch(`/articles/${posted.body.id}`).set(auth(editor)).send({})).status).toBe(400);
      expect(
        (await t.http().patch(`/articles/${posted.body.id}`).set(auth(editor)).send({ dueAt: 'tomorrow' })).status,
      ).toBe(400);
      const reviewer = await t.createReviewer({ capacity: 0 });
      expect(
        (await t.http().patch(`/articles/${posted.body.id}`).set(auth(reviewer.key)).send({ dueAt: null })).status,
      ).toBe(403);
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'article.due_at_changed' AND target_id = $1`,
        [posted.body.id],
      );
      expect(rows[0].n).toBe(2);
    });

    it('lists overdue claims: unverified, past their due date', async () => {
      const { id, claims } = await articleWithClaims({ dueAt: new Date(Date.now() + 3_600_000).toISOString() });
      expect((await t.http().get('/claims?overdue=true').set(auth(editor))).body.items).toEqual([]);
      await t
        .http()
        .patch(`/articles/${id}`)
        .set(auth(editor))
        .send({ dueAt: new Date(Date.now() - 60_000) });
      await bulk({ ids: [claims[0].id], action: 'dismiss', note: 'an opinion' });
      const overdue = await t.http().get('/claims?overdue=true').set(auth(editor));
      expect(overdue.body.items.map((x: Claim) => x.id).sort()).toEqual(
        claims
          .slice(1)
          .map((x) => x.id)
          .sort(),
      );
      const notOverdue = await t.http().get(`/claims?overdue=false&articleId=${id}`).set(auth(editor));
      expect(notOverdue.body.items.map((x: Claim) => x.id)).toEqual([claims[0].id]);
      expect((await t.http().get('/claims?overdue=yes').set(auth(editor))).status).toBe(400);
    });

    it('hands out the claim due soonest before more check-worthy ones, also when the queues are rebuilt', async () => {
      const [undated, dated] = await postArticles(t, editor, 2, { minCheckworthiness: 0 });
      await waitExtracted([undated, dated]);
      await t
        .http()
        .patch(`/articles/${dated}`)
        .set(auth(editor))
        .send({ dueAt: new Date(Date.now() + 86_400_000) });
      await t.db.query(`UPDATE claims SET checkworthiness = CASE WHEN article_id = $1 THEN 0.99 ELSE 0.2 END`, [
        undated,
      ]);
      const firstOf = async (reviewerId: string) =>
        waitFor(async () => {
          const { rows } = await t.db.query(`SELECT article_id FROM claims WHERE assignee_id = $1`, [reviewerId]);
          return rows[0]?.article_id as string | undefined;
        }, 'a claim handed to the new reviewer');

      // Capacity appears: the claim offered first is the one due, not the most check-worthy.
      const offered = await t.createReviewer({ capacity: 1 });
      expect(await firstOf(offered.id)).toBe(dated);

      // A pull takes the same order.
      await t.stopWorker(t.workers[0]);
      const puller = await t.createReviewer({ capacity: 1 });
      // Redis loses the offer's job; the pull and the rebuild read Postgres.
      await t.redis.flushdb();
      const pulled = await t.http().post('/review/next').set(auth(puller.key));
      expect(pulled.status).toBe(200);
      expect(pulled.body.articleId).toBe(dated);

      const rebuilt = await t.createReviewer({ capacity: 1 });
      await t.redis.flushdb();
      await t.startWorker();
      expect(await firstOf(rebuilt.id)).toBe(dated);
    });

    it('announces a claim due within the hour once, recorded in Postgres across restarts', async () => {
      const { id, claims } = await articleWithClaims({ dueAt: new Date(Date.now() + 30 * 60_000).toISOString() });
      const reviewer = await t.createReviewer({ capacity: 0 });
      const holder = await t.createPerson('reviewer', { name: 'Hal Holder', reviewerId: reviewer.id });
      const holderKey = await personKey(t, holder, 'reviewer');
      const dueSoonNotices = () => noticesOfKind(t, holderKey, 'due_soon');
      await bulk({ ids: [claims[0].id], action: 'assign', reviewerId: reviewer.id });
      const marked = await waitFor(async () => {
        const { rows } = await t.db.query(`SELECT due_soon_at FROM claims WHERE id = $1`, [claims[0].id]);
        return rows[0].due_soon_at as Date | null;
      }, 'the due-soon notice');
      // Unassigned claims have nobody to tell.
      const { rows: others } = await t.db.query(
        `SELECT count(*)::int AS n FROM claims WHERE article_id = $1 AND due_soon_at IS NOT NULL`,
        [id],
      );
      expect(others[0].n).toBe(1);

      await t.stopWorker(t.workers[0]);
      await t.redis.flushdb();
      await t.startWorker();
      await new Promise((done) => setTimeout(done, 3000));
      const { rows } = await t.db.query(`SELECT due_soon_at FROM claims WHERE id = $1`, [claims[0].id]);
      expect(rows[0].due_soon_at).toEqual(marked);
      expect((await dueSoonNotices()).map((n) => n.claimId)).toEqual([claims[0].id]);

      // A new due date may be announced again.
      await t
        .http()
        .patch(`/articles/${id}`)
        .set(auth(editor))
        .send({ dueAt: new Date(Date.now() + 20 * 60_000) });
      await waitFor(async () => {
        const { rows: again } = await t.db.query(`SELECT due_soon_at FROM claims WHERE id = $1`, [claims[0].id]);
        return again[0].due_soon_at && again[0].due_soon_at.getTime() > marked.getTime();
      }, 'the notice for the new due date');
      expect(await dueSoonNotices()).toHaveLength(2);
    });
  });

  describe('saved views', () => {
    it('keeps each person’s views of the search page, checked by the page’s rules', async () => {
      const person = await t.createPerson('editor');
      const other = await t.createPerson('editor');
      const keyOf = async (ownerUserId: string) =>
        (
          await t
            .http()
            .post('/admin/keys')
            .set(auth(t.adminKey))
            .send({ name: `views ${ownerUserId}`, role: 'editor', ownerUserId })
        ).body.key as string;
      const mine = await keyOf(person.id);
      const theirs = await keyOf(other.id);

      const created = await t
        .http()
        .post('/views')
        .set(auth(mine))
        .send({
          name: 'Open budget claims',
          filters: { q: 'budget', status: 'unverified', tag: 'budget', claimant: '' },
        });
      expect(created.status).toBe(201);
      expect(created.body.filters).toEqual({ q: 'budget', status: 'unverified', tag: 'budget' });
      expect(created.body.url).toBe('/ui/search?q=budget&status=unverified&tag=budget');

      const bad = await t
        .http()
        .post('/views')
        .set(auth(mine))
        .send({ name: 'Bad', filters: { status: 'maybe', colour: 'red' } });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details).sort()).toEqual(['filters.colour', 'filters.status']);
      const twice = await t.http().post('/views').set(auth(mine)).send({ name: 'Open budget claims', filters: {} });
      expect(twice.status).toBe(409);

      expect((await t.http().get('/views').set(auth(mine))).body.items.map((v: { name: string }) => v.name)).toEqual([
        'Open budget claims',
      ]);
      expect((await t.http().get('/views').set(auth(theirs))).body.items).toEqual([]);
      expect((await t.http().delete(`/views/${created.body.id}`).set(auth(theirs))).status).toBe(404);

      const ownerless = await t.http().get('/views').set(auth(editor));
      expect(ownerless.status).toBe(403);
      expect(ownerless.body.code).toBe('no_person');

      expect((await t.http().delete(`/views/${created.body.id}`).set(auth(mine))).status).toBe(204);
      expect((await t.http().get('/views').set(auth(mine))).body.items).toEqual([]);
    });
  });
});
