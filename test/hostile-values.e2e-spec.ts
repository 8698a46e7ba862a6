import { startTestService, waitFor, type TestService } from './helpers/test-service';

/**
 * Values that were each a 500, a wrong answer or a leak: nulls for optional fields, NUL characters in query strings,
 * cursors past their column's range, passages that made the finder backtrack, URLs with credentials, searches that
 * had to rank every claim, and imported or posted text with nothing visible in it.
 */

const FACT = 'The ministry said unemployment fell to 4.1 percent in 2023, the lowest rate in a decade.';
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

interface Refusal {
  status: number;
  body: { code?: string; details?: Record<string, unknown>; message?: string };
}

describe('hostile values: one rule each for nulls, NULs, cursors, passages, credentials, search terms and invisible text', () => {
  let t: TestService;
  let editor: string;
  let articleId: string;
  let claim: { id: string; version: number };
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  /** "name: status code" for each answer that is not 400 validation_failed (naming `field`, when given). */
  const notRefused = (name: string, res: Refusal, field?: string) =>
    res.status === 400 && res.body.code === 'validation_failed' && (!field || res.body.details?.[field])
      ? []
      : [`${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`];

  beforeAll(async () => {
    t = await startTestService(13, { name: 'hostile-values' });
    editor = await t.createKey('editor');
    const posted = await t
      .http()
      .post('/articles')
      .set(bearer(editor))
      .send({ title: 'Values', body: `${FACT} The minister said exports rose by 12 percent last year.` });
    expect(posted.status).toBe(202);
    articleId = posted.body.id;
    claim = await waitFor(
      async () =>
        (
          await t.db.query(
            `SELECT c.id, c.version FROM claims c JOIN articles a ON a.id = c.article_id
             WHERE a.id = $1 AND a.status = 'ready' ORDER BY c.ordinal LIMIT 1`,
            [articleId],
          )
        ).rows[0],
      'a claim',
      60_000,
    );
  }, 90_000);
  afterAll(() => t.close());

  it('refuses null for every optional field of reviewers, people and moves with 400 naming the field, writing nothing', async () => {
    const reviewer = await t.createReviewer({ name: 'Null Nora' });
    const person = await t.createPerson('editor');
    const wrong: string[] = [];
    for (const field of ['name', 'email', 'languages', 'topics', 'capacity', 'active']) {
      const patch = await t
        .http()
        .patch(`/admin/reviewers/${reviewer.id}`)
        .set(bearer(t.adminKey))
        .send({ [field]: null });
      wrong.push(...notRefused(`PATCH reviewer ${field}`, patch, field));
    }
    for (const field of ['languages', 'topics', 'capacity', 'active']) {
      const create = await t
        .http()
        .post('/admin/reviewers')
        .set(bearer(t.adminKey))
        .send({ name: `Created ${field}`, email: `null-${field}@example.org`, [field]: null });
      wrong.push(...notRefused(`POST reviewer ${field}`, create, field));
    }
    for (const field of ['name', 'role', 'active']) {
      const patch = await t
        .http()
        .patch(`/admin/users/${person.id}`)
        .set(bearer(t.adminKey))
        .send({ [field]: null });
      wrong.push(...notRefused(`PATCH user ${field}`, patch, field));
    }
    const moves: [string, Record<string, unknown>, string][] = [
      ['expectedVersion null', { to: 'dismissed', note: 'Not checkable', expectedVersion: null }, 'expectedVersion'],
      ['note null', { to: 'dismissed', note: null, expectedVersion: claim.version }, 'note'],
      [
        'a source title null',
        { to: 'sourced', expectedVersion: claim.version, sources: [{ url: 'https://example.org/a', title: null }] },
        'sources.0.title',
      ],
    ];
    for (const [name, body, field] of moves) {
      const move = await t.http().post(`/claims/${claim.id}/transitions`).set(bearer(editor)).send(body);
      wrong.push(...notRefused(`move with ${name}`, move, field));
    }
    expect(wrong).toEqual([]);
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM reviewers WHERE name LIKE 'Created %') AS created,
              (SELECT version FROM claims WHERE id = $1) AS version,
              (SELECT name FROM reviewers WHERE id = $2) AS reviewer,
              (SELECT active FROM users WHERE id = $3) AS active`,
      [claim.id, reviewer.id, person.id],
    );
    expect(rows[0]).toEqual({ created: 0, version: claim.version, reviewer: 'Null Nora', active: true });
  });

  it('refuses a NUL character in any query string with 400 validation_failed, pages included', async () => {
    const wrong: string[] = [];
    for (const path of [
      '/fact-checks/search?q=a%00b',
      '/ui/search?q=a%00b',
      '/ui/search?claimant=%00',
      '/claims?status=%00',
      '/claims?assigneeId=%00',
      `/claims?articleId=${articleId}%00`,
      '/articles?from=2024-01-01%00',
      '/admin/events?actor=%00',
      '/claims?cursor=%00',
    ]) {
      wrong.push(...notRefused(path, await t.http().get(path).set(bearer(editor))));
    }
    expect(wrong).toEqual([]);
  });

  it('refuses cursors holding integers past their column’s range with 400 naming the cursor', async () => {
    const id = '8e4966bd-2082-43c5-8efe-1a1e9b21f14d';
    const wrong: string[] = [];
    for (const [name, path] of [
      ['an article-claims offset past int4', `/articles/${articleId}/claims?cursor=${b64([0, 2147483648, 0, id])}`],
      ['an ordinal past int4', `/articles/${articleId}/claims?cursor=${b64([0, 0, '2147483648', id])}`],
      ['an events seq past int8', `/admin/events?cursor=${b64(['2024-01-01 00:00:00+00', 0, '9223372036854775808'])}`],
      ['a rank past int4', `/admin/events?cursor=${b64(['2024-01-01 00:00:00+00', 2147483648, 1])}`],
      ['a claim-events seq past int8', `/claims/${claim.id}/events?cursor=${b64(['9999999999999999999'])}`],
    ]) {
      wrong.push(...notRefused(name, await t.http().get(path).set(bearer(editor)), 'cursor'));
    }
    expect(wrong).toEqual([]);
    // The largest values the columns hold are still taken.
    const edge = await t
      .http()
      .get(`/articles/${articleId}/claims?cursor=${b64([1, 2147483647, 2147483647, id])}`)
      .set(bearer(editor));
    expect(edge.status).toBe(200);
  });

  it('finds a passage of 10,000 characters that all start alike without a 500, and says when it is not there', async () => {
    const person = await t.createPerson('editor');
    const cookie = await t.signIn(person);
    const page = await t.http().get(`/ui/articles/${articleId}`).set({ Cookie: cookie });
    const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(page.text)?.[1];
    expect(csrf).toBeDefined();
    const add = (passage: string) =>
      t
        .http()
        .post(`/ui/articles/${articleId}/claims`)
        .set({ Cookie: cookie, Origin: t.url })
        .type('form')
        .send({ passage, _csrf: csrf });
    const long = await add(`${'a '.repeat(4999)}b`);
    expect(long.status).toBe(400);
    expect(long.text).toContain('the passage is not in the article’s text');
    const found = await add('unemployment fell\n to 4.1 percent');
    expect(found.status).toBe(303);
  });

  it('refuses credentials in callback, article and source URLs, and never shows them in the audit log', async () => {
    const wrong: string[] = [];
    for (const url of ['https://user:hunter2@cms.example/hook', 'https://hunter2@cms.example/hook']) {
      const endpoint = await t
        .http()
        .post('/integrations/endpoints')
        .set(bearer(t.adminKey))
        .send({ url, events: ['claim.status_changed'] });
      wrong.push(...notRefused(`endpoint ${url}`, endpoint, 'url'));
      if (JSON.stringify(endpoint.body).includes('hunter2')) wrong.push(`endpoint ${url}: the answer shows it`);
      const article = await t
        .http()
        .post('/articles')
        .set(bearer(editor))
        .send({ title: 'Credentials', body: FACT, url });
      wrong.push(...notRefused(`article ${url}`, article, 'url'));
      const note = await t
        .http()
        .post(`/claims/${claim.id}/notes`)
        .set(bearer(editor))
        .send({ sources: [{ url }] });
      wrong.push(...notRefused(`source ${url}`, note, 'sources.0.url'));
    }
    expect(wrong).toEqual([]);
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*)::int FROM callback_endpoints) AS endpoints,
              (SELECT count(*)::int FROM audit_events WHERE details::text LIKE '%hunter2%') AS audited`,
    );
    expect(rows[0]).toEqual({ endpoints: 0, audited: 0 });
  });

  it('asks for a word to look for instead of ranking every claim, and still finds by one', async () => {
    const wrong: string[] = [];
    for (const q of ['-zzzz', '-unemployment -exports', 'the of and', '"the"']) {
      const res = await t
        .http()
        .get(`/ui/search?q=${encodeURIComponent(q)}`)
        .set(bearer(editor));
      // The page answers its refusals as a page.
      if (res.status !== 400 || !res.text.includes('search needs a word to look for'))
        wrong.push(`q=${q}: ${res.status} ${res.text.slice(0, 160)}`);
    }
    expect(wrong).toEqual([]);
    const found = await t.http().get('/ui/search?kind=claims&q=unemployment%20-zzzz').set(bearer(editor));
    expect(found.status).toBe(200);
    expect(found.text).toContain('unemployment fell to 4.1 percent');
    const filtersOnly = await t.http().get('/ui/search?kind=claims&status=unverified').set(bearer(editor));
    expect(filtersOnly.status).toBe(200);
  });

  it('refuses imported fact-checks with impossible dates, credentials or nothing visible, and cuts text between characters', async () => {
    const item = (n: number, fields: Record<string, unknown>) => ({
      '@type': 'ClaimReview',
      url: `https://checks.example/fc/${n}`,
      claimReviewed: `Claim number ${n} about inflation`,
      ...fields,
    });
    const res = await t
      .http()
      .post('/fact-checks/import')
      .set(bearer(editor))
      .send([
        item(1, { datePublished: '2024-02-30' }),
        item(2, { url: 'https://user:hunter2@checks.example/fc/2' }),
        item(3, { claimReviewed: '\u200b\u200d\u202e\u2066\u2069' }),
        item(4, { claimReviewed: `${'x'.repeat(9_999)}\u{1F600} and more` }),
        item(5, { datePublished: '2024-02-29' }),
      ]);
    expect(res.status).toBe(200);
    expect(res.body.errors.map((e: { index: number }) => e.index)).toEqual([0, 1, 2]);
    expect(JSON.stringify(res.body)).not.toContain('hunter2');
    const { rows } = await t.db.query(
      `SELECT url, claim_reviewed AS text, date_published AS "datePublished" FROM fact_checks WHERE url LIKE 'https://checks.example/%' ORDER BY url`,
    );
    expect(rows.map((r) => r.url)).toEqual(['https://checks.example/fc/4', 'https://checks.example/fc/5']);
    expect(rows[0].text).toBe('x'.repeat(9_999));
    expect(rows[1].datePublished.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('refuses an article or note made only of invisible characters', async () => {
    const wrong: string[] = [];
    const invisible = '\u200b\u200c\u200d\u2060\ufeff\u202e\u2066';
    for (const [name, body, field] of [
      ['title', { title: invisible, body: FACT }, 'title'],
      ['body', { title: 'Invisible body', body: ` ${invisible}\n` }, 'body'],
    ] as const) {
      wrong.push(
        ...notRefused(`article ${name}`, await t.http().post('/articles').set(bearer(editor)).send(body), field),
      );
    }
    const note = await t.http().post(`/claims/${claim.id}/notes`).set(bearer(editor)).send({ note: invisible });
    wrong.push(...notRefused('note', note, 'note'));
    expect(wrong).toEqual([]);
  });
});
