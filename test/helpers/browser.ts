import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM_PATH = '/usr/bin/chromium';
const ARTIFACTS = resolve(__dirname, '../artifacts');

/** The policy the integrations layer sends (helmet); imposed here too, so these tests prove the pages need nothing inline. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors, page errors and CSP violations seen so far. */
  problems: string[];
  /** The whole page, or with `fullPage: false` what the viewport shows (where sticky parts are). */
  screenshot(name: string, fullPage?: boolean): Promise<string>;
  close(): Promise<void>;
}

/** Opens `path`, is sent to the sign-in page, signs in with email and password, and lands back on `path`. */
export async function signInThroughPages(
  page: Page,
  person: { email: string; password: string },
  path: string,
): Promise<void> {
  await page.goto(path);
  await page.waitForURL(/\/ui\/login/);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => url.pathname === new URL(path, page.url()).pathname);
}

/** Debian's Chromium, driven by playwright-core, with a fresh profile per run. */
export async function launchBrowser(baseUrl: string): Promise<TestBrowser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'claimdesk-chromium-'));
  mkdirSync(ARTIFACTS, { recursive: true });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 1000 },
    baseURL: baseUrl,
  });
  await context.route(`${baseUrl}/ui/**`, async (route) => {
    // A Server-Sent Events stream never ends: fetched here it would never be fulfilled. It is no page, so needs no CSP.
    if (route.request().resourceType() === 'eventsource') return route.continue();
    // Redirects go back to the browser as they are, with their cookies. A page still open when its server stops (the
    // bell asks every so often) gets the refusal the browser would.
    const response = await route.fetch({ maxRedirects: 0 }).catch(() => null);
    if (!response) return route.abort('connectionrefused');
    // A request the page gave up on (it navigated on, or closed) while the server answered has nobody to answer.
    await route
      .fulfill({ response, headers: { ...response.headers(), 'content-security-policy': STRICT_CSP } })
      .catch((error: unknown) => {
        if (!(error instanceof Error && /disposed|closed/i.test(error.message))) throw error;
      });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  // Our pages only: bull-board's own page reaches for outside resources a sandbox cannot load.
  const ours = () => new URL(page.url()).pathname.startsWith('/ui/');
  page.on('console', (message) => {
    if (message.type() === 'error' && ours()) problems.push(`console on ${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (ours()) problems.push(`page error on ${page.url()}: ${error.message}`);
  });
  return {
    context,
    page,
    problems,
    async screenshot(name, fullPage = true) {
      const path = join(ARTIFACTS, `${name}.png`);
      await page.screenshot({ path, fullPage });
      return path;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
