import { parse } from 'csv-parse/sync';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

const SEEDED = 10_000;
/** Texts a spreadsheet would run as formulas, and one that only looks like one in the middle. */
const RISKY = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', 'a=1+1'];

interface Listed {
  id: string;
  text: string;
  statement: string;
  status: string;
  claimant: string | null;
  rating: string | null;
  approval: string | null;
}

describe('claims export: every claim the listing selects, as CSV and JSON Lines', () => {
  let t: TestService;
  let editor: string;
  let articleId: string;

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

  /** Every page of GET /claims with these filters, in the listing's order. */
  const listAll = async (filters: Record<string, string>): Promise<Listed[]> => {
    const all: Listed[] = [];
    let cursor: string | null = null;
    do {
      const query: URLSearchParams = new URLSearchParams({ ...filters, limit: '200', ...(cursor ? { cursor } : {}) });
      const page: { status: number; body: { items: Listed[]; nextCursor: string | null } } = await t
        .http()
        .get(`/claims?${query}`)
        .set(auth(editor));
      expect(page.status).toBe(200);
      all.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return all;
  };

  const exportOf = async (filters: Record<string, string>, format: 'csv' | 'jsonl', key = editor) => {
    const response = await t
      .http()
      .get(`/claims/export?${new URLSearchParams({ ...filters, format })}`)
      .set(auth(key))
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => done(null, text));
      });
    return response as typeof response & { body: string };
  };

  const csvRows = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: true });
  const jsonRows = (text: string): Record<string, unknown>[] =>
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    t = await startTestService(9, { name: 'exports' });
    editor = await t.createKey('editor');
    const posted = await t.http().post('/articles').set(auth(editor)).send({
      title: 'Budget "review", part =1',
      url: 'https://news.example.org/budget',
      body: 'The council spent 40 million dollars on bus lanes in 2023, the mayor said.',
      minCheckworthiness: 0,
    });
    expect(posted.status).toBe(202);
    articleId = posted.body.id;
    await waitFor(async () => {
      const article = (await t.http().get(`/articles/${articleId}`).set(auth(editor))).body;
      return article.status === 'ready' ? article : null;
    }, 'the article extracted');
    // Ten thousand claims in one statement: the API's own path would take minutes to write them.
    await t.db.query(
      `INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type,
                           claimant, status, rating, approval, created_at)
       SELECT $1, 1, 1000 + i,
              CASE WHEN i <= $3 THEN ($4::text[])[i] ELSE 'Spending on item ' || i || ' rose ' || (i % 97) || ' percent' END,
              0, 10, 0, (i % 100) / 100.0, 'statistical',
              CASE i % 3 WHEN 0 THEN 'Mayor Jane Doe' WHEN 1 THEN 'City of Springfield' ELSE NULL END,
              CASE i % 4 WHEN 0 THEN 'disputed' WHEN 1 THEN 'sourced' ELSE 'unverified' END,
              CASE i % 4 WHEN 0 THEN 'false' WHEN 1 THEN 'mostly-true' END,
              CASE i % 8 WHEN 0 THEN 'pending' WHEN 1 THEN 'approved' END,
              timestamptz '2026-01-01' + i * interval '1 minute'
       FROM generate_series(1, $2) AS i`,
      [articleId, SEEDED, RISKY.length, RISKY],
    );
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('exports 10k claims as CSV row for row as the listing pages them, with formula cells neutralised', async () => {
    const listed = await listAll({ articleId });
    expect(listed.length).toBeGreaterThan(SEEDED);
    const exported = await exportOf({ articleId }, 'csv');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.headers['content-disposition']).toContain('claims.csv');
    const rows = csvRows(exported.body);
    expect(rows.map((r) => r.id)).toEqual(listed.map((c) => c.id));
    expect(rows.map((r) => r.status)).toEqual(listed.map((c) => c.status));
    expect(rows.map((r) => r.rating)).toEqual(listed.map((c) => c.rating ?? ''));
    expect(rows.map((r) => r.approval)).toEqual(listed.map((c) => c.approval ?? ''));
    expect(rows.filter((r) => r.approval === 'pending').length).toBe(SEEDED / 8);
    expect(rows.every((r) => r.articleTitle === 'Budget "review", part =1')).toBe(true);
    for (const risky of RISKY) {
      const row = rows.find((r) => listed.find((c) => c.id === r.id)!.text === risky)!;
      expect(row.text).toBe(/^[=+\-@\t\r]/.test(risky) ? `'${risky}` : risky);
    }
    const plain = rows.find((r) => r.text.startsWith('Spending on item 5000 '))!;
    expect(plain.claimant).toBe(listed.find((c) => c.id === plain.id)!.claimant ?? '');
  });

  it('exports the same claims as JSON Lines, text untouched', async () => {
    const listed = await listAll({ articleId, sort: 'checkworthiness' });
    const exported = await exportOf({ articleId, sort: 'checkworthiness' }, 'jsonl');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const rows = jsonRows(exported.body);
    expect(rows.map((r) => r.id)).toEqual(listed.map((c) => c.id));
    expect(rows.map((r) => r.text)).toEqual(listed.map((c) => c.text));
    expect(rows.map((r) => r.statement)).toEqual(listed.map((c) => c.statement));
    expect(rows.map((r) => [r.rating, r.approval])).toEqual(listed.map((c) => [c.rating, c.approval]));
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining(['articleUrl', 'statement', 'claimant', 'reviewer', 'sources', 'rating', 'approval']),
    );
  });

  it('filters by status, claimant, text and days exactly as the listing does', async () => {
    const filters = {
      status: 'disputed',
      claimant: 'jane',
      q: 'spending percent',
      from: '2026-01-02',
      to: '2026-01-05',
    };
    const listed = await listAll(filters);
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.every((c) => c.status === 'disputed' && c.claimant === 'Mayor Jane Doe')).toBe(true);
    const rows = jsonRows((await exportOf(filters, 'jsonl')).body);
    expect(rows.map((r) => r.id)).toEqual(listed.map((c) => c.id));
    const days = rows.map((r) => String(r.createdAt).slice(0, 10));
    expect(new Set(days)).toEqual(new Set(['2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05']));
  });

  it('carries each claim’s tags and due date, and filters by tag and overdue as the listing does', async () => {
    const dueAt = '2026-01-01T12:00:00.000Z';
    await t.db.query(`UPDATE articles SET due_at = $2 WHERE id = $1`, [articleId, dueAt]);
    const [first, second] = (await listAll({ articleId })).slice(0, 2);
    for (const id of [first.id, second.id]) {
      const tagged = await t
        .http()
        .put(`/claims/${id}/tags`)
        .set(auth(editor))
        .send({ tags: id === first.id ? ['Budget', 'bus lanes'] : ['budget'] });
      expect(tagged.status).toBe(200);
    }
    const csv = csvRows((await exportOf({ articleId, tag: 'budget' }, 'csv')).body);
    expect(csv.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    const firstRow = csv.find((r) => r.id === first.id)!;
    expect(firstRow.tags).toBe('budget bus-lanes');
    expect(firstRow.dueAt).toBe(dueAt);
    const json = jsonRows((await exportOf({ articleId, tag: 'bus-lanes' }, 'jsonl')).body);
    expect(json).toHaveLength(1);
    expect(json[0].tags).toEqual(['budget', 'bus-lanes']);
    expect(json[0].dueAt).toBe(dueAt);
    const overdue = await listAll({ articleId, overdue: 'true' });
    expect(overdue.length).toBeGreaterThan(0);
    expect(jsonRows((await exportOf({ articleId, overdue: 'true' }, 'jsonl')).body).map((r) => r.id)).toEqual(
      overdue.map((c) => c.id),
    );
  });

  it('refuses a text with nothing to look up, an unknown format and an impossible day, as the listing does', async () => {
    for (const query of ['q=-zzzz', 'q=the', 'format=xlsx', 'from=2026-02-30']) {
      const exported = await t.http().get(`/claims/export?${query}`).set(auth(editor));
      expect(exported.status).toBe(400);
      expect(exported.body.code).toBe('validation_failed');
    }
    expect((await t.http().get('/claims?q=-zzzz').set(auth(editor))).status).toBe(400);
  });

  it('is for editors, admins and integrators (their own articles, naming no reviewer)', async () => {
    const reviewer = await t.createReviewer();
    const refused = await t.http().get('/claims/export').set(auth(reviewer.key));
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');

    const integrator = await t.createKey('integrator');
    const own = await t.http().post('/articles').set(auth(integrator)).send({
      title: 'Wire copy',
      body: 'Unemployment in the region fell to 4.1 percent in March 2024, the agency said.',
      minCheckworthiness: 0,
    });
    expect(own.status).toBe(202);
    await waitFor(async () => {
      const article = (await t.http().get(`/articles/${own.body.id}`).set(auth(integrator))).body;
      return article.status === 'ready' ? article : null;
    }, 'the integrator’s article extracted');
    await t.db.query(`UPDATE claims SET last_verdict_reviewer_id = $2, status = 'sourced' WHERE article_id = $1`, [
      own.body.id,
      reviewer.id,
    ]);
    const rows = jsonRows((await exportOf({}, 'jsonl', integrator)).body);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.articleId === own.body.id && r.reviewer === null)).toBe(true);
    const editorsView = jsonRows((await exportOf({ articleId: own.body.id }, 'jsonl')).body);
    expect(editorsView.every((r) => typeof r.reviewer === 'string')).toBe(true);
  });

  it('downloads from the pages for a signed-in editor, with the search page’s filters', async () => {
    const person = await t.createPerson('editor', { name: 'Eda Export' });
    const cookie = await t.signIn(person);
    const search = await t.http().get('/ui/search?kind=claims&q=spending&status=sourced').set('Cookie', cookie);
    expect(search.status).toBe(200);
    const href = /href="(\/ui\/claims\/export\?[^"]*format=csv)"/.exec(search.text)?.[1].replace(/&amp;/g, '&');
    expect(href).toContain('q=spending');
    expect(href).toContain('status=sourced');
    const download = await t.http().get(href!).set('Cookie', cookie);
    expect(download.status).toBe(200);
    const rows = csvRows(download.text);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.every((r) => r.status === 'sourced')).toBe(true);

    const article = await t.http().get(`/ui/articles/${articleId}`).set('Cookie', cookie);
    expect(article.text).toContain(`/ui/claims/export?articleId=${articleId}&amp;format=jsonl`);

    const reviewer = await t.createPerson('reviewer', { name: 'Rev Export' });
    const refused = await t
      .http()
      .get(href!)
      .set('Cookie', await t.signIn(reviewer));
    expect(refused.status).toBe(403);
  });
});
