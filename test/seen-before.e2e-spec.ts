import { csrfTokenFor, CSRF_FIELD } from '../src/auth/request-origin';
import { launchBrowser, signInThroughPages, type TestBrowser } from './helpers/browser';
import { startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';

interface Claim {
  id: string;
  text: string;
  articleId: string;
  assigneeId: string | null;
}

interface Match {
  id: string;
  kind: string;
  url: string | null;
  state: string;
}

const review = (n: number, claimReviewed: string, rating: string) => ({
  '@type': 'ClaimReview',
  url: `https://checks.example.org/seen-before/${n}`,
  claimReviewed,
  reviewRating: { '@type': 'Rating', alternateName: rating },
  headline: `Fact check ${n}`,
});

const BUS = review(1, 'The city council spent 40 million dollars on new bus lanes in 2023.', 'False');
const BIRDS = review(2, 'Wind turbines kill more birds each year than cats do.', 'Mostly False');
const BODY =
  'The city council spent 40 million dollars on new bus lanes in 2023, the mayor said. Wind turbines kill more birds each year than cats do, according to the senator.';

describe('"Seen before" on the workbench and the article page: confirm and reject in a real browser', () => {
  jest.setTimeout(60_000);
  let t: TestService;
  let browser: TestBrowser;
  let editorKey: string;
  let claims: Claim[];
  let person: TestPerson;

  const api = (path: string) => t.http().get(path).set('Authorization', `Bearer ${editorKey}`);
  const matchesOf = async (claimId: string): Promise<Match[]> => (await api(`/claims/${claimId}/matches`)).body.items;
  const claimWith = (words: string) => claims.find((c) => c.text.includes(words))!;
  /** The claim's history and the audit log both name the person who decided. */
  const expectDecisionRecorded = async (claimId: string, matchId: string, state: 'confirmed' | 'rejected') => {
    const events = (await api(`/claims/${claimId}/events`)).body.items;
    expect(events.filter((e: { type: string }) => e.type === `match_${state}`)).toEqual([
      expect.objectContaining({ actorUserId: person.id, note: expect.stringContaining(matchId) }),
    ]);
    const { rows } = await t.db.query(
      `SELECT actor_user_id AS "actorUserId", details->>'claimId' AS "claimId" FROM audit_events WHERE action = $1 AND target_id = $2`,
      [`match.${state}`, matchId],
    );
    expect(rows).toEqual([{ actorUserId: person.id, claimId }]);
  };

  beforeAll(async () => {
    t = await startTestService(13, { name: 'seen-before' });
    editorKey = await t.createKey('editor');
    const imported = await t
      .http()
      .post('/fact-checks/import')
      .set('Authorization', `Bearer ${editorKey}`)
      .send([BUS, BIRDS]);
    expect(imported.body).toMatchObject({ imported: 2, errors: [] });
    const reviewer = await t.createReviewer({ name: 'Mia Matcher', capacity: 100 });
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ title: 'Buses and birds', body: BODY, minCheckworthiness: 0 });
    claims = await waitFor(async () => {
      const article = (await api(`/articles/${posted.body.id}`)).body;
      if (
        article.status !== 'ready' ||
        article.claims.length < 2 ||
        !article.claims.every((c: Claim) => c.assigneeId === reviewer.id)
      )
        return null;
      return article.claims.map((c: Claim) => ({ ...c, articleId: posted.body.id }));
    }, 'extraction and assignment');
    for (const words of ['bus lanes', 'Wind turbines'])
      await waitFor(
        async () => ((await matchesOf(claimWith(words).id)).some((m) => m.kind === 'fact-check') ? true : null),
        `matches of "${words}"`,
      );
    person = await t.createPerson('reviewer', { name: 'Mia Matcher', reviewerId: reviewer.id });
    browser = await launchBrowser(t.url);
    await signInThroughPages(browser.page, person, `/ui/review?claim=${claimWith('bus lanes').id}`);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('refuses a decision by a reviewer who neither holds the claim nor gave its verdict, by API and by the page form', async () => {
    const birds = claimWith('Wind turbines');
    const match = (await matchesOf(birds.id)).find((m) => m.url === BIRDS.url)!;
    const outsider = await t.createReviewer({ capacity: 100 });
    const byKey = await t
      .http()
      .post(`/claims/${birds.id}/matches/${match.id}/reject`)
      .set('Authorization', `Bearer ${outsider.key}`);
    expect(byKey.status).toBe(403);
    expect(byKey.body.code).toBe('forbidden');
    const confirmByKey = await t
      .http()
      .post(`/claims/${birds.id}/matches/${match.id}/confirm`)
      .set('Authorization', `Bearer ${outsider.key}`)
      .send({});
    expect(confirmByKey.status).toBe(403);

    const other = await t.createPerson('reviewer');
    const cookie = await t.signIn(other);
    const page = await t.http().get(`/ui/articles/${birds.articleId}?claim=${birds.id}`).set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain(BIRDS.url);
    expect(page.text).not.toContain(`/matches/${match.id}/reject`);
    const byForm = await t
      .http()
      .post(`/ui/claims/${birds.id}/matches/${match.id}/reject?back=article`)
      .set('Cookie', cookie)
      .type('form')
      .send({ [CSRF_FIELD]: csrfTokenFor(cookie.split('=')[1]) });
    expect(byForm.status).toBe(403);

    expect((await matchesOf(birds.id)).find((m) => m.id === match.id)).toMatchObject({ state: 'suggested' });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM claim_events WHERE claim_id = $1 AND type LIKE 'match_%'`,
      [birds.id],
    );
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('shows an integrator no matches, by API or on its own article’s page: they reach other owners’ claims', async () => {
    const integratorKey = await t.createKey('integrator');
    const asIntegrator = (path: string) => t.http().get(path).set('Authorization', `Bearer ${integratorKey}`);
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${integratorKey}`)
      .send({ title: 'Buses again', body: BODY, minCheckworthiness: 0 });
    expect(posted.status).toBe(202);
    const own = await waitFor(async () => {
      const article = (await asIntegrator(`/articles/${posted.body.id}`)).body;
      const bus = article.status === 'ready' && article.claims.find((c: Claim) => c.text.includes('bus lanes'));
      // Matched as the desk sees it: the archive's fact-check and the editor's claim of the same words.
      const matches = bus ? await matchesOf(bus.id) : [];
      return matches.some((m) => m.url === BUS.url) && matches.some((m) => m.kind === 'claim') ? (bus as Claim) : null;
    }, 'the integrator’s claim matched');

    const byApi = await asIntegrator(`/claims/${own.id}/matches`);
    expect(byApi.status).toBe(403);
    const page = await asIntegrator(`/ui/articles/${posted.body.id}?claim=${own.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(own.text);
    expect(page.text).not.toContain('Seen before');
    expect(page.text).not.toContain(BUS.url);
    expect(page.text).not.toContain(claimWith('bus lanes').articleId);
  });

  it('confirming a fact-check on the workbench gives the claim its verdict with the fact-check as source', async () => {
    const bus = claimWith('bus lanes');
    const page = browser.page;
    const item = page.locator('#seen-before li', { has: page.locator(`a[href="${BUS.url}"]`) });
    await item.getByRole('button', { name: 'Confirm: disputed' }).click();
    await page.waitForURL((url) => url.searchParams.get('moved') === bus.id);

    expect(await page.locator('#flash').textContent()).toContain('disputed');
    const claim = (await api(`/claims/${bus.id}`)).body;
    expect(claim.status).toBe('disputed');
    const events = (await api(`/claims/${bus.id}/events`)).body.items;
    // The move, then the decision that made it.
    expect(events[events.length - 2]).toMatchObject({
      type: 'transition',
      toStatus: 'disputed',
      sources: [expect.objectContaining({ url: BUS.url })],
    });
    const confirmed = (await matchesOf(bus.id)).find((m) => m.url === BUS.url)!;
    expect(confirmed).toMatchObject({ state: 'confirmed' });
    await expectDecisionRecorded(bus.id, confirmed.id, 'confirmed');
    // Decided: marked confirmed, no buttons left on it.
    await expect(item.textContent()).resolves.toContain('confirmed');
    expect(await item.getByRole('button').count()).toBe(0);
  });

  it('rejecting a match on the article page hides it there and in the API', async () => {
    const birds = claimWith('Wind turbines');
    const page = browser.page;
    await page.goto(`/ui/articles/${birds.articleId}?claim=${birds.id}`);
    const item = page.locator('#seen-before li', { has: page.locator(`a[href="${BIRDS.url}"]`) });
    await item.getByRole('button', { name: 'Reject' }).click();
    await page.waitForURL(
      (url) => url.pathname === `/ui/articles/${birds.articleId}` && url.searchParams.get('claim') === birds.id,
    );

    await page.locator('#seen-before').waitFor();
    expect(await item.count()).toBe(0);
    expect((await matchesOf(birds.id)).map((m) => m.url)).not.toContain(BIRDS.url);
    const { rows } = await t.db.query(
      `SELECT m.state FROM claim_matches m JOIN fact_checks f ON f.id = m.fact_check_id WHERE m.claim_id = $1 AND f.url = $2`,
      [birds.id, BIRDS.url],
    );
    expect(rows).toEqual([{ state: 'rejected' }]);
    expect((await api(`/claims/${birds.id}`)).body.status).toBe('unverified');
    const { rows: decided } = await t.db.query(
      `SELECT m.id FROM claim_matches m JOIN fact_checks f ON f.id = m.fact_check_id WHERE m.claim_id = $1 AND f.url = $2`,
      [birds.id, BIRDS.url],
    );
    await expectDecisionRecorded(birds.id, decided[0].id, 'rejected');
  });

  it('refuses a decision without the session’s CSRF token, and the pages broke no CSP rule', async () => {
    const bus = claimWith('bus lanes');
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'claimdesk_session')!;
    const match = (await matchesOf(bus.id)).find((m) => m.url === BUS.url)!;
    const noToken = await t
      .http()
      .post(`/ui/claims/${bus.id}/matches/${match.id}/reject?back=article`)
      .set('Cookie', `${cookie.name}=${cookie.value}`)
      .type('form')
      .send({});
    expect(noToken.status).toBe(403);
    expect((await matchesOf(bus.id)).find((m) => m.id === match.id)).toMatchObject({ state: 'confirmed' });
    expect(browser.problems).toEqual([]);
  });
});
