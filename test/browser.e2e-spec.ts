import { readFileSync } from 'node:fs';
import { DEMO_ARTICLE_PATH } from '../src/common/repo-paths';
import type { Locator } from 'playwright-core';
import { launchBrowser, signInThroughPages, type TestBrowser } from './helpers/browser';
import { startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';

const DEMO_ARTICLE = readFileSync(DEMO_ARTICLE_PATH, 'utf8');
const DEMO_TITLE = DEMO_ARTICLE.split('\n')[0].trim();

/** The colours of ui.css, as the browser computes them. */
const BACKGROUND = { unverified: 'rgb(253, 240, 200)', sourced: 'rgb(213, 240, 221)' };

interface Box {
  top: number;
  bottom: number;
}

interface PhoneLayout {
  viewportWidth: number;
  scrollWidth: number;
  /** Tables that neither are nor sit in a box that scrolls sideways. */
  tablesOutsideAScrollBox: string[];
  /** Words of up to 24 characters broken over lines (a squeezed column or label breaks them letter by letter). */
  wordsBroken: string[];
}

/** Measures the page as it is laid out now (run in the page; the test's types have no DOM). */
const PHONE_LAYOUT = `(() => {
  const tablesOutsideAScrollBox = [];
  for (const table of document.querySelectorAll('main table')) {
    let boxed = false;
    for (let el = table; el && el !== document.body; el = el.parentElement) {
      const overflow = getComputedStyle(el).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') boxed = true;
    }
    if (!boxed) tablesOutsideAScrollBox.push(table.className || 'table');
  }
  // A word laid out on more than one line was broken inside (a break at a hyphen, a dash, an ellipsis or a slash is no
  // break). Only a long run (an address, a key) may break to fit: main's overflow-wrap lets it rather than scroll the
  // page sideways.
  const wordsBroken = [];
  const main = document.querySelector('main');
  const walker = document.createTreeWalker(main ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || node.parentElement.closest('.visually-hidden, svg, script, style')) continue;
    for (const word of node.textContent.matchAll(/[^\\s\\-\\/\u2013\u2014\u2026\u200b]+/g)) {
      if (word[0].length > 24) continue;
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
      if (rects.some((r) => Math.abs(r.top - rects[0].top) > rects[0].height / 2)) wordsBroken.push(word[0]);
    }
  }
  return {
    viewportWidth: window.innerWidth,
    scrollWidth: document.scrollingElement.scrollWidth,
    tablesOutsideAScrollBox,
    wordsBroken,
  };
})()`;

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

  it('fits every page on a 390 × 844 phone: no sideways scroll, tables scroll in their own box, words stay whole, nothing covers the forms', async () => {
    const page = browser.page;
    const PHONE = { width: 390, height: 844 };
    const checked: Record<string, PhoneLayout> = {};
    const visit = async (name: string, path: string) => {
      await page.goto(path);
      checked[name] = await page.evaluate<PhoneLayout>(PHONE_LAYOUT);
      await browser.screenshot(`browser-phone-${name}`);
    };
    await page.setViewportSize(PHONE);
    try {
      // The README's pictures, at a desktop's size (the admin is still signed in from the test before).
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`/ui/articles/${articleId}?claim=${claims[0].id}`);
      await browser.screenshot('readme-article-page', false);
      await page.setViewportSize(PHONE);
      // The admin is still signed in from the test before.
      await visit('overview', '/ui/admin');
      for (const [name, path] of [
        ['queues', '/ui/admin/queues'],
        ['people', '/ui/admin/people'],
        ['reviewers', '/ui/admin/reviewers'],
        ['reviewer', `/ui/admin/reviewers/${reviewer.id}`],
        ['keys', '/ui/admin/keys'],
        ['integrators', '/ui/admin/integrators'],
        ['settings', '/ui/admin/settings'],
        ['audit-log', '/ui/admin/audit'],
        ['articles', '/ui/articles'],
        ['new-article', '/ui/articles/new'],
        ['revision', `/ui/articles/${articleId}/revise`],
        ['search', '/ui/search?q=peace+talks'],
        ['account', '/ui/account'],
      ] as const)
        await visit(name, path);

      // The article page with a claim chosen: its panel is on screen with the passage, and covers nothing of it.
      const chosen = claims[2].id;
      await visit('article', `/ui/articles/${articleId}?claim=${chosen}#passage-${chosen}`);
      const beside = await page.evaluate<{ passage: Box; panel: Box; passageSeen: boolean }>(`(() => {
        const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
        const mark = document.getElementById('passage-${chosen}');
        const r = mark.getClientRects()[0];
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { passage: box(mark), panel: box(document.getElementById('claim-heading')), passageSeen: mark.contains(hit) };
      })()`);
      expect(beside.passage.top).toBeGreaterThanOrEqual(0);
      expect(beside.passage.top).toBeLessThan(PHONE.height);
      expect(beside.panel.top).toBeGreaterThanOrEqual(0);
      expect(beside.panel.bottom).toBeLessThanOrEqual(PHONE.height);
      expect(beside.passageSeen).toBe(true);
      await browser.screenshot('browser-phone-article-viewport', false);
      await signOut();
      checked['sign-in'] = await page.evaluate<PhoneLayout>(PHONE_LAYOUT);
      await browser.screenshot('browser-phone-sign-in');
      // What readers see signed out: the desk's published fact-checks.
      await visit('public-fact-checks', '/fact-checks');

      await signIn(people.reviewer, '/ui/review');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.goto(`/ui/review?claim=${claims[2].id}`);
      await browser.screenshot('readme-workbench', false);
      await page.setViewportSize(PHONE);
      await visit('workbench', `/ui/review?claim=${claims[2].id}`);
      // Wherever the reviewer scrolls a verdict form to, it is the form that is there, not the list of claims.
      for (const block of ['start', 'center', 'end']) {
        const seen = await page.evaluate<boolean>(`(() => {
          const form = document.querySelector('form[data-move]');
          form.scrollIntoView({ block: '${block}' });
          const r = form.getBoundingClientRect();
          const points = [[r.left + r.width / 2, r.top + r.height / 2], [r.left + 12, Math.max(r.top, 0) + 12], [r.left + 12, Math.min(r.bottom, innerHeight) - 12]];
          return points.every(([x, y]) => form.contains(document.elementFromPoint(x, y)));
        })()`);
        expect({ block, seen }).toEqual({ block, seen: true });
      }
      await browser.screenshot('browser-phone-workbench-form', false);
      await visit('reviewer-search', '/ui/search?q=peace+talks');
      await visit('reviewer-article', `/ui/articles/${articleId}`);
      await signOut();
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
    const misfits = Object.entries(checked).filter(
      ([, layout]) =>
        layout.viewportWidth !== PHONE.width ||
        layout.scrollWidth > PHONE.width ||
        layout.tablesOutsideAScrollBox.length > 0 ||
        layout.wordsBroken.length > 0,
    );
    expect(misfits).toEqual([]);
    expect(Object.keys(checked).length).toBeGreaterThanOrEqual(17);
  }, 180_000);

  it('saw no script errors and no Content-Security-Policy violations', () => {
    // The 409 of the stale-version test is the answer that test expects; Chromium logs every 4xx fetch.
    expect(browser.problems.filter((p) => !/status of 409 \(Conflict\)/.test(p))).toEqual([]);
    expect(browser.problems.some((p) => /Refused to|Content Security Policy/i.test(p))).toBe(false);
  });
});
