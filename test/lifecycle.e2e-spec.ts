import { readFileSync } from 'node:fs';
import { DEMO_ARTICLE_PATH } from '../src/common/repo-paths';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

const DEMO_ARTICLE = readFileSync(DEMO_ARTICLE_PATH, 'utf8');

describe('an article’s whole life (real Postgres and Redis)', () => {
  let t: TestService;
  let editorKey: string;

  beforeAll(async () => {
    t = await startTestService(1);
    editorKey = await t.createKey('editor');
  });
  afterAll(() => t.close());

  it('turns the demo article into claims assigned to the least-loaded reviewers', async () => {
    const ada = await t.createReviewer({ capacity: 50 });
    const ben = await t.createReviewer({ capacity: 50 });

    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ title: 'Peace talks', body: DEMO_ARTICLE });
    expect(posted.status).toBe(202);
    expect(posted.headers.location).toBe(`/articles/${posted.body.id}`);
    expect(posted.body).toMatchObject({ id: expect.any(String), status: 'received', revision: 1 });

    const article = await waitFor(async () => {
      const res = await t.http().get(`/articles/${posted.body.id}`).set('Authorization', `Bearer ${editorKey}`);
      return res.body.status === 'ready' && res.body.claims.every((c: { assigneeId: string | null }) => c.assigneeId)
        ? res.body
        : null;
    }, 'extraction and assignment');

    expect(article.claims.length).toBeGreaterThan(5);
    for (const claim of article.claims) {
      expect(DEMO_ARTICLE.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.status).toBe('unverified');
    }
    expect(article.summary).toEqual({
      total: article.claims.length,
      unverified: article.claims.length,
      sourced: 0,
      disputed: 0,
      dismissed: 0,
      withdrawn: 0,
      pendingApproval: 0,
    });

    const load = (id: string) => article.claims.filter((c: { assigneeId: string }) => c.assigneeId === id).length;
    expect(load(ada.id) + load(ben.id)).toBe(article.claims.length);
    expect(Math.abs(load(ada.id) - load(ben.id))).toBeLessThanOrEqual(1);

    const events = await t
      .http()
      .get(`/claims/${article.claims[0].id}/events`)
      .set('Authorization', `Bearer ${editorKey}`);
    expect(events.body.items.map((e: { type: string }) => e.type)).toEqual(['created', 'assigned']);
  });

  it('makes a verb phrase sharing its subject a claim of its own, stated with that subject', async () => {
    const body =
      'The High Court of Australia found that the law was valid, and ordered the state to pay costs of 2 million dollars.';
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ title: 'Costs ruling', body });
    expect(posted.status).toBe(202);
    const article = await waitFor(async () => {
      const res = await t.http().get(`/articles/${posted.body.id}`).set('Authorization', `Bearer ${editorKey}`);
      return res.body.status === 'ready' ? res.body : null;
    }, 'extraction');

    const claims: { text: string; statement: string; start: number; end: number }[] = article.claims;
    expect(claims.map((c) => [c.text, c.statement])).toEqual([
      [
        'The High Court of Australia found that the law was valid',
        'The High Court of Australia found that the law was valid',
      ],
      [
        'ordered the state to pay costs of 2 million dollars.',
        'The High Court of Australia ordered the state to pay costs of 2 million dollars.',
      ],
    ]);
    for (const claim of claims) expect(body.slice(claim.start, claim.end)).toBe(claim.text);
    // The search page lists a claim as it is stated, as the article page does.
    const search = await t.http().get('/ui/search?q=ordered+costs').set('Authorization', `Bearer ${editorKey}`);
    expect(search.status).toBe(200);
    expect(search.text).toContain('The High Court of Australia ordered the state to pay costs of 2 million dollars.');
  });

  it('answers the same article posted again with 200 and writes nothing', async () => {
    const body = { title: 'Same twice', body: 'The Pentagon has about $5 billion left to ship weapons.' };
    const first = await t.http().post('/articles').set('Authorization', `Bearer ${editorKey}`).send(body);
    const second = await t.http().post('/articles').set('Authorization', `Bearer ${editorKey}`).send(body);
    expect(first.status).toBe(202);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    const [{ count }] = (await t.db.query(`SELECT count(*)::int AS count FROM articles WHERE title = 'Same twice'`))
      .rows;
    expect(count).toBe(1);
  });

  it('waits with claims when no reviewer is eligible, and assigns them when one joins', async () => {
    const posted = await t.http().post('/articles').set('Authorization', `Bearer ${editorKey}`).send({
      title: 'Deutsch',
      language: 'de',
      body: 'Die Regierung hat 2023 rund 5 Milliarden Euro für Waffen ausgegeben. Der Haushalt wuchs um 12 Prozent.',
    });
    const claimsOf = async () =>
      (await t.http().get(`/articles/${posted.body.id}`).set('Authorization', `Bearer ${editorKey}`)).body;
    const ready = await waitFor(async () => ((await claimsOf()).status === 'ready' ? claimsOf() : null), 'extraction');
    expect(ready.claims.length).toBeGreaterThan(0);
    expect(ready.claims.every((c: { assigneeId: string | null }) => c.assigneeId === null)).toBe(true);

    const german = await t.createReviewer({ languages: ['de'], capacity: 10 });
    const assigned = await waitFor(async () => {
      const article = await claimsOf();
      return article.claims.every((c: { assigneeId: string | null }) => c.assigneeId === german.id) ? article : null;
    }, 'assignment to the new reviewer');
    expect(assigned.claims.length).toBe(ready.claims.length);
  });

  it('lists articles newest first with summaries, page by page', async () => {
    const first = await t.http().get('/articles?limit=1').set('Authorization', `Bearer ${editorKey}`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].title).toBe('Deutsch');
    expect(first.body.items[0].summary.total).toBeGreaterThan(0);
    expect(first.body.items[0]).not.toHaveProperty('body');
    const second = await t
      .http()
      .get(`/articles?limit=1&cursor=${first.body.nextCursor}`)
      .set('Authorization', `Bearer ${editorKey}`);
    expect(second.body.items[0].title).toBe('Same twice');
  });
});

