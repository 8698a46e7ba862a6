import { createHash } from 'node:crypto';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

interface Claim {
  id: string;
  text: string;
  status: string;
  version: number;
  assigneeId: string | null;
}

/** Elements and attributes a strict Content-Security-Policy (no 'unsafe-inline') would block. */
function inlineCode(page: string): string[] {
  const found: string[] = [];
  for (const tag of page.match(/<script\b[^>]*>/gi) ?? []) if (!/\bsrc=/.test(tag)) found.push(tag);
  for (const attr of page.match(/\s(on[a-z]+|style)\s*=/gi) ?? []) found.push(attr.trim());
  if (/<style\b/i.test(page)) found.push('<style>');
  if (/javascript:/i.test(page)) found.push('javascript:');
  return found;
}

describe('pages, sign-in, audit log, stats and the queue dashboard (HTTP)', () => {
  let t: TestService;
  let editorKey: string;
  let reviewer: { id: string; key: string };
  let articleId: string;
  let claims: Claim[];

  const get = (path: string, key: string) => t.http().get(path).set('Authorization', `Bearer ${key}`);
  const cookieOf = (setCookie: string[] | string | undefined) =>
    [setCookie ?? []].flat().find((c) => c.startsWith('claimdesk_session='))!;

  beforeAll(async () => {
    // The stats test compares with counts taken a moment before: no cached answer from an earlier page.
    t = await startTestService(10, { env: { STATS_CACHE_MS: '0' } });
    editorKey = await t.createKey('editor');
    reviewer = await t.createReviewer({ name: 'Rita <b>Reviewer</b>', capacity: 100 });
    const posted = await t.http().post('/articles').set('Authorization', `Bearer ${editorKey}`).send({
      title: '<script>alert("pwned")</script> & friends',
      body: 'The government spent $5 billion on weapons in 2023, officials said. The budget grew by 12 percent last year. Inflation fell to 3 percent in March, the central bank reported.',
    });
    articleId = posted.body.id;
    const article = await waitFor(async () => {
      const body = (await get(`/articles/${articleId}`, editorKey)).body;
      return body.status === 'ready' && body.claims.length > 1 && body.claims.every((c: Claim) => c.assigneeId)
        ? body
        : null;
    }, 'extraction and assignment');
    claims = article.claims;
  }, 60_000);
  afterAll(() => t.close());

  describe('navigation', () => {
    it('leads from the root to the desk, and answers an unknown page address with a readable page', async () => {
      const root = await t.http().get('/');
      expect(root.status).toBe(303);
      expect(root.headers.location).toBe('/ui');

      for (const response of [await t.http().get('/ui/no-such-page'), await get('/ui/articles/x/y/z', editorKey)]) {
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(/text\/html/);
        expect(response.text).toContain('<h1>Not found</h1>');
        expect(response.text).toContain('href="/ui/articles"');
        expect(inlineCode(response.text)).toEqual([]);
      }
      // The API keeps its JSON answer for an unknown address.
      const api = await get('/no-such-route', editorKey);
      expect(api.status).toBe(404);
      expect(api.body).toMatchObject({ code: 'not_found' });
    });
  });

  describe('sign-in', () => {
    it('sends a browser without a session to the sign-in page, and keeps the API’s JSON errors', async () => {
      const page = await t.http().get(`/ui/articles/${articleId}`).set('Accept', 'text/html');
      expect(page.status).toBe(303);
      expect(page.headers.location).toBe(`/ui/login?next=${encodeURIComponent(`/ui/articles/${articleId}`)}`);
      const json = await t.http().get(`/articles/${articleId}`);
      expect(json.status).toBe(401);
      expect(json.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
      const login = await t.http().get('/ui/login?next=/ui/articles');
      expect(login.status).toBe(200);
      expect(login.text).toContain('name="email"');
      expect(login.text).toContain('name="password"');
      expect(login.text).not.toContain('apiKey');
      expect(login.text).toContain('value="/ui/articles"');
    });

    it('refuses a wrong password and sets an HTTP-only, SameSite=Lax session cookie for the right one; sign-out ends it on the server', async () => {
      const editor = await t.createPerson('editor');
      const wrong = await t
        .http()
        .post('/ui/login')
        .type('form')
        .send({ email: editor.email, password: 'not the password at all' });
      expect(wrong.status).toBe(401);
      expect(wrong.text).toContain('That email and password do not match');
      expect(wrong.headers['set-cookie']).toBeUndefined();
      const key = await t.http().post('/ui/login').type('form').send({ apiKey: editorKey });
      expect(key.status).toBe(400);

      const right = await t
        .http()
        .post('/ui/login')
        .type('form')
        .send({ email: editor.email.toUpperCase(), password: editor.password, next: `/ui/articles/${articleId}` });
      expect(right.status).toBe(303);
      expect(right.headers.location).toBe(`/ui/articles/${articleId}`);
      const cookie = cookieOf(right.headers['set-cookie']);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Lax/i);
      const session = cookie.split(';')[0];
      const [{ count }] = (
        await t.db.query(
          `SELECT count(*)::int AS count FROM user_sessions WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
          [session.split('=')[1]],
        )
      ).rows;
      expect(count).toBe(1);

      const page = await t.http().get(`/ui/articles/${articleId}`).set('Cookie', session);
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.text).toContain(`${editor.name} · editor`);
      const csrf = /name="csrf-token" content="([^"]+)"/.exec(page.text)![1];

      expect((await t.http().post('/ui/logout').set('Cookie', session)).status).toBe(403);
      const out = await t.http().post('/ui/logout').type('form').set('Cookie', session).send({ _csrf: csrf });
      expect(out.status).toBe(303);
      expect(cookieOf(out.headers['set-cookie'])).toMatch(/claimdesk_session=;.*Expires=Thu, 01 Jan 1970/i);
      const after = await t.http().get(`/ui/articles/${articleId}`).set('Cookie', session).set('Accept', 'text/html');
      expect(after.status).toBe(303);
      expect(after.headers.location).toMatch(/^\/ui\/login/);
    });

    it('sends each role home after sign-in, and never to another site', async () => {
      const [reviewerPerson, admin, editor] = [
        await t.createPerson('reviewer', { reviewerId: reviewer.id }),
        await t.createPerson('admin'),
        await t.createPerson('editor'),
      ];
      const asReviewer = await t
        .http()
        .post('/ui/login')
        .type('form')
        .send({ email: reviewerPerson.email, password: reviewerPerson.password });
      expect(asReviewer.headers.location).toBe('/ui/review');
      const asAdmin = await t
        .http()
        .post('/ui/login')
        .type('form')
        .send({ email: admin.email, password: admin.password, next: 'https://evil.example/' });
      expect(asAdmin.headers.location).toBe('/ui/admin');
      const protocolRelative = await t
        .http()
        .post('/ui/login')
        .type('form')
        .send({ email: editor.email, password: editor.password, next: '//evil.example/ui' });
      expect(protocolRelative.headers.location).toBe('/ui/articles');
    });
  });

  describe('the editor page', () => {
    it('marks every claim with data-claim-id and data-status, and escapes what users wrote', async () => {
      const page = await get(`/ui/articles/${articleId}`, editorKey);
      expect(page.status).toBe(200);
      for (const claim of claims) expect(page.text).toContain(`data-claim-id="${claim.id}" data-status="unverified"`);
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; friends');
      expect(page.text).toContain(`data-testid="verdict-percent">0%<`);

      const detail = await get(`/ui/articles/${articleId}?claim=${claims[0].id}`, editorKey);
      expect(detail.text).toContain(`data-claim-detail="${claims[0].id}"`);
      expect(detail.text).toContain('Rita &lt;b&gt;Reviewer&lt;/b&gt;');
      expect(detail.text).not.toContain('<b>Reviewer</b>');
    });

    it('shows a verdict in the summary and the claim’s colour', async () => {
      const claim = claims[claims.length - 1];
      const moved = await t
        .http()
        .post(`/claims/${claim.id}/transitions`)
        .set('Authorization', `Bearer ${editorKey}`)
        .send({
          to: 'sourced',
          expectedVersion: claim.version,
          sources: [{ url: 'https://example.org/report', title: 'The <i>report</i>' }],
        });
      expect(moved.status).toBe(200);
      const page = await get(`/ui/articles/${articleId}?claim=${claim.id}`, editorKey);
      expect(page.text).toContain(`data-claim-id="${claim.id}" data-status="sourced"`);
      expect(page.text).toContain(`data-testid="verdict-percent">${Math.round(100 / claims.length)}%<`);
      expect(page.text).toContain('href="https://example.org/report"');
      expect(page.text).toContain('The &lt;i&gt;report&lt;/i&gt;');
    });

    it('lists articles with progress, filtered by status, source and date', async () => {
      const otherEditor = await t.createKey('editor');
      await t
        .http()
        .post('/articles')
        .set('Authorization', `Bearer ${otherEditor}`)
        .send({ title: 'Second desk', body: 'Unemployment rose to 5 percent in May.' });
      const [{ id: otherOwner }] = (await t.db.query(`SELECT owner_id AS id FROM articles WHERE title = 'Second desk'`))
        .rows;

      const all = await get('/ui/articles', editorKey);
      expect(all.status).toBe(200);
      expect(all.text).toContain(`data-article-id="${articleId}"`);
      expect(all.text).toContain('Second desk');

      const bySource = await get(`/ui/articles?source=${otherOwner}&status=`, editorKey);
      expect(bySource.text).toContain('Second desk');
      expect(bySource.text).not.toContain(`data-article-id="${articleId}"`);

      const failed = await get('/ui/articles?status=failed', editorKey);
      expect(failed.text).not.toContain('data-article-id=');

      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      expect((await get(`/ui/articles?from=${tomorrow}`, editorKey)).text).not.toContain('data-article-id=');
      expect((await get(`/ui/articles?from=${yesterday}&to=${tomorrow}`, editorKey)).text).toContain(
        `data-article-id="${articleId}"`,
      );

      const bad = await get('/ui/articles?from=yesterday', editorKey);
      expect(bad.status).toBe(400);
      expect(bad.headers['content-type']).toMatch(/text\/html/);
    });

    it('pages the list by keyset: the next page link continues where the first ended', async () => {
      for (let i = 0; i < 25; i++) {
        await t
          .http()
          .post('/articles')
          .set('Authorization', `Bearer ${editorKey}`)
          .send({ title: `Filler ${i}`, body: `Filler article number ${i} has no claims worth checking.` });
      }
      const first = await get('/ui/articles', editorKey);
      const firstIds = [...first.text.matchAll(/data-article-id="([^"]+)"/g)].map((m) => m[1]);
      expect(firstIds).toHaveLength(25);
      const next = /href="([^"]+)" rel="next"/.exec(first.text)![1].replace(/&amp;/g, '&');
      const second = await get(next, editorKey);
      const secondIds = [...second.text.matchAll(/data-article-id="([^"]+)"/g)].map((m) => m[1]);
      expect(secondIds.length).toBe(2);
      expect(secondIds.filter((id) => firstIds.includes(id))).toEqual([]);
    });

    it('shows integrators only their own articles', async () => {
      const integratorKey = await t.createKey('integrator');
      const own = await t
        .http()
        .post('/articles')
        .set('Authorization', `Bearer ${integratorKey}`)
        .send({ title: 'Mine alone', body: 'Exports fell by 8 percent in April.' });
      const list = await get('/ui/articles', integratorKey);
      expect(list.text).toContain(`data-article-id="${own.body.id}"`);
      expect(list.text).not.toContain(`data-article-id="${articleId}"`);
      const foreign = await get(`/ui/articles/${articleId}`, integratorKey);
      expect(foreign.status).toBe(404);
      expect(foreign.text).toContain('Not found');
    });
  });

  describe('roles and page hygiene', () => {
    it('answers a role that may not see a page with a readable 403 page', async () => {
      const asReviewer = await get('/ui/admin', reviewer.key);
      expect(asReviewer.status).toBe(403);
      expect(asReviewer.headers['content-type']).toMatch(/text\/html/);
      expect(asReviewer.text).toContain('Not for your role');
      expect((await get('/ui/review', editorKey)).status).toBe(403);
      expect((await get('/ui/admin', editorKey)).status).toBe(403);
      expect((await get('/ui/admin', t.adminKey)).status).toBe(200);
      expect((await get('/ui/review', reviewer.key)).status).toBe(200);
    });

    it('uses no inline script, inline handler or inline style on any page', async () => {
      const pages = [
        await t.http().get('/ui/login'),
        await get('/ui/articles', editorKey),
        await get(`/ui/articles/${articleId}?claim=${claims[0].id}`, editorKey),
        await get(`/ui/review?claim=${claims[0].id}`, reviewer.key),
        await get('/ui/admin', t.adminKey),
        await get('/ui/admin', reviewer.key),
        // The article's title is a <script> tag: the search page shows it as text.
        await get('/ui/search?q=government+spent+billion', reviewer.key),
      ];
      for (const page of pages) {
        expect(page.text).toContain('<!doctype html>');
        expect(inlineCode(page.text)).toEqual([]);
      }
      const search = pages[pages.length - 1];
      expect(search.text).toContain(`data-claim-id="${claims.find((c) => c.text.includes('spent $5 billion'))?.id}"`);
      expect(search.text).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; friends');
      // Assets under fingerprinted names (a hash of the content), cached for a year; any other name is not found, and not cached.
      const stylesheet = /<link rel="stylesheet" href="(\/ui\/assets\/ui\.[0-9a-f]{12}\.css)"/.exec(pages[0].text)?.[1];
      expect(stylesheet).toBeDefined();
      const css = await t.http().get(stylesheet!);
      expect(css.status).toBe(200);
      expect(css.headers['content-type']).toMatch(/text\/css/);
      expect(css.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const hash = /ui\.([0-9a-f]{12})\.css/.exec(stylesheet!)![1];
      expect(hash).toBe(createHash('sha256').update(css.text).digest('hex').slice(0, 12));
      for (const missing of ['/ui/assets/ui.css', '/ui/assets/review.js', '/ui/assets/ui.000000000000.css']) {
        const answer = await t.http().get(missing);
        expect(answer.status).toBe(404);
        expect(answer.headers['cache-control'] ?? '').not.toContain('immutable');
      }
    });
  });

  describe('the workbench', () => {
    it('pulls the next claim with a form post, and says so when there is nothing to give', async () => {
      const count = async (sql: string) => (await t.db.query(sql)).rows[0].n as number;
      await waitFor(
        async () =>
          (await count(`SELECT count(*)::int AS n FROM articles WHERE status IN ('received', 'extracting')`)) === 0 &&
          (await count(`SELECT count(*)::int AS n FROM claims WHERE status = 'unverified' AND assignee_id IS NULL`)) ===
            0,
        'every claim assigned',
      );
      // Without a worker, only this reviewer's pull can assign a claim: no race with the assignment jobs.
      await t.stopWorker(t.workers[0]);
      const idle = await t.createReviewer({ name: 'Idle', capacity: 1 });
      const empty = await t.http().post('/ui/review/next').set('Authorization', `Bearer ${idle.key}`);
      expect(empty.status).toBe(303);
      expect(empty.headers.location).toBe('/ui/review?empty=1');
      expect((await get('/ui/review?empty=1', idle.key)).text).toContain('Nothing to give right now');

      const claim = claims[0];
      await t.http().post(`/admin/claims/${claim.id}/unassign`).set('Authorization', `Bearer ${editorKey}`).expect(200);
      const pulled = await t.http().post('/ui/review/next').set('Authorization', `Bearer ${idle.key}`);
      expect(pulled.headers.location).toBe(`/ui/review?claim=${claim.id}`);
      const bench = await get(pulled.headers.location, idle.key);
      expect(bench.text).toContain(`id="claim-actions" data-claim-id="${claim.id}"`);
      const script = /<script src="(\/ui\/assets\/review\.[0-9a-f]{12}\.js)" defer><\/script>/.exec(bench.text)?.[1];
      expect(script).toBeDefined();
      const served = await t.http().get(script!);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toMatch(/javascript/);
      expect(bench.text).toContain(`action="/ui/review/next?leaving=${claim.id}"`);

      // At capacity with a claim in the list, "Next claim" gives that claim, not "nothing to give"; leaving it, there is none other.
      const fromList = await t.http().post('/ui/review/next').set('Authorization', `Bearer ${idle.key}`);
      expect(fromList.headers.location).toBe(`/ui/review?claim=${claim.id}`);
      const leaving = await t
        .http()
        .post(`/ui/review/next?leaving=${claim.id}`)
        .set('Authorization', `Bearer ${idle.key}`);
      expect(leaving.headers.location).toBe('/ui/review?empty=1');
    });
  });

  describe('GET /admin/events', () => {
    it('merges claim events and admin actions, filters them, and pages by keyset without gaps or repeats', async () => {
      const created = await t
        .http()
        .post('/admin/keys')
        .set('Authorization', `Bearer ${t.adminKey}`)
        .send({ name: 'temporary', role: 'editor' });
      await t.http().delete(`/admin/keys/${created.body.id}`).set('Authorization', `Bearer ${t.adminKey}`).expect(204);
      await t
        .http()
        .patch(`/admin/reviewers/${reviewer.id}`)
        .set('Authorization', `Bearer ${t.adminKey}`)
        .send({ capacity: 99 })
        .expect(200);
      const [{ id: adminKeyId }] = (await t.db.query(`SELECT id FROM api_keys WHERE name = 'test admin'`)).rows;

      const all: { kind: string; action: string; id: string; target?: { id: string }; actor: { keyId: string } }[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: typeof all; nextCursor: string | null } } = await get(
          `/admin/events?limit=7${cursor ? `&cursor=${cursor}` : ''}`,
          editorKey,
        );
        expect(res.status).toBe(200);
        all.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      const {
        rows: [{ count }],
      } = await t.db.query(`SELECT (SELECT count(*) FROM claim_events) + (SELECT count(*) FROM audit_events) AS count`);
      expect(all).toHaveLength(Number(count));
      expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
      const admin = all.filter((e) => e.kind === 'admin').map((e) => `${e.action} ${e.target!.id}`);
      expect(admin).toEqual(
        expect.arrayContaining([
          `key.created ${created.body.id}`,
          `key.revoked ${created.body.id}`,
          `reviewer.created ${reviewer.id}`,
          `reviewer.updated ${reviewer.id}`,
        ]),
      );
      expect(all.find((e) => e.action === 'key.revoked')!.actor.keyId).toBe(adminKeyId);

      const byActor = await get(`/admin/events?actor=${adminKeyId}&limit=200`, editorKey);
      expect(byActor.body.items.length).toBeGreaterThanOrEqual(4);
      expect(byActor.body.items.every((e: { actor: { keyId: string } }) => e.actor.keyId === adminKeyId)).toBe(true);

      const byClaim = await get(`/admin/events?claimId=${claims[0].id}`, editorKey);
      expect(byClaim.body.items.length).toBeGreaterThan(0);
      expect(byClaim.body.items.every((e: { claimId: string }) => e.claimId === claims[0].id)).toBe(true);

      const future = await get(`/admin/events?since=${new Date(Date.now() + 60_000).toISOString()}`, editorKey);
      expect(future.body).toEqual({ items: [], nextCursor: null });

      expect((await get('/admin/events', reviewer.key)).status).toBe(403);
      expect((await get('/admin/events?actor=nobody', editorKey)).body.code).toBe('validation_failed');
    });
  });

  describe('GET /admin/stats', () => {
    it('counts claims per status, the median to first verdict, backlog per reviewer and verdicts per day', async () => {
      const res = await get('/admin/stats', editorKey);
      expect(res.status).toBe(200);
      const { rows } = await t.db.query(`SELECT status, count(*)::int AS n FROM claims GROUP BY status`);
      for (const row of rows) expect(res.body.claimsPerStatus[row.status]).toBe(row.n);
      expect(res.body.medianSecondsToFirstVerdict).toBeGreaterThan(0);
      const today = new Date().toISOString().slice(0, 10);
      expect(res.body.verdictsPerDay).toHaveLength(30);
      expect(res.body.verdictsPerDay[29]).toEqual({ day: today, sourced: 1, disputed: 0, dismissed: 0 });
      const rita = res.body.reviewers.find((r: { reviewerId: string }) => r.reviewerId === reviewer.id);
      const {
        rows: [{ n }],
      } = await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE assignee_id = $1`, [reviewer.id]);
      expect(rita).toMatchObject({ backlog: n, capacity: 99, verdicts: 0 });
      expect((await get('/admin/stats', reviewer.key)).status).toBe(403);
    });
  });

  describe('the queue dashboard at /admin/queues/ui', () => {
    it('is for admins only and leaves the JSON queue routes alone', async () => {
      const anonymous = await t.http().get('/admin/queues/ui').set('Accept', 'text/html');
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.location).toBe('/ui/login?next=%2Fadmin%2Fqueues%2Fui');
      const anonymousApi = await t.http().get('/admin/queues/ui/api/queues').set('Accept', 'application/json');
      expect(anonymousApi.status).toBe(401);
      expect(anonymousApi.body.code).toBe('unauthorized');
      const editor = await get('/admin/queues/ui', editorKey);
      expect(editor.status).toBe(403);
      expect(editor.body.code).toBe('forbidden');

      const board = await get('/admin/queues/ui', t.adminKey);
      expect(board.status).toBe(200);
      expect(board.text).toContain('claimdesk queues');
      const queues = await get('/admin/queues/ui/api/queues', t.adminKey);
      expect(queues.status).toBe(200);
      expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual([
        'article-extraction',
        'callback-delivery',
        'claim-matching',
        'claim-review',
      ]);

      const json = await get('/admin/queues', t.adminKey);
      expect(json.status).toBe(200);
      expect(json.body.items.map((q: { name: string }) => q.name)).toContain('claim-review');
    });
  });
  // Last: it gives a verdict, which the stats above must not count.
  describe('the workbench after a verdict', () => {
    it('offers only the moves the state machine allows, and release only to the claim’s reviewer', async () => {
      const claim = (await get(`/claims/${claims[1].id}`, editorKey)).body;
      const holder =
        claim.assigneeId === reviewer.id
          ? reviewer
          : { id: claim.assigneeId, key: await t.createKey('reviewer', claim.assigneeId) };
      const moves = (page: string) => [...page.matchAll(/data-move="(\w+)"/g)].map((m) => m[1]);
      const open = (await get(`/ui/review?claim=${claim.id}`, holder.key)).text;
      expect(moves(open)).toEqual(['sourced', 'disputed', 'dismissed']);
      expect(open).toContain('data-release="1"');

      await t
        .http()
        .post(`/claims/${claim.id}/transitions`)
        .set('Authorization', `Bearer ${holder.key}`)
        .send({ to: 'sourced', expectedVersion: claim.version, sources: [{ url: 'https://example.org/budget' }] })
        .expect(200);
      const sourced = (await get(`/ui/review?claim=${claim.id}`, holder.key)).text;
      expect(moves(sourced)).toEqual(['disputed']);
      expect(sourced).not.toContain('data-release="1"');
    });
  });
});
