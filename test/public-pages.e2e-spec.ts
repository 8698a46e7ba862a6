import { launchBrowser, type TestBrowser } from './helpers/browser';
import { postCouncilBudget } from './helpers/articles';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

interface Claim {
  id: string;
  version: number;
  text: string;
  claimant: string | null;
  publicUrl: string | null;
}

const INTERNAL_NOTE = 'internal: the reviewer phoned the city clerk';

/** The JSON-LD blocks of a page, parsed. */
function jsonLdOf(page: string): Record<string, unknown>[] {
  return [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}

describe('public fact-check pages: a published verdict, signed out', () => {
  jest.setTimeout(60_000);
  let t: TestService;
  let editor: string;
  let judge: Claim;
  let ministry: Claim;
  let browser: TestBrowser | undefined;

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const claim = async (id: string): Promise<Claim> => (await t.http().get(`/claims/${id}`).set(auth(editor))).body;
  const move = async (c: Claim, body: Record<string, unknown>) => {
    const current = await claim(c.id);
    const moved = await t
      .http()
      .post(`/claims/${c.id}/transitions`)
      .set(auth(editor))
      .send({ expectedVersion: current.version, ...body });
    expect(moved.status).toBe(200);
    return moved.body as Claim;
  };
  const publicPath = (c: Claim) => new URL(c.publicUrl!).pathname;

  beforeAll(async () => {
    t = await startTestService(2, { env: { DESK_NAME: 'Test Desk', PUBLIC_URL: 'https://desk.example' } });
    editor = await t.createKey('editor');
    [judge, ministry] = await postCouncilBudget<Claim>(t, editor, { publishedAt: '2026-11-30T08:00:00Z' });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('has no page before a verdict', () => {
    expect(judge.publicUrl).toBeNull();
  });

  it('publishes a verdict at a stable address with ClaimReview JSON-LD and nothing internal', async () => {
    judge = await move(judge, {
      to: 'sourced',
      note: INTERNAL_NOTE,
      sources: [{ url: 'https://city.example/budget', title: 'City budget 2023' }],
    });
    expect(judge.publicUrl).toMatch(
      /^https:\/\/desk\.example\/fact-checks\/judge-maria-delgado-said-[a-z0-9-]*[0-9a-f]{12}$/,
    );

    const page = await t.http().get(publicPath(judge));
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('public, max-age=300');
    expect(page.text).toContain('City budget 2023');
    expect(page.text).toContain('Test Desk');
    // When the claim was made, as readers anywhere read a date (the article's, in UTC).
    expect(page.text).toContain('30 November 2026');
    expect(page.text).not.toContain(INTERNAL_NOTE);

    const [review] = jsonLdOf(page.text);
    expect(review).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: judge.publicUrl,
      claimReviewed: judge.text,
      author: { '@type': 'Organization', name: 'Test Desk', url: 'https://desk.example' },
      reviewRating: { '@type': 'Rating', alternateName: 'Sourced' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'Judge Maria Delgado' },
        datePublished: '2026-11-30T08:00:00.000Z',
        appearance: { '@type': 'CreativeWork', url: 'https://news.example/council' },
      },
    });
    expect(typeof review.datePublished).toBe('string');
    expect(JSON.stringify(review)).not.toContain(INTERNAL_NOTE);

    // The API's ClaimReview names the same page.
    const api = await t.http().get(`/claims/${judge.id}/claimreview`).set(auth(editor));
    expect(api.body.url).toBe(judge.publicUrl);

    // Caches revalidate with the ETag.
    expect(page.headers.etag).toBeTruthy();
    const again = await t.http().get(publicPath(judge)).set('If-None-Match', page.headers.etag);
    expect(again.status).toBe(304);
  });

  it('lists published verdicts in the index, the sitemap and the feed', async () => {
    ministry = await move(ministry, { to: 'disputed', note: 'admissions fell', sources: [] });
    const index = await t.http().get('/fact-checks');
    expect(index.status).toBe(200);
    const order = [publicPath(ministry), publicPath(judge)].map((path) => index.text.indexOf(`href="${path}"`));
    expect(order.every((at) => at > 0) && order[0] < order[1]).toBe(true);

    const map = await t.http().get('/sitemap.xml');
    expect(map.headers['content-type']).toMatch(/^application\/xml/);
    expect(map.text).toContain(`<loc>${judge.publicUrl}</loc>`);

    const feed = await t.http().get('/fact-checks/feed.atom');
    expect(feed.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(feed.text).toContain(`<id>${ministry.publicUrl}</id>`);
    expect(feed.text).toContain('Disputed: ');
  });

  it('says "under review" once reopened, and retires the desk’s fact-check from matching', async () => {
    const published = judge.publicUrl!;
    await waitFor(
      async () => (await t.db.query(`SELECT 1 FROM fact_checks WHERE source_claim_id = $1`, [judge.id])).rowCount === 1,
      'the verdict to become the desk’s fact-check',
      20_000,
    );
    const reopened = await move(judge, { to: 'unverified', note: 'new figures came out' });
    expect(reopened.publicUrl).toBeNull();

    const page = await t.http().get(new URL(published).pathname);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Under review');
    expect(jsonLdOf(page.text)).toEqual([]);
    expect((await t.http().get('/fact-checks')).text).not.toContain(new URL(published).pathname);
    await waitFor(
      async () => (await t.db.query(`SELECT 1 FROM fact_checks WHERE source_claim_id = $1`, [judge.id])).rowCount === 0,
      'the desk’s fact-check to be retired',
      20_000,
    );

    // Published again: the same address, the verdict back.
    judge = await move(judge, { to: 'sourced', sources: [{ url: 'https://city.example/budget-2' }] });
    expect(judge.publicUrl).toBe(published);
  });

  it('says "withdrawn" once dismissed', async () => {
    const published = ministry.publicUrl!;
    await move(ministry, { to: 'unverified', note: 'look again' });
    await move(ministry, { to: 'dismissed', note: 'not a checkable claim after all' });
    const page = await t.http().get(new URL(published).pathname);
    expect(page.text).toContain('Withdrawn');
    expect(page.text).not.toContain('not a checkable claim after all');
  });

  it('answers 404 for an unknown or malformed address, and a bad cursor with 400', async () => {
    expect((await t.http().get('/fact-checks/no-such-claim-0123456789ab')).status).toBe(404);
    expect((await t.http().get('/fact-checks/..%2F..%2Fetc')).status).toBe(404);
    expect((await t.http().get('/fact-checks?cursor=not-a-cursor')).status).toBe(400);
  });

  it('reads on a 390-px phone, signed out, without sideways scrolling', async () => {
    browser = await launchBrowser(t.url);
    await browser.page.setViewportSize({ width: 390, height: 844 });
    const response = await browser.page.goto(publicPath(judge));
    expect(response?.status()).toBe(200);
    expect(await browser.page.getByRole('heading', { level: 1 }).textContent()).toContain('40 million dollars');
    expect(await browser.page.getByText('Sourced', { exact: true }).isVisible()).toBe(true);
    const width = await browser.page.evaluate<number>('document.scrollingElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
    await browser.screenshot('public-fact-check-phone');
    expect(browser.problems).toEqual([]);
  });
});
