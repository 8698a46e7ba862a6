import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_ARTICLE_PATH } from '../src/common/repo-paths';
import globalSetup from '../test/global-setup';
import { launchBrowser, signInThroughPages } from '../test/helpers/browser';
import { startTestService, waitFor, type TestPerson, type TestService } from '../test/helpers/test-service';

/**
 * `npm run docs:screenshots`: the service started as the tests start it, the demo article posted and partly
 * reviewed, and every page saved at 1280×800 by real Chromium to docs/images/pages/<page>.png as the role that uses it.
 */
const OUT = resolve(__dirname, '../docs/images/pages');
const VIEWPORT = { width: 1280, height: 800 };
/** The benchmarks' Redis db and suite database: run this apart from them. */
const REDIS_DB = 15;

interface Claim {
  id: string;
  text: string;
  status: string;
  version: number;
  assigneeId: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the script reads a few fields of JSON answers
async function call(t: TestService, method: 'get' | 'post', path: string, key: string, body?: object): Promise<any> {
  const response = await t.http()[method](path).set('Authorization', `Bearer ${key}`).send(body);
  if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${response.text}`);
  return response.body;
}

/** The demo article, extracted and assigned, with a few verdicts so the pages show more than one status. */
async function seed(t: TestService) {
  const reviewer = await t.createReviewer({ name: 'Ada Reviewer', languages: ['en'], capacity: 40 });
  const editorKey = await t.createKey('editor');
  // The article comes from an integrator whose endpoint nothing answers: its page lists failed deliveries.
  const integrator = await call(t, 'post', '/admin/integrators', t.adminKey, { name: 'Daily Planet CMS' });
  const endpoint = await call(t, 'post', '/integrations/endpoints', integrator.apiKey, {
    url: 'http://127.0.0.1:9/hooks',
    events: ['article.extracted', 'claim.status_changed', 'article.reviewed'],
  });
  // An earlier fact-check of the workbench's first claim, so its "Seen before" has a match to confirm.
  await call(t, 'post', '/fact-checks/import', editorKey, [
    {
      '@type': 'ClaimReview',
      url: 'https://checks.example.org/pentagon-accounting-error',
      claimReviewed: 'The Pentagon has $5 billion left to ship weapons to Ukraine after an accounting error.',
      reviewRating: { '@type': 'Rating', alternateName: 'Mostly True' },
      author: { '@type': 'Organization', name: 'Example Checks' },
      datePublished: '2023-07-01',
    },
  ]);
  const body = readFileSync(DEMO_ARTICLE_PATH, 'utf8');
  const posted = await call(t, 'post', '/articles', integrator.apiKey, {
    title: body.split('\n')[0].trim(),
    body,
    url: 'https://www.antiwar.com/',
    externalId: 'peace-talks',
  });
  const article = await waitFor(async () => {
    const found = await call(t, 'get', `/articles/${posted.id}`, editorKey);
    return found.status === 'ready' && found.claims.every((c: Claim) => c.assigneeId) ? found : null;
  }, 'extraction and assignment');
  const claims: Claim[] = article.claims;
  const verdicts = [
    { to: 'sourced', sources: [{ url: 'https://www.nbcnews.com/' }] },
    { to: 'disputed', note: 'The cited figure is from an earlier report.' },
    { to: 'sourced', sources: [{ url: 'https://www.reuters.com/' }] },
    { to: 'dismissed', note: 'An opinion, nothing to check.' },
  ];
  for (const [index, verdict] of verdicts.entries()) {
    const claim = claims[index];
    await call(t, 'post', `/claims/${claim.id}/transitions`, reviewer.key, {
      ...verdict,
      expectedVersion: claim.version,
    });
  }
  const pentagon = claims.find((c) => c.text.startsWith('The Pentagon'));
  if (pentagon)
    await waitFor(
      async () => (await call(t, 'get', `/claims/${pentagon.id}/matches`, editorKey)).items.length > 0,
      'the fact-check matched',
    );
  await waitFor(async () => {
    const deliveries = await call(t, 'get', `/integrations/endpoints/${endpoint.id}/deliveries`, integrator.apiKey);
    return deliveries.items.some((d: { attempts: number }) => d.attempts > 0);
  }, 'a callback attempted');
  return { reviewer, articleId: posted.id as string, claimId: claims[0].id, endpointId: endpoint.id as string };
}

async function shoot(t: TestService, person: TestPerson, pages: [name: string, path: string][]): Promise<void> {
  const browser = await launchBrowser(t.url);
  try {
    await browser.page.setViewportSize(VIEWPORT);
    await signInThroughPages(browser.page, person, pages[0][1]);
    for (const [name, path] of pages) {
      await browser.page.goto(path);
      await browser.page.waitForLoadState('load');
      await browser.page.screenshot({ path: resolve(OUT, `${name}.png`) });
      console.log(`docs/images/pages/${name}.png  ${path}  (${person.name})`);
    }
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  await globalSetup();
  mkdirSync(OUT, { recursive: true });
  const t = await startTestService(REDIS_DB, { name: 'screenshots' });
  try {
    const { reviewer, articleId, claimId, endpointId } = await seed(t);
    const admin = await t.createPerson('admin', { name: 'Avery Admin' });
    const editor = await t.createPerson('editor', { name: 'Eli Editor' });
    const reviewerPerson = await t.createPerson('reviewer', { name: 'Ada Reviewer', reviewerId: reviewer.id });

    const login = await launchBrowser(t.url);
    try {
      await login.page.setViewportSize(VIEWPORT);
      await login.page.goto('/ui/login');
      await login.page.screenshot({ path: resolve(OUT, 'login.png') });
      console.log('docs/images/pages/login.png  /ui/login');
    } finally {
      await login.close();
    }
    await shoot(t, editor, [
      ['articles', '/ui/articles'],
      ['article', `/ui/articles/${articleId}?claim=${claimId}`],
      ['article-new', '/ui/articles/new'],
      ['article-revise', `/ui/articles/${articleId}/revise`],
      ['search', '/ui/search?q=peace+talks'],
      ['audit', '/ui/admin/audit'],
      ['account', '/ui/account'],
    ]);
    await shoot(t, reviewerPerson, [['workbench', '/ui/review']]);
    await shoot(t, admin, [
      ['admin', '/ui/admin'],
      ['admin-people', '/ui/admin/people'],
      ['admin-reviewers', '/ui/admin/reviewers'],
      ['admin-reviewer', `/ui/admin/reviewers/${reviewer.id}`],
      ['admin-keys', '/ui/admin/keys'],
      ['admin-integrators', '/ui/admin/integrators'],
      ['admin-endpoint', `/ui/admin/endpoints/${endpointId}`],
      ['admin-settings', '/ui/admin/settings'],
      ['admin-queues', '/ui/admin/queues'],
    ]);
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
