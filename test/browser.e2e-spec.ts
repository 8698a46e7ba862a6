import { readFileSync } from 'node:fs';
import { DEMO_ARTICLE_PATH } from '../src/common/repo-paths';
import type { Locator } from 'playwright-core';
import { launchBrowser, signInThroughPages, type TestBrowser } from './helpers/browser';
import { startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';

const DEMO_ARTICLE = readFileSync(DEMO_ARTICLE_PATH, 'utf8');
const DEMO_TITLE = DEMO_ARTICLE.split('\n')[0].trim();

/** The colours of ui.css, as the browser computes them. */
const BACKGROUND = { unverified: 'rgb(253, 240, 200)', sourced: 'rgb(213, 240, 221)' };

interface Claim {
  id: string;
  status: string;
  version: number;
  assigneeId: string | null;
}

describe('the pages in a real browser (Debian Chromium via playwright-core)', () => {
  jest.setTimeout(30_000);
  let t: TestService;
  let browser: TestBrowser;
  let editorKey: string;
  let reviewer: { id: string; key: string };
  let people: Record<'editor' | 'reviewer' | 'admin', TestPerson>;
  let articleId: string;
  let claims: Claim[];

  const api = (path: string, key = editorKey) => t.http().get(path).set('Authorization', `Bearer ${key}`);

  const signIn = (person: TestPerson, path: string) => signInThroughPages(browser.page, person, path);

  async function signOut(): Promise<void> {
    await browser.page.getByRole('button', { name: 'Sign out' }).click();
    await browser.page.waitForURL(/\/ui\/login/);
  }

  /** Text of an element once it is there (server-rendered pages have it at load). */
  async function text(locator: Locator): Promise<string> {
    await locator.waitFor();
    return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  async function claimOnPage(claimId: string) {
    const mark = browser.page.locator(`[data-claim-id="${claimId}"]`).first();
    return {
      status: await mark.getAttribute('data-status'),
      background: await mark.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor),
    };
  }

  beforeAll(async () => {
    t = await startTestService(11);
    editorKey = await t.createKey('editor');
    reviewer = await t.createReviewer({ name: 'Ada Reviewer', capacity: 100 });
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ title: DEMO_TITLE, body: DEMO_ARTICLE, url: 'https://www.antiwar.com/' });
    articleId = posted.body.id;
    const article = await waitFor(
      async () => {
        const body = (await api(`/articles/${articleId}`)).body;
        return body.status === 'ready' &&
          body.claims.length > 0 &&
          body.claims.every((c: Claim) => c.assigneeId === reviewer.id)
          ? body
          : null;
      },
      'extraction and assignment of the demo article',
      30_000,
    );
    claims = article.claims;
    people = {
      editor: await t.createPerson('editor', { name: 'Eda Editor' }),
      reviewer: await t.createPerson('reviewer', { name: 'Ada Reviewer', reviewerId: reviewer.id }),
      admin: await t.createPerson('admin', { name: 'Adi Admin' }),
    };
    browser = await launchBrowser(t.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs an editor in and shows the demo article with every claim highlighted in its status colour', async () => {
    await signIn(people.editor, `/ui/articles/${articleId}`);
    const page = browser.page;
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe(DEMO_TITLE);

    const marks = page.locator('.article-text [data-claim-id]:not([data-status="candidate"])');
    expect(await marks.count()).toBe(claims.length);
    expect(new Set(await marks.evaluateAll((els) => els.map((el) => el.getAttribute('data-status'))))).toEqual(
      new Set(['unverified']),
    );
    expect((await claimOnPage(claims[0].id)).background).toBe(BACKGROUND.unverified);
    expect(await text(page.getByTestId('verdict-percent'))).toBe('0%');
    expect(await text(page.locator('.legend [data-count="unverified"]').first())).toBe(String(claims.length));

    // Keyboard: a claim is a link; Enter opens its details.
    await page.locator('.article-text a.claim').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/claim=/);
    await page.locator('#claim-heading').waitFor();
    expect(await text(page.locator('.claim-detail .facts'))).toContain('Ada Reviewer');
    await browser.screenshot('browser-1-editor-article-before');
    await signOut();
  });

  it('lets the reviewer mark a claim sourced in the workbench', async () => {
    const page = browser.page;
    await signIn(people.reviewer, '/ui/review');
    const target = claims[0];
    await page.locator(`#open-claims a[data-claim-id="${target.id}"]`).click();
    await page.waitForURL(new RegExp(`claim=${target.id}`));
    expect(await page.locator('.context mark.claim').getAttribute('data-claim-id')).toBe(target.id);

    const form = page.locator('form[data-move="sourced"]');
    await form.getByLabel('Source URL').fill('https://www.nbcnews.com/politics/national-security/ukraine-peace-talks');
    await form.getByLabel('Source title (optional)').fill('NBC News report');
    await form.getByRole('button', { name: 'Mark sourced' }).click();
    await page.waitForURL(/moved=/);
    expect(await text(page.locator('#flash'))).toContain('is now sourced');
    expect(await page.locator(`#open-claims a[data-claim-id="${target.id}"]`).count()).toBe(0);
    // The same request chose the claim to work next, and the page opens on it: another of the reviewer's claims.
    const next = new URL(page.url()).searchParams.get('claim');
    expect(claims.map((c) => c.id).filter((id) => id !== target.id)).toContain(next);
    expect(await page.locator('.context mark.claim').getAttribute('data-claim-id')).toBe(next);
    await browser.screenshot('browser-2-workbench-after-sourcing');

    const { rows } = await t.db.query(`SELECT status, last_verdict_reviewer_id FROM claims WHERE id = $1`, [target.id]);
    expect(rows[0]).toEqual({ status: 'sourced', last_verdict_reviewer_id: reviewer.id });
  });

  it('shows a 409 plainly: who moved the claim first', async () => {
    const page = browser.page;
    const target = claims[1];
    await page.goto(`/ui/review?claim=${target.id}`);
    expect(await page.locator('#claim-actions').getAttribute('data-version')).toBe(String(target.version));

    const moved = await t
      .http()
      .post(`/claims/${target.id}/transitions`)
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ to: 'dismissed', expectedVersion: target.version, note: 'An opinion' });
    expect(moved.status).toBe(200);

    const form = page.locator('form[data-move="sourced"]');
    await form.getByLabel('Source URL').fill('https://example.org/too-late');
    await form.getByRole('button', { name: 'Mark sourced' }).click();
    await page.locator('#result', { hasText: 'Someone moved this claim first' }).waitFor();
    expect(await text(page.locator('#result'))).toContain('Someone moved this claim first: an editor');
    expect(await text(page.locator('#result'))).toContain(`now at version ${moved.body.version}`);
    await browser.screenshot('browser-3-workbench-stale-version');
    const { rows } = await t.db.query(`SELECT status FROM claims WHERE id = $1`, [target.id]);
    expect(rows[0].status).toBe('dismissed');
    await signOut();
  });

  it('shows the new colour and summary on the editor page', async () => {
    const page = browser.page;
    await signIn(people.editor, `/ui/articles/${articleId}`);
    expect(await claimOnPage(claims[0].id)).toEqual({ status: 'sourced', background: BACKGROUND.sourced });
    expect((await claimOnPage(claims[1].id)).status).toBe('dismissed');
    expect((await claimOnPage(claims[2].id)).status).toBe('unverified');
    const counted = claims.length;
    expect(await text(page.getByTestId('verdict-percent'))).toBe(`${Math.round((2 / counted) * 100)}%`);
    expect(await text(page.locator('.legend [data-count="sourced"]').first())).toBe('1');
    expect(await text(page.locator('.legend [data-count="unverified"]').first())).toBe(String(counted - 2));

    await page.locator(`[data-claim-id="${claims[0].id}"]`).first().click();
    await page.waitForURL(/claim=/);
    expect(await text(page.locator('.claim-detail .sources'))).toContain('NBC News report');
    expect(await text(page.locator('.claim-detail .timeline'))).toContain('Ada Reviewer moved it');
    await browser.screenshot('browser-4-editor-article-after');
    await signOut();
  });

  it('shows candidates faintly and lets the editor promote one to a claim in review', async () => {
    const page = browser.page;
    const candidates = (await api(`/articles/${articleId}/claims?tier=candidate`)).body.items as (Claim & {
      text: string;
    })[];
    const candidate = candidates.find((c) => c.text.startsWith('At the time, Russia’s main demand'))!;
    await signIn(people.editor, `/ui/articles/${articleId}`);
    expect(await claimOnPage(candidate.id)).toEqual({ status: 'candidate', background: 'rgba(0, 0, 0, 0)' });
    expect(await page.locator('.candidate-list li').count()).toBe(candidates.length);
    expect(await text(page.locator('.candidates summary'))).toBe(`${candidates.length} candidates below the threshold`);
    expect(await text(page.locator('.candidates .legend-line'))).toContain('not queued or counted until promoted');
    await browser.screenshot('browser-candidates-1-faint');

    await page.locator(`[data-promote="${candidate.id}"]`).click();
    await page.waitForURL(new RegExp(`claim=${candidate.id}`));
    expect(await text(page.locator('.claim-detail h2'))).toBe('Claim Unverified');
    expect(await text(page.locator('.claim-detail .timeline'))).toContain(
      'Eda Editor (editor) moved it Candidate → Unverified',
    );
    expect(await claimOnPage(candidate.id)).toEqual({ status: 'unverified', background: BACKGROUND.unverified });
    expect(await page.locator('.candidate-list li').count()).toBe(candidates.length - 1);
    expect((await api(`/claims/${candidate.id}`)).body.status).toBe('unverified');
    await browser.screenshot('browser-candidates-2-promoted');
    await signOut();
  });

  it('gives the admin the overview and the queue dashboard', async () => {
    const page = browser.page;
    await signIn(people.admin, '/ui/admin');
    await page.locator('#reviewers-heading').waitFor();
    expect(await text(page.locator('svg[aria-label="Backlog per reviewer"]'))).toContain('Ada Reviewer');
    expect(await page.locator('svg[aria-label^="Verdicts per day"] rect.fill-sourced').count()).toBe(1);
    await page.locator('[data-queue="claim-review"]').waitFor();
    await browser.screenshot('browser-5-admin-overview');

    await page.getByRole('link', { name: 'Open the queue dashboard →' }).click();
    await page.waitForURL(/\/admin\/queues\/ui/);
    await page.getByText('article-extraction').first().waitFor({ timeout: 15_000 });
    await browser.screenshot('browser-6-queue-dashboard');
  });

  it('saw no script errors and no Content-Security-Policy violations', () => {
    // The 409 of the stale-version test is the answer that test expects; Chromium logs every 4xx fetch.
    expect(browser.problems.filter((p) => !/status of 409 \(Conflict\)/.test(p))).toEqual([]);
    expect(browser.problems.some((p) => /Refused to|Content Security Policy/i.test(p))).toBe(false);
  });
});
