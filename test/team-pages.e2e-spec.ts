import { launchBrowser, signInThroughPages, type TestBrowser } from './helpers/browser';
import { postArticles } from './helpers/articles';
import { SmtpReceiver } from './helpers/smtp-receiver';
import { startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

/** The team's pages in Chromium: a comment with an @ mention on the article page, and the bell of the one mentioned. */
describe('team pages: comments, @ mentions and the bell', () => {
  const smtp = new SmtpReceiver();
  let t: TestService;
  let editor: TestPerson;
  let editorKey: string;
  let bob: TestPerson;
  let articleId: string;
  let claimId: string;
  let edith: TestBrowser;
  let bobs: TestBrowser;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestService(4, { env: { SMTP_URL: smtp.url, MAIL_POLL_MS: '100' } });
    editor = await t.createPerson('editor', { name: 'Edith Editor' });
    editorKey = (
      await t
        .http()
        .post('/admin/keys')
        .set(auth(t.adminKey))
        .send({ name: 'edith', role: 'editor', ownerUserId: editor.id })
    ).body.key;
    const reviewer = await t.createReviewer();
    bob = await t.createPerson('reviewer', { name: 'Bob Reviewer', reviewerId: reviewer.id });
    [articleId] = await postArticles(t, editorKey, 1, { minCheckworthiness: 0 });
    claimId = await waitFor(
      async () => (await t.http().get(`/articles/${articleId}`).set(auth(editorKey))).body.claims?.[0]?.id,
      'the article’s claims',
    );
    [edith, bobs] = [await launchBrowser(t.url), await launchBrowser(t.url)];
  }, 120_000);
  afterAll(async () => {
    await edith?.close();
    await bobs?.close();
    await t?.close();
    await smtp.stop();
  });

  it('mentions a colleague through @ completion; their bell rings without a reload; the notice is read on its page', async () => {
    await signInThroughPages(bobs.page, bob, '/ui/articles');
    const bobsCount = bobs.page.locator('[data-bell-count]');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [bob.id],
    );
    const before: number = rows[0].n;
    if (before > 0) await waitFor(async () => (await bobsCount.textContent()) === String(before), 'Bob’s bell');

    await signInThroughPages(edith.page, editor, `/ui/articles/${articleId}?claim=${claimId}`);
    const box = edith.page.getByLabel('Add a comment');
    await box.click();
    await box.pressSequentially('Could you look at the year, @Bo');
    const choice = edith.page.getByRole('option', { name: /Bob Reviewer/ });
    await choice.waitFor();
    await choice.click();
    expect(await box.inputValue()).toBe('Could you look at the year, @Bob Reviewer ');
    await box.pressSequentially('before noon? <b>not bold</b>');
    await edith.page.getByRole('button', { name: 'Comment', exact: true }).click();
    await edith.page.waitForURL(/#comment-/);
    const thread = edith.page.locator('.comment-list');
    await expect(thread.textContent()).resolves.toContain(
      'Could you look at the year, @Bob Reviewer before noon? <b>not bold</b>',
    );
    expect(await thread.locator('b').count()).toBe(0);
    await expect(thread.textContent()).resolves.toContain('for Bob Reviewer');

    const comments = (await t.http().get(`/claims/${claimId}/comments`).set(auth(editorKey))).body.items;
    expect(comments.at(-1).mentions).toEqual([{ userId: bob.id, name: 'Bob Reviewer' }]);
    await waitFor(
      async () => (await bobsCount.textContent()) === String(before + 1) && (await bobsCount.isVisible()),
      'Bob’s bell to count the mention without a reload',
    );
    await waitFor(async () => smtp.to(bob.email).length === 1, 'the mention’s mail to Bob');
    await bobs.screenshot('team-bell');

    await bobs.page.locator('[data-bell]').click();
    await bobs.page.waitForURL(/\/ui\/notifications$/);
    await expect(bobs.page.locator('.notices').textContent()).resolves.toContain(
      'Edith Editor mentioned you on a claim',
    );
    await bobs.page.getByRole('button', { name: 'Mark all read' }).click();
    await bobs.page.waitForURL(/\/ui\/notifications$/);
    await waitFor(async () => (await bobsCount.isHidden()) && (await bobsCount.textContent()) === '0', 'the bell at 0');
    await bobs.screenshot('team-notifications');
    expect([...edith.problems, ...bobs.problems]).toEqual([]);
  });

  it('saves mail choices from the notifications page', async () => {
    await bobs.page.goto('/ui/notifications');
    await bobs.page.getByLabel('Someone mentions you').selectOption('digest');
    await bobs.page.getByRole('button', { name: 'Save' }).click();
    await bobs.page.waitForURL(/\/ui\/notifications$/);
    const key = (
      await t
        .http()
        .post('/admin/keys')
        .set(auth(t.adminKey))
        .send({ name: 'bob', role: 'reviewer', ownerUserId: bob.id, reviewerId: bob.reviewerId })
    ).body.key;
    const preferences = (await t.http().get('/notifications/preferences').set(auth(key))).body;
    expect(preferences.kinds).toMatchObject({ mentioned: 'digest', assigned: 'digest', returned: 'immediately' });
    expect(bobs.problems).toEqual([]);
  });
});
