import { Webhook } from 'standardwebhooks';
import { newsBody } from './helpers/articles';
import { launchBrowser, signInThroughPages, type TestBrowser } from './helpers/browser';
import { startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';
import { WebhookReceiver } from './helpers/webhook-receiver';

interface Claim {
  id: string;
  status: string;
  version: number;
}

/** The admin console, driven from the pages as an admin would, each result checked through the JSON API. */
describe('the admin console in a real browser', () => {
  jest.setTimeout(45_000);
  let t: TestService;
  let browser: TestBrowser;
  let admin: TestPerson;
  let editor: TestPerson;
  const receiver = new WebhookReceiver();
  /** The claim the editor's key moves, for the audit log's claim filter. */
  let movedClaim: { id: string; articleId: string };

  const api = (path: string, key = t.adminKey) => t.http().get(path).set('Authorization', `Bearer ${key}`);
  const page = () => browser.page;
  const row = (attribute: string, value: string) => page().locator(`tr[${attribute}="${value}"]`);
  /** The one-time secret a result page shows. */
  const shownSecret = async (label: string) =>
    (await page().locator(`code.secret[data-secret="${label}"]`).textContent())!.trim();
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    // Callbacks are retried only minutes after a refusal, so the one the test sees succeed is its own Redeliver.
    t = await startTestService(3, { env: { CALLBACK_RETRY_BASE_MS: '600000' } });
    admin = await t.createPerson('admin', { name: 'Adi Admin' });
    editor = await t.createPerson('editor', { name: 'Eda Editor' });
    browser = await launchBrowser(t.url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await receiver.stop();
  });

  it('shows an editor the readable 403 page on an admin page, and the audit log without the console', async () => {
    await signInThroughPages(page(), editor, '/ui/admin/audit');
    await page().getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    expect(await page().getByRole('navigation', { name: 'Admin console' }).count()).toBe(0);
    const response = await page().goto('/ui/admin/keys');
    expect(response!.status()).toBe(403);
    expect(response!.headers()['content-type']).toMatch(/^text\/html/);
    await page().getByRole('heading', { name: 'Not for your role' }).waitFor();
    await browser.screenshot('admin-403-for-editor');
    await page().getByRole('button', { name: 'Sign out' }).click();
    await page().waitForURL(/\/ui\/login/);
    await signInThroughPages(page(), admin, '/ui/admin/people');
  });

  it('invites a person, shows the link once, and changes their role and whether they may sign in', async () => {
    await page().getByLabel('Name', { exact: true }).fill('Ivo Invited');
    await page().getByLabel('Email', { exact: true }).fill('ivo@example.org');
    await page().getByLabel('Role', { exact: true }).selectOption('editor');
    await page().getByRole('button', { name: 'Invite' }).click();
    await page().getByRole('heading', { name: 'Invitation for Ivo Invited' }).waitFor();
    const link = await shownSecret('Invitation link');
    expect(link).toMatch(/^http:\/\/[^/]+\/ui\/password\?token=[A-Za-z0-9_-]{43}$/);
    await browser.screenshot('admin-invitation');
    const invited = (await api('/admin/users')).body.items.find(
      (u: { email: string }) => u.email === 'ivo@example.org',
    );
    expect(invited).toMatchObject({ name: 'Ivo Invited', role: 'editor', active: true, passwordSet: false });

    await page().goto('/ui/admin/people');
    const person = row('data-person', 'ivo@example.org');
    await person.getByLabel('Role of Ivo Invited').selectOption('admin');
    await person.getByRole('button', { name: 'Change role' }).click();
    await page().waitForURL(/\/ui\/admin\/people/);
    await person.getByRole('button', { name: 'Deactivate' }).click();
    await person.getByRole('button', { name: 'Reactivate' }).waitFor();
    await browser.screenshot('admin-people');
    expect((await api('/admin/users')).body.items.find((u: { id: string }) => u.id === invited.id)).toMatchObject({
      role: 'admin',
      active: false,
    });

    // As if Ivo had enrolled a phone and lost it (enrolment itself has its own test in people.e2e-spec.ts).
    await t.db.query(`UPDATE users SET totp_secret = 'lost', totp_enabled_at = now() WHERE id = $1`, [invited.id]);
    await page().reload();
    await person.getByRole('button', { name: 'Turn off 2FA' }).click();
    await page().waitForURL(/\/ui\/admin\/people/);
    expect(await person.getByRole('button', { name: 'Turn off 2FA' }).count()).toBe(0);
    expect((await api('/admin/users')).body.items.find((u: { id: string }) => u.id === invited.id)).toMatchObject({
      twoFactor: false,
    });
  });

  it('adds a reviewer with New reviewer, refuses bad input readably, and edits it', async () => {
    await page().goto('/ui/admin/reviewers');
    const fill = async (fields: Record<string, string>) => {
      for (const [label, value] of Object.entries(fields)) await page().getByLabel(label, { exact: true }).fill(value);
    };
    await fill({
      Name: 'Rita Reviewer',
      Email: 'Rita@Example.org',
      Languages: 'english',
      Topics: 'politics, economy',
      Capacity: '7',
    });
    await page().getByRole('button', { name: 'New reviewer' }).click();
    await page().locator('#refused').waitFor();
    expect(await page().locator('#refused').textContent()).toContain('each language must be an ISO 639-1 code');
    // The page comes back with what was typed: only the wrong field needs changing.
    expect(await page().getByLabel('Name', { exact: true }).inputValue()).toBe('Rita Reviewer');
    expect(await page().getByLabel('Capacity', { exact: true }).inputValue()).toBe('7');
    await fill({ Languages: 'en, fr' });
    await page().getByRole('button', { name: 'New reviewer' }).click();
    await row('data-reviewer', 'rita@example.org').waitFor();
    const created = (await api('/admin/reviewers')).body.items.find(
      (r: { email: string }) => r.email === 'rita@example.org',
    );
    expect(created).toMatchObject({
      name: 'Rita Reviewer',
      languages: ['en', 'fr'],
      topics: ['politics', 'economy'],
      capacity: 7,
      active: true,
    });

    await row('data-reviewer', 'rita@example.org').getByRole('link', { name: 'Edit Rita Reviewer' }).click();
    await fill({ Capacity: '3' });
    await page().getByLabel('Active', { exact: true }).uncheck();
    await page().getByRole('button', { name: 'Save reviewer' }).click();
    await row('data-reviewer', 'rita@example.org').waitFor();
    await browser.screenshot('admin-reviewers');
    expect((await api('/admin/reviewers')).body.items.find((r: { id: string }) => r.id === created.id)).toMatchObject({
      capacity: 3,
      active: false,
    });
  });

  it('creates a key owned by a person (shown once): what it does names that person; Revoke makes it refused', async () => {
    await page().goto('/ui/admin/keys');
    await page().getByLabel('Label', { exact: true }).fill('Eda’s newsroom script');
    await page().getByLabel('Role', { exact: true }).selectOption('editor');
    await page().getByLabel('Owner', { exact: true }).selectOption({ label: 'Eda Editor' });
    await page().getByRole('button', { name: 'Create key' }).click();
    const key = await shownSecret('API key');
    expect(key).toMatch(/^cdk_[0-9a-f]{16}_/);
    await browser.screenshot('admin-key-created');

    const listed = (await api('/admin/keys')).body.items.find(
      (k: { name: string }) => k.name === 'Eda’s newsroom script',
    );
    expect(listed).toMatchObject({ role: 'editor', ownerUserId: editor.id, revokedAt: null });
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${key}`)
      .send({ title: 'Owned key article', body: newsBody(1) });
    expect(posted.status).toBe(202);
    const article = await waitFor(async () => {
      const body = (await api(`/articles/${posted.body.id}`, key)).body;
      return body.status === 'ready' && body.claims.length > 0 ? body : null;
    }, 'the article to be extracted');
    const claim: Claim = article.claims[0];
    const moved = await t
      .http()
      .post(`/claims/${claim.id}/transitions`)
      .set('Authorization', `Bearer ${key}`)
      .send({ to: 'dismissed', expectedVersion: claim.version, note: 'not checkable' });
    expect(moved.status).toBe(200);
    movedClaim = { id: claim.id, articleId: article.id };
    const events = (await api(`/claims/${claim.id}/events`, key)).body.items;
    expect(events[events.length - 1]).toMatchObject({
      toStatus: 'dismissed',
      actorKeyId: listed.id,
      actorUserId: editor.id,
      actorRole: 'editor',
    });
    const logged = (await api(`/admin/events?personId=${editor.id}`)).body.items;
    expect(logged).toContainEqual(
      expect.objectContaining({ action: 'transition', toStatus: 'dismissed', claimId: claim.id }),
    );
    expect(logged.every((e: { actor: { person: { name: string } } }) => e.actor.person.name === 'Eda Editor')).toBe(
      true,
    );

    await page().goto('/ui/admin/keys');
    const keyRow = row('data-key', 'Eda’s newsroom script');
    expect(await keyRow.textContent()).toContain('Eda Editor');
    await keyRow.getByRole('link', { name: 'Revoke' }).click();
    await page().getByRole('heading', { name: 'Revoke “Eda’s newsroom script”?' }).waitFor();
    await page().getByRole('button', { name: 'Revoke' }).click();
    await page().waitForURL(/\/ui\/admin\/keys/);
    expect(await keyRow.getByRole('link', { name: 'Revoke' }).count()).toBe(0);
    expect((await api('/articles', key)).status).toBe(401);
  });

  it('registers an integrator, rotates its webhook secret, rotates an endpoint’s signing secret and redelivers', async () => {
    await page().goto('/ui/admin/integrators');
    await page().getByLabel('Name', { exact: true }).fill('Daily Planet CMS');
    await page().getByRole('button', { name: 'Register integrator' }).click();
    const integratorKey = await shownSecret('API key');
    expect(await shownSecret('Webhook secret')).toMatch(/^whsec_/);
    const integrator = (await api('/admin/integrators')).body.items.find(
      (i: { name: string }) => i.name === 'Daily Planet CMS',
    );

    await page().goto('/ui/admin/integrators');
    await page().locator(`#integrator-${integrator.id}`).getByRole('button', { name: 'Rotate webhook secret' }).click();
    const webhookSecret = await shownSecret('Webhook secret');
    const body = JSON.stringify({
      title: 'Signed with the rotated secret',
      body: newsBody(2),
      externalId: 'rotated-1',
    });
    const at = new Date();
    const webhook = await t
      .http()
      .post(`/webhooks/articles?integrator=${integrator.id}`)
      .set({
        'content-type': 'application/json',
        'webhook-id': 'msg_rotated',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(webhookSecret).sign('msg_rotated', at, body),
      })
      .send(body);
    expect(webhook.status).toBe(202);

    // The receiver does not know the endpoint's secret yet: it refuses the first deliveries (401), which stay pending.
    const url = await receiver.start();
    const endpoint = (
      await t
        .http()
        .post('/integrations/endpoints')
        .set('Authorization', `Bearer ${integratorKey}`)
        .send({ url, events: ['article.extracted'] })
    ).body;
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${integratorKey}`)
      .send({ title: 'For the callback', body: newsBody(3) });
    expect(posted.status).toBe(202);
    const refused = await waitFor(async () => {
      const items = (await api(`/integrations/endpoints/${endpoint.id}/deliveries`)).body.items;
      return items.find((d: { attempts: number; status: string }) => d.attempts >= 1 && d.status !== 'delivered');
    }, 'a refused delivery');
    expect(receiver.received.every((r) => !r.verified)).toBe(true);

    await page().goto('/ui/admin/integrators');
    await page().getByRole('link', { name: url }).click();
    await page().getByRole('button', { name: 'Rotate signing secret' }).click();
    receiver.secret = await shownSecret('Signing secret');
    await page().getByRole('link', { name: 'Back to the endpoint' }).click();
    await row('data-delivery', refused.id).getByRole('button', { name: 'Redeliver' }).click();
    await waitFor(
      async () => receiver.received.some((r) => r.webhookId === refused.id && r.verified && r.answered === 204),
      'the redelivery, signed with the new secret',
    );
    const delivered = await waitFor(async () => {
      const items = (await api(`/integrations/endpoints/${endpoint.id}/deliveries`)).body.items;
      return items.find((d: { id: string; status: string }) => d.id === refused.id && d.status === 'delivered');
    }, 'the delivery to be recorded as delivered');
    expect(delivered.attemptLog.map((a: { responseStatus: number }) => a.responseStatus)).toContain(204);
    await page().reload();
    await browser.screenshot('admin-endpoint-deliveries');
  });

  it('adds a callback endpoint for an integrator from its panel, and disables it', async () => {
    const integrator = (await api('/admin/integrators')).body.items.find(
      (i: { name: string }) => i.name === 'Daily Planet CMS',
    );
    await page().goto('/ui/admin/integrators');
    const form = page().getByRole('form', { name: 'Add a callback endpoint for Daily Planet CMS' });
    await form.getByLabel('Callback URL').fill('http://127.0.0.1:9/planet-callbacks');
    await form.getByLabel('article.extracted').uncheck();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    expect(await shownSecret('Signing secret')).toMatch(/^whsec_/);
    const added = (await api('/integrations/endpoints')).body.items.find(
      (e: { url: string }) => e.url === 'http://127.0.0.1:9/planet-callbacks',
    );
    expect(added).toMatchObject({
      ownerId: integrator.id,
      events: ['claim.status_changed', 'article.reviewed'],
      disabledAt: null,
    });

    await page().getByRole('link', { name: 'To the endpoint' }).click();
    await page().getByRole('button', { name: 'Disable' }).click();
    await page().getByText('disabled: disabled by its owner').waitFor();
    expect(
      (await api('/integrations/endpoints')).body.items.find((e: { id: string }) => e.id === added.id).disabledAt,
    ).not.toBeNull();

    // No event ticked: the form is answered with the API's rule, and nothing is added.
    await page().goto('/ui/admin/integrators');
    await form.getByLabel('Callback URL').fill('http://127.0.0.1:9/no-events');
    for (const event of ['article.extracted', 'claim.status_changed', 'article.reviewed'])
      await form.getByLabel(event).uncheck();
    const [answer] = await Promise.all([
      page().waitForResponse((r) => r.url().endsWith(`/ui/admin/integrators/${integrator.id}/endpoints`)),
      form.getByRole('button', { name: 'Add endpoint' }).click(),
    ]);
    expect(answer.status()).toBe(400);
    await page()
      .getByRole('listitem')
      .filter({ hasText: /^events: / })
      .waitFor();
    expect(
      (await api('/integrations/endpoints')).body.items.some((e: { url: string }) => e.url.endsWith('/no-events')),
    ).toBe(false);
  });

  it('pauses and resumes a queue', async () => {
    const paused = async () =>
      (await api('/admin/queues')).body.items.find((q: { name: string }) => q.name === 'article-extraction')
        .paused as boolean;
    await page().goto('/ui/admin/queues');
    await page().getByRole('button', { name: 'Pause article-extraction' }).click();
    await page().getByRole('button', { name: 'Resume article-extraction' }).waitFor();
    expect(await paused()).toBe(true);
    await browser.screenshot('admin-queues-paused');
    await page().getByRole('button', { name: 'Resume article-extraction' }).click();
    await page().getByRole('button', { name: 'Pause article-extraction' }).waitFor();
    expect(await paused()).toBe(false);
    expect(
      await page()
        .getByRole('link', { name: /queue dashboard/ })
        .getAttribute('href'),
    ).toBe('/admin/queues/ui');
  });

  it('edits the desk’s settings: a refused scale comes back as typed, a saved one is what the API answers', async () => {
    await page().goto('/ui/admin');
    await page().getByRole('navigation', { name: 'Admin console' }).getByRole('link', { name: 'Settings' }).click();
    await page().getByRole('heading', { name: 'Desk settings' }).waitFor();
    const scale = page().getByLabel(/Steps, one a line/);
    expect(await scale.inputValue()).toContain('mostly-true | Mostly true | 6');

    await scale.fill('right | Right | 2\nwrong Wrong 1');
    await page().getByRole('button', { name: 'Save settings' }).click();
    await page().locator('#refused').waitFor();
    expect(await page().locator('#refused').textContent()).toContain('Step 2 of the scale');
    expect(await scale.inputValue()).toBe('right | Right | 2\nwrong Wrong 1');

    await scale.fill('right | Right | 2\nwrong | Wrong | 1');
    await page().getByLabel('A sourced or disputed verdict must carry a rating').check();
    await page().getByLabel('Verdicts need a second opinion').check();
    await page().getByLabel('From check-worthiness (0–1)').fill('0.4');
    await page().getByLabel('sourced', { exact: true }).uncheck();
    await page().getByRole('button', { name: 'Save settings' }).click();
    await page().getByText('Settings saved').waitFor();
    await browser.screenshot('admin-settings');
    expect((await api('/admin/settings')).body).toMatchObject({
      ratings: [
        { key: 'right', label: 'Right', ratingValue: 2 },
        { key: 'wrong', label: 'Wrong', ratingValue: 1 },
      ],
      requireRating: true,
      requirePublicNote: false,
      secondOpinion: { enabled: true, minCheckworthiness: 0.4, statuses: ['disputed'] },
    });
  });

  it('filters the Audit log by person, claim and since, each entry linking to what it touched', async () => {
    await page().goto('/ui/admin');
    await page().getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    await page().getByLabel('Person').selectOption({ label: 'Adi Admin' });
    await page().getByLabel('Since').fill(today());
    await page().getByRole('button', { name: 'Filter' }).click();
    await page().waitForURL(/person=/);
    const rows = page().locator('tr[data-entry]');
    const fromApi = (await api(`/admin/events?personId=${admin.id}&since=${today()}`)).body.items;
    expect(fromApi.length).toBeGreaterThanOrEqual(5);
    expect(await rows.count()).toBe(fromApi.length);
    const actions = await rows.locator('strong').allTextContents();
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.created',
        'user.updated',
        'user.two_factor_reset',
        'reviewer.created',
        'reviewer.updated',
        'key.created',
        'key.revoked',
        'settings.updated',
      ]),
    );
    for (const who of await rows.locator('td:nth-child(2)').allTextContents()) expect(who).toContain('Adi Admin');
    expect(await page().getByRole('link', { name: 'reviewer Rita Reviewer' }).first().getAttribute('href')).toMatch(
      /^\/ui\/admin\/reviewers\/[0-9a-f-]{36}$/,
    );
    // Integrators by name and endpoints by URL (the endpoint test before this one added and disabled it).
    const endpointRows = rows.filter({
      has: page().getByRole('link', { name: 'endpoint http://127.0.0.1:9/planet-callbacks' }),
    });
    expect(await endpointRows.locator('strong').allTextContents()).toEqual(['endpoint.disabled', 'endpoint.created']);
    expect(
      await endpointRows
        .first()
        .getByRole('link', { name: /^endpoint / })
        .getAttribute('href'),
    ).toMatch(/^\/ui\/admin\/endpoints\/[0-9a-f-]{36}$/);
    expect(
      await rows
        .filter({ hasText: 'integrator.created' })
        .getByRole('link', { name: 'integrator Daily Planet CMS' })
        .count(),
    ).toBe(1);
    expect(await rows.getByRole('link', { name: 'settings of the desk' }).first().getAttribute('href')).toBe(
      '/ui/admin/settings',
    );
    await browser.screenshot('admin-audit-by-person');

    await page().goto('/ui/admin/audit');
    await page().getByLabel('Claim').fill(movedClaim.id);
    await page().getByRole('button', { name: 'Filter' }).click();
    await page().waitForURL(/claim=/);
    const claimRows = page().locator('tr[data-entry]');
    expect(await claimRows.count()).toBe((await api(`/admin/events?claimId=${movedClaim.id}`)).body.items.length);
    const dismissal = claimRows.filter({ hasText: 'dismissed' }).last();
    expect(await dismissal.textContent()).toContain('Eda Editor');
    await dismissal.locator('td:nth-child(4) a').click();
    await page().waitForURL(
      (u) => u.pathname === `/ui/articles/${movedClaim.articleId}` && u.searchParams.get('claim') === movedClaim.id,
    );

    // Words that are no claim's id are looked for in the claims' text.
    const words = await page().goto('/ui/admin/audit?claim=not-a-claim');
    expect(words!.status()).toBe(200);
    expect(await page().locator('main').textContent()).toContain('No claim’s text matches “not-a-claim”');
    // The 403 and 400 pages this suite asks for are the only failed loads; nothing broke the strict CSP.
    expect(browser.problems.filter((p) => !/status of (400 \(Bad Request\)|403 \(Forbidden\))/.test(p))).toEqual([]);
  });
});
