import { freePort, startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';

interface Claim {
  id: string;
  text: string;
  status: string;
  version: number;
  assigneeId: string | null;
}

interface Session {
  cookie: string;
  csrf: string;
}

const BUS = 'The city council spent 40 million dollars on new bus lanes in 2023, the mayor said.';
const BIRDS = 'Wind turbines kill more birds each year than cats do, according to the senator.';
const TAX = 'Property taxes rose by 12 percent last year, the treasurer said.';
const RAIN = 'Rainfall in the region fell by 30 percent over the decade, the agency reported.';

/** The pages as a new user meets them, over HTTP with a real session: what they show and what a refused form keeps. */
describe('the pages as a new user meets them', () => {
  jest.setTimeout(60_000);
  let t: TestService;
  let editorKey: string;
  let editor: TestPerson;
  let admin: TestPerson;
  let reviewer: { id: string; key: string };
  let reviewerPerson: TestPerson;
  const sessions = new Map<string, Session>();

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const api = async (path: string, key = editorKey) => {
    const response = await t.http().get(path).set(auth(key));
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
    return response.body;
  };
  const claimOf = (id: string): Promise<Claim> => api(`/claims/${id}`);

  async function sessionOf(person: TestPerson): Promise<Session> {
    const known = sessions.get(person.id);
    if (known) return known;
    const cookie = await t.signIn(person);
    const page = await t.http().get('/ui/articles').set('Cookie', cookie);
    const session = { cookie, csrf: /name="csrf-token" content="([^"]+)"/.exec(page.text)![1] };
    sessions.set(person.id, session);
    return session;
  }

  const page = async (person: TestPerson, path: string) => {
    const response = await t
      .http()
      .get(path)
      .set('Cookie', (await sessionOf(person)).cookie);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
    return response.text;
  };

  /** A form posted from `from` (the page a browser would name in Referer). */
  const submit = async (
    person: TestPerson,
    action: string,
    fields: Record<string, string | string[]>,
    from: string,
  ) => {
    const session = await sessionOf(person);
    return t
      .http()
      .post(action)
      .type('form')
      .set('Cookie', session.cookie)
      .set('Referer', `${t.url}${from}`)
      .send({ _csrf: session.csrf, ...fields });
  };

  async function postArticle(title: string, body: string, extra: Record<string, unknown> = {}) {
    const posted = await t
      .http()
      .post('/articles')
      .set(auth(editorKey))
      .send({ title, body, minCheckworthiness: 0, ...extra });
    expect([200, 202]).toContain(posted.status);
    return waitFor(async () => {
      const article = await api(`/articles/${posted.body.id}`);
      return article.status === 'ready' ? (article as { id: string; claims: Claim[] }) : null;
    }, `extraction of "${title}"`);
  }

  beforeAll(async () => {
    t = await startTestService(12, { name: 'pages-first-use', env: { CALLBACK_RETRY_BASE_MS: '200' } });
    editorKey = await t.createKey('editor');
    reviewer = await t.createReviewer({ name: 'Uma Undo', capacity: 2 });
    reviewerPerson = await t.createPerson('reviewer', { name: 'Uma Undo', reviewerId: reviewer.id });
    editor = await t.createPerson('editor', { name: 'Eli Editor' });
    admin = await t.createPerson('admin', { name: 'Ada Admin' });
  }, 90_000);

  afterAll(async () => {
    await t?.close();
  });

  it('keeps a reviewer within capacity when a verdict is undone after the freed place was filled: the claim goes to the pool', async () => {
    const article = await postArticle('Four claims', [BUS, BIRDS, TAX, RAIN].join(' '));
    expect(article.claims.length).toBeGreaterThanOrEqual(3);
    const held = () => t.db.query(`SELECT id FROM claims WHERE assignee_id = $1`, [reviewer.id]);
    await waitFor(async () => ((await held()).rowCount === 2 ? true : null), 'the reviewer to hold two claims');
    const [first] = (await held()).rows as { id: string }[];
    const claim = await claimOf(first.id);
    const verdict = await t
      .http()
      .post(`/review/claims/${claim.id}/verdict`)
      .set(auth(reviewer.key))
      .send({ to: 'sourced', expectedVersion: claim.version, sources: [{ url: 'https://budget.example.org/1' }] });
    expect(verdict.status).toBe(200);
    // The freed place is filled by the queue, as the workbench's next claim.
    await waitFor(
      async () =>
        (await held()).rows.every((r: { id: string }) => r.id !== claim.id) && (await held()).rowCount === 2
          ? true
          : null,
      'the freed place to be filled',
    );
    const undone = await t
      .http()
      .post(`/claims/${claim.id}/undo`)
      .set(auth(reviewer.key))
      .send({ expectedVersion: claim.version + 1 });
    expect(undone.status).toBe(200);
    // At capacity, the undone claim goes back to the pool rather than over the limit.
    expect(undone.body.assigneeId).toBeNull();
    expect((await held()).rowCount).toBe(2);
    expect(await page(reviewerPerson, '/ui/review')).toMatch(/My open claims <span class="muted">\(2 of 2\)<\/span>/);
    const [{ open_claims }] = (await t.db.query(`SELECT open_claims FROM reviewers WHERE id = $1`, [reviewer.id])).rows;
    expect(open_claims).toBe(2);
  });

  it('writes a created row for every extracted claim in the same statement, and names a plain note as a note', async () => {
    const article = await postArticle('Birds', BIRDS);
    const [claim] = article.claims;
    const events = (await api(`/claims/${claim.id}/events`)).items as {
      type: string;
      actorRole: string;
      toStatus: string;
    }[];
    expect(events[0]).toMatchObject({ type: 'created', actorRole: 'system', toStatus: 'unverified' });
    const {
      rows: [{ claims, created }],
    } = await t.db.query(
      `SELECT (SELECT count(*) FROM claims WHERE status <> 'candidate')::int AS claims,
              (SELECT count(*) FROM claim_events WHERE type = 'created')::int AS created`,
    );
    expect(created).toBe(claims);

    const note = await t
      .http()
      .post(`/claims/${claim.id}/notes`)
      .set(auth(editorKey))
      .send({ note: 'Asked the RSPB.' });
    expect(note.status).toBe(201);
    const html = await page(editor, `/ui/articles/${article.id}?claim=${claim.id}`);
    expect(html).toContain('found in the text');
    expect(html).toMatch(/added a note<\/li>|added a note\s*<\/li>/);
    expect(html).not.toContain('added evidence');
  });

  it('offers an editor the sourced and disputed verdicts the rules allow, as plain forms', async () => {
    const article = await postArticle('Taxes', TAX);
    const [claim] = article.claims;
    const from = `/ui/articles/${article.id}?claim=${claim.id}`;
    const html = await page(editor, from);
    for (const move of ['sourced', 'disputed', 'dismissed']) expect(html).toContain(`data-move="${move}"`);
    const moved = await submit(
      editor,
      `/ui/claims/${claim.id}/transitions`,
      {
        to: 'sourced',
        expectedVersion: String(claim.version),
        note: '',
        url: 'https://treasury.example.org/report',
        title: 'Treasury report',
        quote: '',
      },
      from,
    );
    expect(moved.status).toBe(303);
    expect(await claimOf(claim.id)).toMatchObject({ status: 'sourced' });
    const events = (await api(`/claims/${claim.id}/events`)).items as { toStatus: string; sources: unknown[] }[];
    expect(events[events.length - 1]).toMatchObject({
      toStatus: 'sourced',
      sources: [{ url: 'https://treasury.example.org/report', title: 'Treasury report' }],
    });
  });

  it('answers a stale version on the article page with who moved it and when, the note kept, on the current version', async () => {
    const article = await postArticle('Rain', RAIN);
    const [claim] = article.claims;
    const from = `/ui/articles/${article.id}?claim=${claim.id}`;
    const first = await t
      .http()
      .post(`/claims/${claim.id}/transitions`)
      .set(auth(editorKey))
      .send({ to: 'disputed', expectedVersion: claim.version, note: 'The agency says 3 percent.' });
    expect(first.status).toBe(200);
    const note = 'Not a claim & <b>not</b> checkable';
    const refused = await submit(
      editor,
      `/ui/claims/${claim.id}/transitions`,
      { to: 'dismissed', expectedVersion: String(claim.version), note },
      from,
    );
    expect(refused.status).toBe(409);
    expect(refused.text).not.toContain('[object Object]');
    expect(refused.text).toContain('Someone moved this claim first');
    expect(refused.text).toContain('test editor (editor)');
    expect(refused.text).toContain(`at version ${first.body.version}`);
    expect(refused.text).toContain('Not a claim &amp; &lt;b&gt;not&lt;/b&gt; checkable</textarea>');
    expect(refused.text).toContain(`name="expectedVersion" value="${first.body.version}"`);

    // Sent again as the page now offers it: a move allowed from disputed, on the current version.
    const again = await submit(
      editor,
      `/ui/claims/${claim.id}/transitions`,
      { to: 'unverified', expectedVersion: String(first.body.version), note },
      from,
    );
    expect(again.status).toBe(303);
    expect(await claimOf(claim.id)).toMatchObject({ status: 'unverified', version: first.body.version + 1 });
  });

  it('brings a refused form back on its page with what was typed (articles and the admin console alike)', async () => {
    const body = 'A body the editor typed at length.\nIts second line.';
    const article = await submit(
      editor,
      '/ui/articles',
      { title: '', body, url: 'not a url', language: 'en', topics: 'budget, transport' },
      '/ui/articles/new',
    );
    expect(article.status).toBe(400);
    expect(article.text).toContain('id="refused"');
    expect(article.text).toMatch(/url: /);
    expect(article.text).toContain(`${body}</textarea>`);
    expect(article.text).toContain('value="budget, transport"');
    expect(article.text).toContain('value="not a url"');

    const invite = await submit(
      admin,
      '/ui/admin/people',
      { name: 'Nia Newcomer', email: 'not-an-email', role: 'reviewer', reviewerId: '' },
      '/ui/admin/people',
    );
    expect(invite.status).toBe(400);
    expect(invite.text).toContain('value="Nia Newcomer"');
    expect(invite.text).toContain('value="not-an-email"');
    expect(invite.text).toMatch(/<option value="reviewer" selected>/);
    const newReviewer = await submit(
      admin,
      '/ui/admin/reviewers',
      { name: 'Rex', email: 'rex@example.org', languages: 'english', topics: '', capacity: '3', active: 'on' },
      '/ui/admin/reviewers',
    );
    expect(newReviewer.status).toBe(400);
    expect(newReviewer.text).toContain('value="english"');
    expect(newReviewer.text).toContain('value="rex@example.org"');
  });

  it('counts failing callback deliveries on the admin overview, and shows each integrator’s id and webhook address', async () => {
    const integrator = await t.http().post('/admin/integrators').set(auth(t.adminKey)).send({ name: 'Failing CMS' });
    expect(integrator.status).toBe(201);
    const nobody = await freePort();
    const endpoint = await t
      .http()
      .post('/integrations/endpoints')
      .set(auth(integrator.body.apiKey))
      .send({ url: `http://127.0.0.1:${nobody}/callbacks`, events: ['article.extracted'] });
    expect(endpoint.status).toBe(201);
    const posted = await t
      .http()
      .post('/articles')
      .set(auth(integrator.body.apiKey))
      .send({ title: 'Callbacks', body: BUS });
    expect(posted.status).toBe(202);
    await waitFor(
      async () =>
        (
          await t.db.query(`SELECT 1 FROM callback_deliveries WHERE endpoint_id = $1 AND last_error IS NOT NULL`, [
            endpoint.body.id,
          ])
        ).rowCount
          ? true
          : null,
      'a failed delivery attempt',
    );
    const overview = await page(admin, '/ui/admin');
    expect(overview).toMatch(/data-kpi="failing-callbacks"><span class="big bad">[1-9]\d*<\/span> failing callbacks/);

    const integrators = await page(admin, '/ui/admin/integrators');
    expect(integrators).toContain(`<code data-integrator-id>${integrator.body.id}</code>`);
    expect(integrators).toContain(`/webhooks/articles?integrator=${integrator.body.id}`);
  });

  it('lists the audit log newest first, names the claim and reviewer of an assignment, and finds a claim by its words', async () => {
    const html = await page(editor, '/ui/admin/audit');
    const times = [...html.matchAll(/<tr data-entry="[^"]+"><td>/g)].length;
    expect(times).toBeGreaterThan(2);
    const { rows } = await t.db.query(
      `SELECT id FROM (SELECT id, created_at, seq, 0 AS rank FROM claim_events UNION ALL SELECT id, created_at, seq, 1 FROM audit_events) e
       ORDER BY created_at DESC, rank DESC, seq DESC LIMIT 3`,
    );
    const shown = [...html.matchAll(/<tr data-entry="([^"]+)"/g)].slice(0, 3).map((m) => m[1]);
    expect(shown).toEqual(rows.map((r: { id: string }) => r.id));

    const assigned = /<tr data-entry="[^"]+">(?:(?!<\/tr>).)*<strong>assigned<\/strong>(?:(?!<\/tr>).)*<\/tr>/s.exec(
      html,
    )![0];
    expect(assigned).toContain('Uma Undo');
    expect(assigned).toMatch(/“[^”]+”<\/a> <span class="muted">in “/);

    const found = await page(editor, '/ui/admin/audit?claim=turbines%20birds');
    const birds = (await t.db.query(`SELECT id FROM claims WHERE text LIKE 'Wind turbines%' LIMIT 1`)).rows[0].id;
    expect(found).toContain(`/ui/admin/audit?claim=${birds}`);
    const chosen = await page(editor, `/ui/admin/audit?claim=${birds}`);
    expect(chosen).toContain('value="Wind turbines kill more birds');
    expect(chosen).toContain('<strong>created</strong>');
    // The claim's own page links there.
    const article = (await t.db.query(`SELECT article_id FROM claims WHERE id = $1`, [birds])).rows[0].article_id;
    expect(await page(editor, `/ui/articles/${article}?claim=${birds}`)).toContain(`/ui/admin/audit?claim=${birds}`);
  });

  it('shows a withdrawn match with the verdict and source it had, and tells same-titled articles apart in search', async () => {
    const sentence = 'The harbour dredging cost 18 million euros in 2022, the port authority said.';
    const first = await postArticle('Harbour', `${sentence} ${TAX}`, {
      url: 'https://first.example.org/harbour',
      externalId: 'harbour-1',
    });
    const dredging = first.claims.find((c) => c.text.includes('dredging'))!;
    const moved = await t
      .http()
      .post(`/claims/${dredging.id}/transitions`)
      .set(auth(editorKey))
      .send({
        to: 'sourced',
        expectedVersion: dredging.version,
        sources: [{ url: 'https://port.example.org/accounts', title: 'Port accounts' }],
      });
    expect(moved.status).toBe(200);
    const second = await postArticle('Harbour', `${sentence} ${RAIN}`, { url: 'https://second.example.org/harbour' });
    const again = second.claims.find((c) => c.text.includes('dredging'))!;
    await waitFor(
      async () =>
        (await api(`/claims/${again.id}/matches`)).items.some((m: { claimId: string }) => m.claimId === dredging.id)
          ? true
          : null,
      'the second article’s claim to match the first',
    );
    // The first article's next revision drops the sentence: its sourced claim is withdrawn.
    const revision = await t.http().post('/articles').set(auth(editorKey)).send({
      title: 'Harbour',
      body: TAX,
      url: 'https://first.example.org/harbour',
      externalId: 'harbour-1',
      minCheckworthiness: 0,
    });
    expect(revision.status).toBe(202);
    expect(revision.body.id).toBe(first.id);
    await waitFor(async () => ((await claimOf(dredging.id)).status === 'withdrawn' ? true : null), 'the withdrawal');

    const html = await page(editor, `/ui/articles/${second.id}?claim=${again.id}`);
    expect(html).toContain('withdrawn, was sourced');
    expect(html).toContain('href="https://port.example.org/accounts"');

    const search = await page(editor, '/ui/search?q=dredging&kind=claims');
    const origins = [...search.matchAll(/data-article-origin>([^<]+)</g)].map((m) => m[1]);
    expect(origins.some((o) => o.includes('first.example.org'))).toBe(true);
    expect(origins.some((o) => o.includes('second.example.org'))).toBe(true);
  });
});
