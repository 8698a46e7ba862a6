import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { csrfTokenFor, CSRF_FIELD } from '../src/auth/request-origin';
import { DEMO_ARTICLE_PATH } from '../src/common/repo-paths';
import { launchBrowser, signInThroughPages, type TestBrowser } from './helpers/browser';
import { startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';

const DEMO_ARTICLE = readFileSync(DEMO_ARTICLE_PATH, 'utf8');
const DEMO_TITLE = DEMO_ARTICLE.split('\n')[0].trim();
const UNDO_SECONDS = 8;

interface Claim {
  id: string;
  status: string;
  version: number;
  assigneeId: string | null;
}

/** Reviewer and editor side by side, each in a browser of their own: shortcuts, undo, time zones, live updates, small screens. */
describe('the workbench and the article page, live (two Chromium contexts)', () => {
  jest.setTimeout(60_000);
  let t: TestService;
  let closed = false;
  let reviewerBrowser: TestBrowser;
  let editorBrowser: TestBrowser;
  let editorKey: string;
  let reviewer: { id: string; key: string };
  let people: Record<'editor' | 'reviewer', TestPerson>;
  let articleId: string;

  const claim = async (id: string): Promise<Claim> =>
    (await t.http().get(`/claims/${id}`).set('Authorization', `Bearer ${editorKey}`)).body;
  const inHand = (page: Page) => page.locator('#claim-actions').getAttribute('data-claim-id') as Promise<string>;
  const deskFactChecks = async (claimId: string) =>
    Number((await t.db.query(`SELECT count(*) FROM fact_checks WHERE source_claim_id = $1`, [claimId])).rows[0].count);

  beforeAll(async () => {
    t = await startTestService(11, {
      name: 'workbench-live',
      env: { VERDICT_UNDO_SECONDS: String(UNDO_SECONDS), DESK_TIME_ZONE: 'UTC' },
      startTimeoutMs: 60_000,
    });
    editorKey = await t.createKey('editor');
    reviewer = await t.createReviewer({ name: 'Ada Reviewer', capacity: 100 });
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ title: DEMO_TITLE, body: DEMO_ARTICLE });
    articleId = posted.body.id;
    await waitFor(
      async () => {
        const body = (await t.http().get(`/articles/${articleId}`).set('Authorization', `Bearer ${editorKey}`)).body;
        return (
          body.status === 'ready' &&
          body.claims.length > 3 &&
          body.claims.every((c: Claim) => c.assigneeId === reviewer.id)
        );
      },
      'extraction and assignment of the demo article',
      30_000,
    );
    people = {
      editor: await t.createPerson('editor', { name: 'Eda Editor' }),
      reviewer: await t.createPerson('reviewer', { name: 'Ada Reviewer', reviewerId: reviewer.id }),
    };
    reviewerBrowser = await launchBrowser(t.url);
    editorBrowser = await launchBrowser(t.url);
    await signInThroughPages(reviewerBrowser.page, people.reviewer, '/ui/review');
    await signInThroughPages(editorBrowser.page, people.editor, `/ui/articles/${articleId}`);
  }, 180_000);

  afterAll(async () => {
    await reviewerBrowser?.close();
    await editorBrowser?.close();
    if (!closed) await t?.close();
  });

  it('lists the keyboard shortcuts, and works a claim with keys alone: n, s, the URL, Enter', async () => {
    const page = reviewerBrowser.page;
    const shortcuts = page.getByRole('region', { name: 'Keyboard shortcuts' });
    expect(await shortcuts.locator('kbd').allTextContents()).toEqual(
      expect.arrayContaining(['n', 's', 'd', 'x', '/', 'u']),
    );

    await page.keyboard.press('n');
    await page.waitForURL(/claim=/);
    const first = await inHand(page);
    // Letters typed into a field are text, not shortcuts.
    await page.keyboard.press('d');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('disputed-note');
    await page.keyboard.type('n');
    expect(await inHand(page)).toBe(first);
    expect(await page.locator('#disputed-note').inputValue()).toBe('n');
    await page.keyboard.press('Escape');

    await page.keyboard.press('s');
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('sourced-url');
    await page.keyboard.type('https://www.reuters.com/world/peace-talks');
    await page.keyboard.press('Enter');
    await page.waitForURL(/moved=/);
    await reviewerBrowser.screenshot('workbench-live-1-after-keyboard-verdict');
    expect(await claim(first)).toMatchObject({ status: 'sourced', assigneeId: null });
    expect(reviewerBrowser.problems).toEqual([]);
  });

  it('undoes the verdict just given (u): unverified and the reviewer’s again, its fact-check withdrawn', async () => {
    const page = reviewerBrowser.page;
    const claimId = new URL(page.url()).searchParams.get('moved')!;
    await waitFor(async () => (await deskFactChecks(claimId)) === 1, 'the desk’s fact-check of the verdict');
    expect(await page.getByRole('button', { name: 'Undo' }).isVisible()).toBe(true);

    await page.keyboard.press('u');
    await page.waitForURL(/undone=1/);
    expect(await page.locator('#flash').textContent()).toContain('Your verdict is undone');
    expect(await claim(claimId)).toMatchObject({ status: 'unverified', assigneeId: reviewer.id });
    const history = (await t.http().get(`/claims/${claimId}/events`).set('Authorization', `Bearer ${editorKey}`)).body
      .items;
    expect(history.at(-1)).toMatchObject({
      type: 'verdict_undone',
      fromStatus: 'sourced',
      toStatus: 'unverified',
      actorUserId: people.reviewer.id,
    });
    await waitFor(async () => (await deskFactChecks(claimId)) === 0, 'the fact-check of the undone verdict to go');
  });

  it('refuses an undo after VERDICT_UNDO_SECONDS (409 undo_expired) and to anyone but the verdict’s reviewer (403)', async () => {
    const { body: open } = await t
      .http()
      .get(`/claims?assigneeId=${reviewer.id}&status=unverified`)
      .set('Authorization', `Bearer ${editorKey}`);
    const target: Claim = open.items[0];
    const moved = await t
      .http()
      .post(`/claims/${target.id}/transitions`)
      .set('Authorization', `Bearer ${reviewer.key}`)
      .send({ to: 'dismissed', expectedVersion: target.version, note: 'An opinion' });
    expect(moved.status).toBe(200);

    const other = await t.createReviewer({ name: 'Other Reviewer' });
    const byOther = await t
      .http()
      .post(`/claims/${target.id}/undo`)
      .set('Authorization', `Bearer ${other.key}`)
      .send({ expectedVersion: moved.body.version });
    expect(byOther.status).toBe(403);
    expect(byOther.body.code).toBe('forbidden');

    await new Promise((elapsed) => setTimeout(elapsed, UNDO_SECONDS * 1000 + 300));
    const late = await t
      .http()
      .post(`/claims/${target.id}/undo`)
      .set('Authorization', `Bearer ${reviewer.key}`)
      .send({ expectedVersion: moved.body.version });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'undo_expired', details: { windowSeconds: UNDO_SECONDS } });
    expect((await claim(target.id)).status).toBe('dismissed');
  });

  it('shows the reviewer’s moves on the editor’s article page without a reload, side panel and forms included', async () => {
    const page = reviewerBrowser.page;
    await page.goto('/ui/review');
    const target = await inHand(page);

    // The editor has the same claim open in the side panel, with its forms.
    const editor = editorBrowser.page;
    await editor.goto(`/ui/articles/${articleId}?claim=${target}`);
    await editor.evaluate('window.loadedOnce = true');
    const stillToCheck = async () =>
      Number(/(\d+) still to check/.exec(await editor.locator('section.summary').innerText())?.[1]);
    const openBefore = await stillToCheck();
    expect(await editor.locator('.sidebar #note-dismissed').count()).toBe(1);

    await page.keyboard.press('x');
    await page.keyboard.type('Not checkable: an opinion');
    await page.keyboard.press('Control+Enter');
    await page.waitForURL(/moved=/);
    const dismissed = await claim(target);
    expect(dismissed.status).toBe('dismissed');

    const mark = editor.locator(`.article-text [data-claim-id="${target}"]`);
    await editor.waitForFunction(
      `document.querySelector('.article-text [data-claim-id="${target}"]').getAttribute('data-status') === 'dismissed'`,
    );
    expect(await mark.getAttribute('class')).toContain('status-dismissed');
    expect(await editor.locator('#live li').first().textContent()).toContain('Ada Reviewer moved');
    // The Verification panel is the server's again: one claim fewer to check.
    await editor.locator('section.summary', { hasText: `${openBefore - 1} still to check` }).waitFor();
    // The side panel too: the claim's status and history, and the forms a dismissed claim offers, at its new version.
    const reopen = editor.locator('.sidebar form:has(#note-unverified)');
    await reopen.waitFor();
    expect(await editor.locator('.sidebar #note-dismissed').count()).toBe(0);
    expect(await editor.locator('.claim-detail .timeline').innerText()).toContain('Ada Reviewer');
    expect(await reopen.locator('input[name="expectedVersion"]').inputValue()).toBe(String(dismissed.version));
    expect(await editor.evaluate('window.loadedOnce')).toBe(true);
    await editorBrowser.screenshot('workbench-live-2-article-page-live');

    // Acting from the refreshed panel is not a stale-version answer: the move is made.
    await reopen.getByLabel('Note').fill('Another look: the quote is checkable');
    await reopen.getByRole('button', { name: 'Reopen' }).click();
    await editor.waitForURL(/notice=moved/);
    expect(await claim(target)).toMatchObject({ status: 'unverified', version: dismissed.version + 1 });
    expect(editorBrowser.problems).toEqual([]);
  });

  it('shows a new article’s claims by themselves when extraction ends, and stops saying they are being extracted', async () => {
    // No worker: the article waits in the queue while the page is open.
    await t.stopWorker(t.workers[0]);
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ title: 'Budget figures', body: DEMO_ARTICLE.split('\n\n').slice(1, 6).join('\n\n') });
    expect(posted.status).toBe(202);
    const editor = editorBrowser.page;
    await editor.goto(`/ui/articles/${posted.body.id}?notice=posted`);
    await editor.evaluate('window.loadedOnce = true');
    expect(await editor.locator('[data-extracting]').count()).toBe(1);
    expect(await editor.locator('#notice').innerText()).toContain('being extracted');
    expect(await editor.locator('.article-text [data-claim-id]').count()).toBe(0);

    await t.startWorker();
    await editor
      .locator('.article-text [data-claim-id][data-status="unverified"]')
      .first()
      .waitFor({ timeout: 30_000 });
    await editor.locator('[data-extracting]').waitFor({ state: 'detached' });
    expect(await editor.locator('#notice').count()).toBe(0);
    expect(await editor.locator('.article-head').innerText()).toMatch(/\d+ claims/);
    expect(await editor.locator('.sidebar .claim-list li').count()).toBeGreaterThan(0);
    expect(new URL(editor.url()).searchParams.has('notice')).toBe(false);
    expect(await editor.evaluate('window.loadedOnce')).toBe(true);
    expect(editorBrowser.problems).toEqual([]);
  });

  it('tells the reviewer on the workbench when an editor moves one of their claims', async () => {
    const page = reviewerBrowser.page;
    await page.goto('/ui/review');
    const listed = await page.locator('#open-claims a[data-claim-id]').nth(1).getAttribute('data-claim-id');
    const target = await claim(listed!);
    const moved = await t
      .http()
      .post(`/claims/${target.id}/transitions`)
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ to: 'disputed', expectedVersion: target.version, note: 'Contradicted by the record' });
    expect(moved.status).toBe(200);
    await page.locator('#live li', { hasText: 'to disputed' }).waitFor();
    expect(await page.locator('#live').isVisible()).toBe(true);
    await reviewerBrowser.screenshot('workbench-live-3-workbench-told');
  });

  it('refuses a live stream of an article that is not there, and a workbench stream to an editor', async () => {
    const editor = editorBrowser.page;
    const missing = await editor.request.get('/ui/live?article=00000000-0000-4000-8000-000000000000');
    expect(missing.status()).toBe(404);
    const workbench = await editor.request.get('/ui/live?workbench=1');
    expect(workbench.status()).toBe(403);
  });

  it('shows dates in the person’s own time zone, chosen on the account page', async () => {
    const page = reviewerBrowser.page;
    await page.goto('/ui/account');
    await page.getByLabel('Time zone').selectOption('America/New_York');
    await page.getByRole('button', { name: 'Save time zone' }).click();
    await page.waitForURL(/\/ui\/account$/);
    expect(await page.locator('[data-time-zone]').last().textContent()).toBe('America/New_York');
    await page.goto('/ui/review');
    expect(await page.locator('#open-claims .muted').first().textContent()).toMatch(
      /lease to \d{1,2} \w{3} \d{4}, \d{2}:\d{2} GMT-5/,
    );
    const csrf = (await page.locator('meta[name="csrf-token"]').getAttribute('content'))!;
    // A name that is none, and one ICU still takes but the database's time zone data dropped.
    for (const timeZone of ['Mars/Olympus_Mons', 'US/Pacific-New']) {
      const bad = await page.request.post('/ui/account/time-zone', { form: { timeZone, _csrf: csrf } });
      expect({ timeZone, status: bad.status() }).toEqual({ timeZone, status: 400 });
    }
    await page.goto('/ui/account');
    expect(await page.locator('[data-time-zone]').last().textContent()).toBe('America/New_York');
  });

  it('fits a 360 px screen without sideways scrolling, article page and workbench', async () => {
    for (const [browser, path, name] of [
      [editorBrowser, `/ui/articles/${articleId}`, 'workbench-live-4-article-360px'],
      [reviewerBrowser, '/ui/review', 'workbench-live-5-workbench-360px'],
    ] as const) {
      await browser.page.setViewportSize({ width: 360, height: 740 });
      await browser.page.goto(path);
      const { scrollWidth, clientWidth } = await browser.page.evaluate<{ scrollWidth: number; clientWidth: number }>(
        '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
      );
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      await browser.screenshot(name);
      await browser.page.setViewportSize({ width: 1400, height: 1000 });
    }
  });

  it('copies the article body as its plain text, without the hidden status labels', async () => {
    const editor = editorBrowser.page;
    await editor.goto(`/ui/articles/${articleId}`);
    const body = editor.locator('.article-text .body');
    expect(await body.locator('.visually-hidden').count()).toBeGreaterThan(0);
    await editorBrowser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await body.evaluate((element) => {
      const range = element.ownerDocument.createRange();
      range.selectNodeContents(element);
      element.ownerDocument.getSelection()!.removeAllRanges();
      element.ownerDocument.getSelection()!.addRange(range);
    });
    await editor.keyboard.press('Control+C');
    const copied = await editor.evaluate<string>('navigator.clipboard.readText()');
    const article = (await t.http().get(`/articles/${articleId}`).set('Authorization', `Bearer ${editorKey}`)).body;
    expect(copied).not.toContain('(claim,');
    expect(copied.replace(/\s+/g, ' ').trim()).toBe(article.body.replace(/\s+/g, ' ').trim());
  });

  it('answers a non-admin on the queue dashboard with a readable 403 page, and gives admins a way back to the desk', async () => {
    const response = await editorBrowser.page.goto('/admin/queues/ui');
    expect(response!.status()).toBe(403);
    expect(response!.headers()['content-type']).toContain('text/html');
    expect(await editorBrowser.page.getByRole('heading', { level: 1 }).textContent()).toBe('Not for your role');
    await editorBrowser.screenshot('workbench-live-6-queues-403');
    const asAdmin = await t
      .http()
      .get('/admin/queues/ui')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .set('Accept', 'text/html');
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.text).toContain('Back to the desk');
  });

  interface LiveStream {
    status: number;
    text: () => string;
    done: () => boolean;
    close: () => void;
  }

  /** Opens /ui/live as a page would and keeps what it is sent. */
  const openStream = async (headers: Record<string, string>, url = t.url): Promise<LiveStream> => {
    const controller = new AbortController();
    const response = await fetch(`${url}/ui/live?article=${articleId}`, { headers, signal: controller.signal });
    let text = '';
    let done = false;
    void (async () => {
      const decoder = new TextDecoder();
      try {
        for await (const chunk of response.body!) text += decoder.decode(chunk, { stream: true });
      } catch {
        // Aborted by the test.
      }
      done = true;
    })();
    if (response.status === 200) await waitFor(async () => text.includes('retry:'), 'the stream to open');
    return { status: response.status, text: () => text, done: () => done, close: () => controller.abort() };
  };
  const moveAnUnverifiedClaim = async () => {
    const body = (await t.http().get(`/articles/${articleId}`).set('Authorization', `Bearer ${editorKey}`)).body;
    const target = body.claims.find((c: Claim) => c.status === 'unverified');
    const moved = await t
      .http()
      .post(`/claims/${target.id}/transitions`)
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ to: 'dismissed', expectedVersion: target.version, note: 'Not checkable' });
    expect(moved.status).toBe(200);
  };

  it('ends a live stream when its session signs out: the next change sends it nothing', async () => {
    const cookie = await t.signIn(people.editor);
    const stream = await openStream({ Cookie: cookie });
    expect(stream.status).toBe(200);
    const signedOut = await t
      .http()
      .post('/ui/logout')
      .set('Cookie', cookie)
      .type('form')
      .send({ [CSRF_FIELD]: csrfTokenFor(cookie.split('=')[1]) });
    expect(signedOut.status).toBe(303);
    await moveAnUnverifiedClaim();
    await waitFor(async () => stream.done(), 'the stream to close');
    expect(stream.text()).not.toContain('event: claim');
  });

  it('ends a live stream when its person is deactivated', async () => {
    const person = await t.createPerson('editor');
    const stream = await openStream({ Cookie: await t.signIn(person) });
    expect(stream.status).toBe(200);
    const deactivated = await t
      .http()
      .patch(`/admin/users/${person.id}`)
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ active: false });
    expect(deactivated.status).toBe(200);
    await moveAnUnverifiedClaim();
    await waitFor(async () => stream.done(), 'the stream to close');
    expect(stream.text()).not.toContain('event: claim');
  });

  it('ends a live stream when its key is revoked, even with no change to send', async () => {
    const issued = await t
      .http()
      .post('/admin/keys')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ name: 'live key', role: 'editor' });
    const stream = await openStream({ Authorization: `Bearer ${issued.body.key}` });
    expect(stream.status).toBe(200);
    await t.http().delete(`/admin/keys/${issued.body.id}`).set('Authorization', `Bearer ${t.adminKey}`);
    await waitFor(async () => stream.done(), 'the stream to close', 20_000);
  });

  it('holds at most 10 live streams per key at once (the 11th: 429), and a closed stream frees its slot', async () => {
    const key = { Authorization: `Bearer ${await t.createKey('editor')}` };
    const streams = await Promise.all(Array.from({ length: 10 }, () => openStream(key)));
    expect(streams.map((s) => s.status)).toEqual(Array.from({ length: 10 }, () => 200));
    const eleventh = await openStream(key);
    expect(eleventh.status).toBe(429);
    // Another key (or person) is counted apart.
    const other = await openStream({ Authorization: `Bearer ${editorKey}` });
    expect(other.status).toBe(200);

    streams[0].close();
    const again = await waitFor(async () => {
      const next = await openStream(key);
      if (next.status === 200) return next;
      next.close();
      return null;
    }, 'a slot to be freed');
    for (const stream of [...streams, again, other]) stream.close();
  });

  it('holds the limit of 10 live streams over every api process: 6 on one and 5 on another is 429', async () => {
    const other = await t.startApi();
    const key = { Authorization: `Bearer ${await t.createKey('editor')}` };
    const here = await Promise.all(Array.from({ length: 6 }, () => openStream(key)));
    const there = await Promise.all(Array.from({ length: 4 }, () => openStream(key, other)));
    expect([...here, ...there].map((s) => s.status)).toEqual(Array.from({ length: 10 }, () => 200));
    const eleventh = await openStream(key, other);
    expect(eleventh.status).toBe(429);

    here[0].close();
    const again = await waitFor(async () => {
      const next = await openStream(key, other);
      if (next.status === 200) return next;
      next.close();
      return null;
    }, 'a slot to be freed on the other process');
    for (const stream of [...here, ...there, again]) stream.close();
  });

  it('stops the api promptly while pages still hold live streams open', async () => {
    await reviewerBrowser.page.goto('/ui/review');
    expect(await reviewerBrowser.page.locator('[data-live-source]').count()).toBe(1);
    closed = true;
    expect(await t.close(8000)).toEqual([]);
  });
});
