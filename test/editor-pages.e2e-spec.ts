import { readFileSync } from 'node:fs';
import type { Response as PageResponse } from 'playwright-core';
import { DEMO_ARTICLE_PATH } from '../src/common/repo-paths';
import { launchBrowser, signInThroughPages, type TestBrowser } from './helpers/browser';
import { startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';

const DEMO_ARTICLE = readFileSync(DEMO_ARTICLE_PATH, 'utf8');
const DEMO_TITLE = DEMO_ARTICLE.split('\n')[0].trim();
const DEMO_BODY = DEMO_ARTICLE.slice(DEMO_ARTICLE.indexOf('\n') + 1).trim();
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

interface Claim {
  id: string;
  start: number;
  end: number;
  text: string;
  type: string;
  checkworthiness: number;
  status: string;
  version: number;
  assigneeId: string | null;
}

/** The stretches of the body between claims that hold at least `min` characters of text, trimmed. */
function uncoveredPassages(body: string, claims: Claim[], min = 40): { start: number; end: number }[] {
  const spans = [...claims].sort((a, b) => a.start - b.start);
  const gaps: { start: number; end: number }[] = [];
  let cursor = 0;
  for (const claim of [...spans, { start: body.length, end: body.length }]) {
    if (claim.start > cursor) {
      const text = body.slice(cursor, claim.start);
      const start = cursor + (text.length - text.trimStart().length);
      const end = claim.start - (text.length - text.trimEnd().length);
      // One line of the gap: a selection within a paragraph, as a person would make it.
      const line = body.slice(start, end).split('\n')[0];
      if (line.trim().length >= min) gaps.push({ start, end: start + line.trimEnd().length });
    }
    cursor = Math.max(cursor, claim.end);
  }
  return gaps;
}

describe('an editor works the desk from the article pages (Chromium, strict CSP)', () => {
  jest.setTimeout(45_000);
  let t: TestService;
  let browser: TestBrowser;
  let editorKey: string;
  let ada: { id: string };
  let bo: { id: string };
  let people: Record<'editor' | 'reviewer', TestPerson>;
  let articleId: string;
  let body: string;
  let claims: Claim[];

  const api = async (path: string) => {
    const response = await t.http().get(path).set('Authorization', `Bearer ${editorKey}`);
    if (response.status !== 200) throw new Error(`GET ${path}: ${response.status}`);
    return response.body;
  };
  const claimOf = (id: string): Promise<Claim> => api(`/claims/${id}`);
  const text = async (selector: string) =>
    ((await browser.page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

  /** Every response the page navigates to while `act` runs, to see the status of a refused form. */
  async function documentStatus(act: () => Promise<unknown>): Promise<number> {
    const seen: PageResponse[] = [];
    const listen = (response: PageResponse) => response.request().isNavigationRequest() && seen.push(response);
    browser.page.on('response', listen);
    await act();
    await browser.page.waitForLoadState();
    browser.page.off('response', listen);
    return seen[seen.length - 1].status();
  }

  const moveForm = (to: string) => browser.page.locator(`form[data-move="${to}"]`);

  async function openClaim(claimId: string): Promise<void> {
    await browser.page.goto(`/ui/articles/${articleId}?claim=${claimId}`);
    await browser.page.locator(`[data-claim-detail="${claimId}"]`).waitFor();
  }

  beforeAll(async () => {
    t = await startTestService(11, { name: 'editor-pages' });
    editorKey = await t.createKey('editor');
    ada = await t.createReviewer({ name: 'Ada Reviewer', capacity: 100 });
    // Bo reviews French only: never given these claims by the queue, so only a hand assignment reaches him.
    bo = await t.createReviewer({ name: 'Bo Reviewer', languages: ['fr'], capacity: 5 });
    people = {
      editor: await t.createPerson('editor', { name: 'Eda Editor' }),
      reviewer: await t.createPerson('reviewer', { name: 'Ada Reviewer', reviewerId: ada.id }),
    };
    browser = await launchBrowser(t.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('posts an article from the article list and lands on its page', async () => {
    const page = browser.page;
    await signInThroughPages(page, people.editor, '/ui/articles');
    await page.getByRole('link', { name: 'Post article', exact: true }).click();
    await page.waitForURL(/\/ui\/articles\/new$/);
    await page.getByLabel('Title', { exact: true }).fill(DEMO_TITLE);
    await page.getByLabel('Body', { exact: true }).fill(DEMO_BODY);
    await page.getByLabel('URL', { exact: true }).fill('https://www.antiwar.com/');
    await page.getByLabel('Language', { exact: true }).fill('en');
    await page.getByLabel('Topics', { exact: true }).fill('Diplomacy, war');
    await browser.screenshot('editor-1-post-article-form');
    await page.getByRole('button', { name: 'Post article', exact: true }).click();
    await page.waitForURL(new RegExp(`/ui/articles/${UUID}\\?notice=posted$`));
    articleId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await text('#notice')).toContain('The article was posted');

    const posted = await waitFor(
      async () => {
        const article = await api(`/articles/${articleId}`);
        return article.status === 'ready' &&
          article.claims.length > 0 &&
          article.claims.every((c: Claim) => c.assigneeId === ada.id)
          ? article
          : null;
      },
      'extraction and assignment of the posted article',
      30_000,
    );
    expect({
      title: posted.title,
      url: posted.url,
      language: posted.language,
      topics: posted.topics,
      revision: posted.revision,
    }).toEqual({
      title: DEMO_TITLE,
      url: 'https://www.antiwar.com/',
      language: 'en',
      topics: ['diplomacy', 'war'],
      revision: 1,
    });
    expect(posted.body).toBe(DEMO_BODY);
    body = posted.body;
    claims = posted.claims;
    await page.reload();
    expect(await page.locator('.article-text [data-claim-id]:not([data-status="candidate"])').count()).toBe(
      claims.length,
    );
    await browser.screenshot('editor-2-posted-article');
    await page.goto('/ui/articles');
    expect(await text(`tr[data-article-id="${articleId}"]`)).toContain('Eda Editor');
  });

  it('adds a passage selected in the text as a claim: the exact span, scored, typed and queued', async () => {
    const page = browser.page;
    const [gap] = uncoveredPassages(body, claims);
    const wanted = body.slice(gap.start, gap.end);
    await page.goto(`/ui/articles/${articleId}`);
    const button = page.getByRole('button', { name: 'Add as claim', exact: true });
    expect(await button.isDisabled()).toBe(true);

    // Select the span as a mouse would: a DOM range over the text nodes (screen-reader labels are not the body's text).
    await page.evaluate(`(() => {
      const root = document.querySelector('[data-article-body]');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, { acceptNode: (node) => (node.parentElement.closest('.visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
      const range = document.createRange();
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent.length;
        if (${gap.start} >= offset && ${gap.start} <= offset + length) range.setStart(node, ${gap.start} - offset);
        if (${gap.end} >= offset && ${gap.end} <= offset + length) { range.setEnd(node, ${gap.end} - offset); break; }
        offset += length;
      }
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    await waitFor(
      async () => !(await button.isDisabled()),
      'the Add as claim button to be enabled by the selection',
      5_000,
    );
    expect(await page.getByLabel('Passage', { exact: true }).inputValue()).toBe(wanted);
    await browser.screenshot('editor-3-passage-selected');
    await button.click();
    await page.waitForURL(new RegExp(`claim=(${UUID})&notice=added#passage-`));
    const claimId = new URL(page.url()).searchParams.get('claim')!;

    const added = await claimOf(claimId);
    expect({ start: added.start, end: added.end, text: added.text, status: added.status }).toEqual({
      start: gap.start,
      end: gap.end,
      text: wanted,
      status: 'unverified',
    });
    expect(['quantity', 'causal', 'prediction', 'rule', 'attribution', 'experience', 'other']).toContain(added.type);
    expect(added.checkworthiness).toBeGreaterThanOrEqual(0);
    const mark = page.locator(`.article-text [data-claim-id="${claimId}"]`);
    expect(await mark.getAttribute('class')).toContain('selected');
    expect(await text('#notice')).toContain('added as a claim');
    await browser.screenshot('editor-4-claim-added');
    // Queued like the others: the assignment processor gives it to the reviewer.
    await waitFor(async () => (await claimOf(claimId)).assigneeId === ada.id, 'the added claim to be assigned', 20_000);
  });

  it('adds a pasted passage through the plain form, and says readably when a passage is not in the text', async () => {
    const page = browser.page;
    const current = (await api(`/articles/${articleId}`)).claims as Claim[];
    const [gap] = uncoveredPassages(body, current);
    const wanted = body.slice(gap.start, gap.end);
    await page.goto(`/ui/articles/${articleId}`);
    // Pasted with other line breaks than the body's: the server finds the passage anyway.
    await page.getByLabel('Passage', { exact: true }).fill(wanted.replace(/ /g, '\n'));
    await page.getByRole('button', { name: 'Add as claim', exact: true }).click();
    await page.waitForURL(/notice=added/);
    const added = await claimOf(new URL(page.url()).searchParams.get('claim')!);
    expect({ start: added.start, end: added.end }).toEqual(gap);

    await page.getByLabel('Passage', { exact: true }).fill('A sentence this article never had.');
    const status = await documentStatus(() => page.getByRole('button', { name: 'Add as claim', exact: true }).click());
    expect(status).toBe(400);
    // The article page comes back around the refused form, the passage as typed.
    expect(await text('h1')).toBe(DEMO_TITLE);
    expect(await text('#refused')).toContain('passage: the passage is not in the article’s text');
    expect(await page.getByLabel('Passage', { exact: true }).inputValue()).toBe('A sentence this article never had.');
    await browser.screenshot('editor-5-passage-not-found');
  });

  it('keeps the reader’s place when a claim is chosen in the text', async () => {
    const page = browser.page;
    await page.setViewportSize({ width: 1100, height: 520 });
    try {
      await page.goto(`/ui/articles/${articleId}`);
      const last = [...claims].sort((a, b) => b.start - a.start)[0];
      const mark = page.locator(`.article-text [data-claim-id="${last.id}"]`);
      await mark.scrollIntoViewIfNeeded();
      expect(await page.evaluate('window.scrollY')).toBeGreaterThan(0);
      await mark.click();
      await page.waitForURL(new RegExp(`claim=${last.id}.*#passage-${last.id}$`));
      await page.locator(`[data-claim-detail="${last.id}"]`).waitFor();
      expect(await page.evaluate('window.scrollY')).toBeGreaterThan(0);
      const box = (await page.locator(`.article-text [data-claim-id="${last.id}"]`).boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeLessThan(520);
      await browser.screenshot('editor-6-claim-chosen-in-place');
    } finally {
      await page.setViewportSize({ width: 1400, height: 1000 });
    }
  });

  it('dismisses a claim with a note, then reopens it with another', async () => {
    const page = browser.page;
    const target = claims[0];
    await openClaim(target.id);
    await moveForm('dismissed')
      .getByLabel('Note', { exact: true })
      .fill('A description of the talks, not a checkable claim.');
    await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await page.waitForURL(/notice=moved/);
    expect(await page.locator(`.article-text [data-claim-id="${target.id}"]`).getAttribute('data-status')).toBe(
      'dismissed',
    );
    const dismissed = await claimOf(target.id);
    expect({ status: dismissed.status, assigneeId: dismissed.assigneeId }).toEqual({
      status: 'dismissed',
      assigneeId: null,
    });
    await browser.screenshot('editor-7-claim-dismissed');

    expect(await page.getByRole('button', { name: 'Dismiss', exact: true }).count()).toBe(0);
    await moveForm('unverified').getByLabel('Note', { exact: true }).fill('It names a figure after all; check it.');
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await page.waitForURL(/notice=moved/);
    expect((await claimOf(target.id)).status).toBe('unverified');
    const events = (await api(`/claims/${target.id}/events`)).items as {
      type: string;
      toStatus: string | null;
      note: string | null;
      actorUserId: string | null;
    }[];
    expect(events.filter((e) => e.type === 'transition').map((e) => [e.toStatus, e.note, e.actorUserId])).toEqual([
      ['dismissed', 'A description of the talks, not a checkable claim.', people.editor.id],
      ['unverified', 'It names a figure after all; check it.', people.editor.id],
    ]);
    await browser.screenshot('editor-8-claim-reopened');
  });

  it('assigns a claim to a reviewer, and hands it back to the pool', async () => {
    const page = browser.page;
    const target = claims[1];
    await openClaim(target.id);
    await page.getByLabel('Reviewer', { exact: true }).selectOption({ label: 'Bo Reviewer' });
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page.waitForURL(/notice=assigned/);
    expect((await claimOf(target.id)).assigneeId).toBe(bo.id);
    expect(await text('.claim-detail .facts')).toContain('Bo Reviewer');
    await browser.screenshot('editor-9-claim-assigned');

    await page.getByRole('button', { name: 'Back to the pool', exact: true }).click();
    await page.waitForURL(/notice=unassigned/);
    // Back in the pool, the queue may hand it to Ada straight away; it is no longer Bo's.
    expect((await claimOf(target.id)).assigneeId).not.toBe(bo.id);
    const events = (await api(`/claims/${target.id}/events`)).items as {
      type: string;
      reviewerId: string | null;
      actorUserId: string | null;
    }[];
    expect(events.filter((e) => e.actorUserId === people.editor.id).map((e) => [e.type, e.reviewerId])).toEqual([
      ['unassigned', ada.id],
      ['assigned', bo.id],
      ['unassigned', bo.id],
    ]);
    await browser.screenshot('editor-10-claim-back-to-pool');
  });

  it('answers a stale version with who moved the claim and when, and keeps the note to send again', async () => {
    const page = browser.page;
    const target = claims[2];
    await openClaim(target.id);
    const moved = await t
      .http()
      .post(`/claims/${target.id}/transitions`)
      .set('Authorization', `Bearer ${editorKey}`)
      .send({ to: 'disputed', expectedVersion: target.version, note: 'Contradicted' });
    expect(moved.status).toBe(200);
    await moveForm('dismissed').getByLabel('Note', { exact: true }).fill('Not a claim');
    const status = await documentStatus(() => page.getByRole('button', { name: 'Dismiss', exact: true }).click());
    expect(status).toBe(409);
    expect(await text('#refused')).toMatch(/Someone moved this claim first\. test editor \(editor\) moved it/);
    expect(await text('#refused')).toContain(`at version ${moved.body.version}`);
    expect(await text('main')).not.toContain('[object Object]');
    await browser.screenshot('editor-11-stale-version');
    expect((await claimOf(target.id)).status).toBe('disputed');
    // From disputed an editor may reopen: the kept note goes with it, on the current version.
    expect(await moveForm('unverified').getByLabel('Note', { exact: true }).inputValue()).toBe('Not a claim');
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await page.waitForURL(/notice=moved/);
    expect(await claimOf(target.id)).toMatchObject({ status: 'unverified', version: moved.body.version + 1 });
  });

  it('rates a verdict from the desk’s scale, which the desk may require', async () => {
    const page = browser.page;
    const settings = (body: object) =>
      t.http().patch('/admin/settings').set('Authorization', `Bearer ${t.adminKey}`).send(body);
    expect((await settings({ requireRating: true })).status).toBe(200);
    await openClaim(claims[0].id);
    const form = moveForm('sourced');
    const rating = form.getByLabel('Rating (required)');
    expect(await rating.locator('option').allTextContents()).toEqual([
      'Choose a rating',
      'True',
      'Mostly true',
      'Half true',
      'Missing context',
      'Misleading',
      'Mostly false',
      'False',
    ]);
    await form.getByLabel('Source URL').fill('https://example.org/figures');
    await rating.selectOption({ label: 'Mostly true' });
    await form.getByRole('button', { name: 'Mark sourced' }).click();
    await page.waitForURL(/notice=moved/);
    expect(await claimOf(claims[0].id)).toMatchObject({ status: 'sourced', rating: 'mostly-true' });
    expect(await text(`[data-claim-detail="${claims[0].id}"] [data-rating]`)).toBe('Mostly true');
    await settings({ requireRating: false });
  });

  it('posts a new revision from the article page: unchanged claims keep their ids, new text is extracted', async () => {
    const page = browser.page;
    await page.goto(`/ui/articles/${articleId}`);
    await page.getByRole('link', { name: 'Post a new revision' }).click();
    await page.waitForURL(/\/revise$/);
    const field = page.getByLabel('Body', { exact: true });
    expect(await field.inputValue()).toBe(body);
    const added = 'Officials said 40 delegates would meet in Geneva on 3 March to resume the talks.';
    await field.fill(`${body}\n\n${added}`);
    await browser.screenshot('editor-12-revision-form');
    await page.getByRole('button', { name: 'Post revision', exact: true }).click();
    await page.waitForURL(new RegExp(`/ui/articles/${articleId}\\?notice=revised$`));

    const revised = await waitFor(
      async () => {
        const article = await api(`/articles/${articleId}`);
        return article.revision === 2 && article.status === 'ready' ? article : null;
      },
      'the revision to be extracted',
      30_000,
    );
    expect(revised.body).toBe(`${body}\n\n${added}`);
    const ids = new Set((revised.claims as Claim[]).map((c) => c.id));
    expect(claims.every((c) => ids.has(c.id))).toBe(true);
    expect((revised.claims as Claim[]).some((c) => c.start > body.length)).toBe(true);
    await page.reload();
    await browser.screenshot('editor-13-revision-posted');
  });

  it('sets the article’s due date in the editor’s own time zone; its claims take it; Clear takes it off', async () => {
    const page = browser.page;
    await t.db.query(`UPDATE users SET time_zone = 'Europe/Berlin' WHERE id = $1`, [people.editor.id]);
    await page.goto(`/ui/articles/${articleId}`);
    const due = page.getByLabel('Due', { exact: true });
    await due.fill('not a date');
    expect(await due.inputValue()).toBe('');
    await due.fill('2031-06-01T09:30');
    await page.getByRole('button', { name: 'Set due date' }).click();
    await page.locator('#notice').waitFor();
    expect(await text('#notice')).toContain('The due date was saved');
    const article = await api(`/articles/${articleId}`);
    // 09:30 in Berlin's summer time is 07:30 UTC.
    expect(article.dueAt).toBe('2031-06-01T07:30:00.000Z');
    expect(new Set(article.claims.map((c: { dueAt: string | null }) => c.dueAt))).toEqual(
      new Set(['2031-06-01T07:30:00.000Z']),
    );
    expect(await due.inputValue()).toBe('2031-06-01T09:30');
    expect(await text('[data-due-at]')).toContain('1 Jun 2031, 09:30');

    await page.getByRole('button', { name: 'Clear due date' }).click();
    await page.locator('#notice').waitFor();
    expect((await api(`/articles/${articleId}`)).dueAt).toBeNull();
    expect(await page.locator('[data-due-at]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Clear due date' }).count()).toBe(0);
    await t.db.query(`UPDATE users SET time_zone = NULL WHERE id = $1`, [people.editor.id]);
  });

  it('gives a reviewer the 403 page for an editor’s page, and no editor forms on the article', async () => {
    const page = browser.page;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/ui\/login/);
    await signInThroughPages(page, people.reviewer, '/ui/articles/new');
    expect(await text('h1')).toBe('Not for your role');
    expect(await text('main')).toContain('The reviewer role may not do this');
    await browser.screenshot('editor-14-reviewer-403');
    expect(await documentStatus(() => page.goto(`/ui/articles/${articleId}/revise`))).toBe(403);

    await openClaim(claims[0].id);
    expect(await page.getByRole('button', { name: 'Add as claim' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Dismiss' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Post a new revision' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Set due date' }).count()).toBe(0);
  });

  it('saw no script errors and no Content-Security-Policy violations', () => {
    // The refused forms above are the answers those tests expect; Chromium logs each as a failed load.
    expect(browser.problems.filter((p) => !/status of (400|403|409)/.test(p))).toEqual([]);
    expect(browser.problems.some((p) => /Refused to|Content Security Policy/i.test(p))).toBe(false);
  });
});
