import { launchBrowser, signInThroughPages, type TestBrowser } from './helpers/browser';
import { postArticles } from './helpers/articles';
import { startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';

interface Claim {
  id: string;
  status: string;
  tags: string[];
}

describe('bulk actions and saved views in the pages (Chromium)', () => {
  jest.setTimeout(60_000);
  let t: TestService;
  let browser: TestBrowser;
  let editorKey: string;
  let editor: TestPerson;
  let articleId: string;
  let claims: Claim[];

  const claimsNow = async (): Promise<Claim[]> =>
    (await t.http().get(`/articles/${articleId}/claims`).set('Authorization', `Bearer ${editorKey}`)).body.items;

  beforeAll(async () => {
    t = await startTestService(14, { name: 'bulk-pages' });
    editorKey = await t.createKey('editor');
    editor = await t.createPerson('editor');
    [articleId] = await postArticles(t, editorKey, 1, {
      minCheckworthiness: 0,
      dueAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    claims = await waitFor(async () => {
      const items = await claimsNow();
      return items.length >= 3 ? items : null;
    }, 'the article’s claims');
    browser = await launchBrowser(t.url);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('dismisses two chosen claims from the article page, by keyboard, with a note', async () => {
    const page = browser.page;
    await signInThroughPages(page, editor, `/ui/articles/${articleId}`);
    const [first, second, kept] = claims;
    // The boxes are reachable by keyboard: focus one, Space checks it.
    for (const claim of [first, second]) {
      const box = page.locator(`input.bulk-pick[value="${claim.id}"]`);
      await box.focus();
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
    }
    await page.getByLabel('Action').selectOption('dismiss');
    await page.getByLabel('Note').fill('Not checkable: an opinion.');
    await page.getByRole('button', { name: 'Apply to chosen' }).click();
    await page.waitForURL(/notice=bulk/);
    expect(await page.locator('#notice').textContent()).toContain('applied to 2 of 2 chosen claims');

    const now = new Map((await claimsNow()).map((c) => [c.id, c.status]));
    expect(now.get(first.id)).toBe('dismissed');
    expect(now.get(second.id)).toBe('dismissed');
    expect(now.get(kept.id)).toBe('unverified');
    const events = await t.http().get(`/claims/${first.id}/events`).set('Authorization', `Bearer ${editorKey}`);
    const dismissal = events.body.items.find((e: { toStatus: string }) => e.toStatus === 'dismissed');
    expect(dismissal.note).toBe('Not checkable: an opinion.');
    expect(dismissal.actorUserId).toBe(editor.id);
    await browser.screenshot('bulk-article-page');
  });

  it('tags a claim from the search results and shows its tag; the page fits a 360 px phone', async () => {
    const page = browser.page;
    await page.goto('/ui/search?kind=claims');
    const [, , kept] = claims;
    await page.locator(`input.bulk-pick[value="${kept.id}"]`).check();
    await page.getByLabel('Action').selectOption('tag');
    await page.getByLabel('Tags').fill('Election Night, follow up');
    await page.getByRole('button', { name: 'Apply to chosen' }).click();
    await page.waitForURL(/done=1/);
    expect((await claimsNow()).find((c) => c.id === kept.id)!.tags).toEqual(['election-night', 'follow-up']);
    await page.goto('/ui/search?kind=claims&tag=election-night');
    expect(await page.locator('table.results tbody tr').count()).toBe(1);
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await browser.screenshot('bulk-search-phone');
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('saves the search filters as a view listed in the navigation', async () => {
    const page = browser.page;
    await page.goto('/ui/search?kind=claims&tag=election-night');
    await page.getByLabel('Save these filters as').fill('Election follow-ups');
    await page.getByRole('button', { name: 'Save view' }).click();
    await page.waitForURL(/tag=election-night/);
    await page.goto('/ui/articles');
    await page.locator('.views-menu summary').click();
    await page.getByRole('link', { name: 'Election follow-ups' }).click();
    await page.waitForURL(/\/ui\/search\?kind=claims&tag=election-night/);
    expect(await page.locator('table.results tbody tr').count()).toBe(1);
    expect(browser.problems).toEqual([]);
  });
});
