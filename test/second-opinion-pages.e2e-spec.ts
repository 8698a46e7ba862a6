import { launchBrowser, signInThroughPages, type TestBrowser } from './helpers/browser';
import { CHECKABLE_SENTENCES, postAssigned, type ApiClaim } from './helpers/claims';
import { startTestService, type TestPerson, type TestService } from './helpers/test-service';

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
const PHONE = { width: 390, height: 844 };

/** A second opinion worked from the pages in Chromium: one reviewer's verdict, another's approval and return. */
describe('second opinion in the pages', () => {
  jest.setTimeout(45_000);
  let t: TestService;
  let editor: string;
  let ana: TestPerson;
  let sid: TestPerson;
  let claims: ApiClaim[];
  let anas: TestBrowser;
  let sids: TestBrowser;

  const claim = async (id: string): Promise<ApiClaim> => (await t.http().get(`/claims/${id}`).set(auth(editor))).body;
  const flash = async (browser: TestBrowser) =>
    ((await browser.page.locator('#flash').textContent()) ?? '').replace(/\s+/g, ' ');

  /** Ana gives `to` on `target` from her workbench. */
  async function verdict(target: ApiClaim, to: 'sourced' | 'disputed', fill: Record<string, string>): Promise<void> {
    const page = anas.page;
    await page.goto(`/ui/review?claim=${target.id}`);
    const form = page.locator(`form[data-move="${to}"]`);
    for (const [label, value] of Object.entries(fill)) {
      const field = form.getByLabel(label);
      if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
      else await field.fill(value);
    }
    await form.getByRole('button', { name: to === 'sourced' ? 'Mark sourced' : 'Dispute' }).click();
    await page.waitForURL(/moved=/);
  }

  beforeAll(async () => {
    t = await startTestService(5);
    editor = await t.createKey('editor');
    const settings = await t
      .http()
      .patch('/admin/settings')
      .set(auth(t.adminKey))
      .send({ secondOpinion: { enabled: true, minCheckworthiness: 0, statuses: ['sourced', 'disputed'] } });
    expect(settings.status).toBe(200);
    const anaReviewer = await t.createReviewer({ capacity: 100 });
    ana = await t.createPerson('reviewer', { name: 'Ana Author', reviewerId: anaReviewer.id });
    ({ claims } = await postAssigned(
      t,
      { key: editor, readerKey: editor, title: 'Budget lines', body: CHECKABLE_SENTENCES.slice(0, 3).join(' ') },
      anaReviewer.id,
      3,
    ));
    const sidReviewer = await t.createReviewer({ capacity: 0 });
    sid = await t.createPerson('reviewer', { name: 'Sid Second', reviewerId: sidReviewer.id });
    [anas, sids] = [await launchBrowser(t.url), await launchBrowser(t.url)];
    await signInThroughPages(anas.page, ana, '/ui/review');
    await sids.page.setViewportSize(PHONE);
    await signInThroughPages(sids.page, sid, '/ui/review');
  }, 120_000);
  afterAll(async () => {
    await anas?.close();
    await sids?.close();
    await t?.close();
  });

  it('one reviewer’s dispute waits; a colleague approves it on a phone and it is published', async () => {
    await verdict(claims[0], 'disputed', {
      'Why is it wrong? (required)': 'The budget line says 4.2 billion.',
      'Rating (optional)': 'false',
      'Public rationale (optional) — readers see it on the fact-check page; the note stays inside the desk':
        'The Pentagon’s own budget line gives a different figure.',
    });
    expect(await flash(anas)).toContain('It waits for a second opinion before it is published.');
    expect(await claim(claims[0].id)).toMatchObject({ status: 'disputed', approval: 'pending', publicUrl: null });

    // Ana's own verdict is not hers to approve.
    await anas.page.getByRole('link', { name: 'Second opinions' }).click();
    await anas.page.locator('#second-opinions-empty').waitFor();

    const page = sids.page;
    await page.goto('/ui/review');
    await page.getByRole('link', { name: 'Second opinions' }).click();
    const item = page.locator(`[data-waiting-claim="${claims[0].id}"]`);
    expect(await item.textContent()).toContain(CHECKABLE_SENTENCES[0]);
    expect(await page.evaluate<number>('document.scrollingElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await sids.screenshot('second-opinion-phone');
    await item.getByRole('button', { name: 'Approve and publish' }).click();
    await page.waitForURL(/done=approved/);
    expect(await flash(sids)).toContain('approved and published');
    const approved = await claim(claims[0].id);
    expect(approved).toMatchObject({ status: 'disputed', approval: 'approved', rating: 'false' });
    expect(approved.publicUrl).toMatch(/\/fact-checks\/[a-z0-9-]+$/);
    const publicPage = await fetch(approved.publicUrl!.replace(/^https?:\/\/[^/]+/, t.url));
    expect(publicPage.status).toBe(200);
    expect(await publicPage.text()).toContain('The Pentagon’s own budget line gives a different figure.');
  });

  it('a colleague returns a verdict with a note: the claim is back on its reviewer’s list, unverified', async () => {
    await verdict(claims[1], 'sourced', { 'Source URL': 'https://example.org/budget' });
    const page = sids.page;
    await page.goto('/ui/review/second-opinions');
    const item = page.locator(`[data-waiting-claim="${claims[1].id}"]`);
    await item.getByLabel(/What should the reviewer look at again/).fill('The source is from 2019; find the 2024 one.');
    await item.getByRole('button', { name: 'Return to its reviewer' }).click();
    await page.waitForURL(/done=returned/);
    await page.locator('#second-opinions-empty').waitFor();
    expect(await claim(claims[1].id)).toMatchObject({ status: 'unverified', approval: null, publicUrl: null });

    await anas.page.goto('/ui/review');
    await anas.page.locator(`#open-claims a[data-claim-id="${claims[1].id}"]`).waitFor();
    await anas.page.goto(`/ui/articles/${claims[1].articleId}?claim=${claims[1].id}`);
    expect(await anas.page.locator(`[data-claim-detail="${claims[1].id}"]`).textContent()).toContain(
      'The source is from 2019; find the 2024 one.',
    );
  });

  it('an editor gives the second opinion from the claim’s panel on the article page', async () => {
    await verdict(claims[2], 'disputed', { 'Why is it wrong? (required)': 'It was 190,000 troops.' });
    const eve = await t.createPerson('editor', { name: 'Eve Editor' });
    const page = anas.page;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/ui\/login/);
    await signInThroughPages(page, eve, `/ui/articles/${claims[2].articleId}`);
    await page.goto(`/ui/articles/${claims[2].articleId}?claim=${claims[2].id}`);
    const pending = page.locator(`[data-pending-approval="${claims[2].id}"]`);
    expect(await pending.textContent()).toContain('This verdict waits for a second opinion.');
    await pending.getByRole('button', { name: 'Approve and publish' }).click();
    await page.locator('#notice').waitFor();
    expect(await page.locator('#notice').textContent()).toContain('The verdict is approved and published.');
    expect(await page.locator(`[data-pending-approval="${claims[2].id}"]`).count()).toBe(0);
    expect(await claim(claims[2].id)).toMatchObject({ status: 'disputed', approval: 'approved' });
  });

  it('saw no script errors and no Content-Security-Policy violations', () => {
    expect([...anas.problems, ...sids.problems]).toEqual([]);
  });
});