describe('editors correct the extractor', () => {
  let t: TestService;
  let editorKey: string;
  const body =
    'Officials met on Monday. The ministry said that spending rose by 12 percent in 2023. Nice weather today.';

  beforeAll(async () => {
    t = await startTestService(9);
    editorKey = await t.createKey('editor');
  });
  afterAll(() => t.close());

  it('adds a missed claim by its span, scored, typed and queued like the others', async () => {
    const reviewer = await t.createReviewer({ capacity: 20 });
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ title: 'Manual', body });
    await waitFor(
      async () =>
        (await t.http().get(`/articles/${posted.body.id}`).set('Authorization', `Bearer ${editorKey}`)).body.status ===
        'ready',
      'extraction',
    );
    const start = body.indexOf('spending rose');
    const end = body.indexOf(' in 2023') + ' in 2023'.length;

    const added = await t
      .http()
      .post(`/articles/${posted.body.id}/claims`)
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ start, end });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      text: 'spending rose by 12 percent in 2023',
      // An editor's span is stated as it is written.
      statement: 'spending rose by 12 percent in 2023',
      start,
      end,
      status: 'unverified',
      type: 'quantity',
    });
    expect(added.body.checkworthiness).toBeGreaterThan(0);
    expect(added.body.checkworthiness).toBeLessThanOrEqual(1);
    await waitFor(
      async () =>
        (await t.http().get(`/claims/${added.body.id}`).set('Authorization', `Bearer ${editorKey}`)).body.assigneeId ===
        reviewer.id,
      'assignment',
    );

    const again = await t
      .http()
      .post(`/articles/${posted.body.id}/claims`)
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ start, end });
    expect(again.status).toBe(409);
    const outside = await t
      .http()
      .post(`/articles/${posted.body.id}/claims`)
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ start: 10, end: body.length + 5 });
    expect(outside.status).toBe(400);
    const reviewerAdds = await t
      .http()
      .post(`/articles/${posted.body.id}/claims`)
      .set('Authorization', `Bearer ${reviewer.key}`)
      .send({ start, end });
    expect(reviewerAdds.status).toBe(403);
  });

  describe('candidates: sentences scored below the threshold', () => {
    const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
    let articleId: string;

    beforeAll(async () => {
      const posted = await t
        .http()
        .post('/articles')
        .set(auth(editorKey))
        .send({ title: 'Peace talks', body: DEMO_ARTICLE });
      articleId = posted.body.id;
      await waitFor(
        async () => (await t.http().get(`/articles/${articleId}`).set(auth(editorKey))).body.status === 'ready',
        'extraction',
      );
    });

    it('keeps every sentence issue 16 names from the demo article, as a claim or a candidate', async () => {
      const claims = (await t.http().get(`/articles/${articleId}/claims?limit=200`).set(auth(editorKey))).body.items;
      const candidates = (
        await t.http().get(`/articles/${articleId}/claims?tier=candidate&limit=200`).set(auth(editorKey))
      ).body.items;
      const kept = [...claims, ...candidates].map((c: { text: string }) => c.text);
      for (const named of [
        'Peace talks between Russia and Ukraine only happened in the early days of the war, in March 2022 and April 2022.',
        'At the time, Russia’s main demand was Ukrainian neutrality.',
        'described the war as a “stalemate” in comments to The Economist',
        'A source told NBC that one of the Biden administration’s top concerns',
      ]) {
        expect({ named, kept: kept.some((text: string) => text.includes(named)) }).toEqual({ named, kept: true });
      }
      expect(candidates.length).toBeGreaterThan(0);
      expect(candidates.every((c: { status: string }) => c.status === 'candidate')).toBe(true);
      expect(claims.every((c: { status: string }) => c.status !== 'candidate')).toBe(true);
      expect((await t.http().get(`/articles/${articleId}/claims?tier=nonsense`).set(auth(editorKey))).body.code).toBe(
        'validation_failed',
      );
    });

    it('leaves candidates out of the summary, the queue and the claims list, and promotes one for editors only', async () => {
      const reviewer = await t.createReviewer({ capacity: 200 });
      const integratorKey = await t.createKey('integrator');
      const article = await waitFor(async () => {
        const res = await t.http().get(`/articles/${articleId}`).set(auth(editorKey));
        return res.body.claims.every((c: { assigneeId: string | null }) => c.assigneeId) ? res.body : null;
      }, 'the claims to be assigned');
      const candidates = (await t.http().get(`/articles/${articleId}/claims?tier=candidate`).set(auth(editorKey))).body
        .items;
      const neutrality = candidates.find((c: { text: string }) =>
        c.text.startsWith('At the time, Russia’s main demand'),
      );
      expect(neutrality).toMatchObject({ status: 'candidate', assigneeId: null, type: expect.any(String) });
      expect(neutrality.checkworthiness).toBeGreaterThan(0);
      expect(article.summary.total).toBe(article.claims.length);
      expect(
        (await t.http().get(`/claims?articleId=${articleId}&limit=200`).set(auth(editorKey))).body.items,
      ).toHaveLength(article.claims.length);
      expect(
        (await t.http().get(`/claims?articleId=${articleId}&status=candidate&limit=200`).set(auth(editorKey))).body
          .items,
      ).toHaveLength(candidates.length);
      expect((await t.http().post('/review/next').set(auth(reviewer.key))).status).toBe(204);

      expect((await t.http().post(`/claims/${neutrality.id}/promote`).set(auth(reviewer.key))).status).toBe(403);
      expect((await t.http().post(`/claims/${neutrality.id}/promote`).set(auth(integratorKey))).status).toBe(403);
      const promoted = await t.http().post(`/claims/${neutrality.id}/promote`).set(auth(editorKey));
      expect(promoted.status).toBe(200);
      expect(promoted.body).toMatchObject({
        id: neutrality.id,
        status: 'unverified',
        version: neutrality.version + 1,
        text: neutrality.text,
      });

      const again = await t.http().post(`/claims/${neutrality.id}/promote`).set(auth(editorKey));
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'illegal_transition', details: { current: 'unverified' } });

      await waitFor(
        async () => (await t.http().get(`/claims/${neutrality.id}`).set(auth(editorKey))).body.assigneeId !== null,
        'the promoted claim to be assigned',
      );
      const after = (await t.http().get(`/articles/${articleId}`).set(auth(editorKey))).body;
      expect(after.summary.total).toBe(article.summary.total + 1);
      expect(after.claims.map((c: { id: string }) => c.id)).toContain(neutrality.id);
      const [{ id: editorKeyId }] = (
        await t.db.query(`SELECT id FROM api_keys WHERE prefix = $1`, [editorKey.split('_')[1]])
      ).rows;
      const events = (await t.http().get(`/claims/${neutrality.id}/events`).set(auth(editorKey))).body.items;
      expect(events[0]).toMatchObject({
        type: 'transition',
        fromStatus: 'candidate',
        toStatus: 'unverified',
        actorRole: 'editor',
        actorKeyId: editorKeyId,
      });
      await waitFor(
        async () =>
          (await t.db.query(`SELECT matched_at FROM claims WHERE id = $1`, [neutrality.id])).rows[0].matched_at !==
          null,
        'the promoted claim to be matched',
      );

      // Adding a candidate's exact span by hand promotes that candidate: the same claim, not a second one beside it.
      const other = candidates.find((c: { id: string }) => c.id !== neutrality.id);
      const added = await t
        .http()
        .post(`/articles/${articleId}/claims`)
        .set(auth(editorKey))
        .send({ start: other.start, end: other.end });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ id: other.id, status: 'unverified', text: other.text });
      expect(
        (
          await t.db.query(
            `SELECT count(*)::int AS n FROM claims WHERE article_id = $1 AND start = $2 AND "end" = $3`,
            [articleId, other.start, other.end],
          )
        ).rows[0].n,
      ).toBe(1);
    });

    it('drops a candidate whose sentence a revision removes, and keeps the others as candidates', async () => {
      const post = (body: string) =>
        t
          .http()
          .post('/articles')
          .set(auth(editorKey))
          .send({ title: 'Revised', body, externalId: 'candidates-revision' });
      const readyAt = (id: string, revision: number) =>
        waitFor(async () => {
          const res = await t.http().get(`/articles/${id}`).set(auth(editorKey));
          return res.body.revision === revision && res.body.status === 'ready' ? res.body : null;
        }, `revision ${revision} to be extracted`);
      const candidatesOf = async (id: string) =>
        (await t.http().get(`/articles/${id}/claims?tier=candidate`).set(auth(editorKey))).body.items;
      const first = await post(DEMO_ARTICLE);
      await readyAt(first.body.id, 1);
      const [gone, ...rest] = await candidatesOf(first.body.id);

      await post(DEMO_ARTICLE.replace(gone.text, ''));
      const revised = await readyAt(first.body.id, 2);
      const now = await candidatesOf(first.body.id);

      expect(now.map((c: { id: string }) => c.id)).not.toContain(gone.id);
      expect(now.map((c: { id: string }) => c.id)).toEqual(
        expect.arrayContaining(rest.map((c: { id: string }) => c.id)),
      );
      expect(now.every((c: { status: string; revision: number }) => c.status === 'candidate' && c.revision === 2)).toBe(
        true,
      );
      expect(revised.summary.withdrawn).toBe(0);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE id = $1`, [gone.id])).rows[0].n).toBe(0);
    });
  });
});
