import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { csrfTokenFor } from '../src/auth/request-origin';
import { totpCode } from '../src/people/totp';
import { launchBrowser, type TestBrowser } from './helpers/browser';
import { freePort, startTestService, waitFor, type TestService } from './helpers/test-service';

/**
 * Credentials sent all at once, behind a proxy and without one: an attempt at a guessable secret (a password, a
 * code, a link) is counted before it is checked, so a burst never checks more than the limit; a valid API key is
 * served whatever its address's failures; one client behind the proxy never locks out another.
 */

const SIGN_IN_LIMIT = 10;
const ADDRESS_LIMIT = 20;
const BURST = 250;
const TOTP_SECRET = 'JBSWY3DPEHPK3PXP';

interface Sent {
  status: number;
  location: string | null;
  cookie: string | null;
}

/** One request by fetch (no redirects followed), as if from `client` when a proxy forwards it. */
async function send(
  url: string,
  init: { method?: string; form?: Record<string, string>; headers?: Record<string, string>; client?: string } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.client) headers['X-Forwarded-For'] = init.client;
  if (init.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
  const response = await fetch(url, {
    method: init.method ?? (init.form ? 'POST' : 'GET'),
    headers,
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
  });
  await response.arrayBuffer();
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('claimdesk_session='));
  return { status: response.status, location: response.headers.get('location'), cookie: cookie?.split(';')[0] ?? null };
}

/** A new admin person and an admin key they own, issued by the desk's admin. */
async function issueOwnAdminKey(t: TestService) {
  const person = await t.createPerson('admin');
  const issued = await t
    .http()
    .post('/admin/keys')
    .set('Authorization', `Bearer ${t.adminKey}`)
    .send({ name: 'own admin key', role: 'admin', ownerUserId: person.id });
  expect(issued.status).toBe(201);
  return { person, key: issued.body.key as string, keyId: issued.body.id as string };
}

const tally = (answers: Sent[]) =>
  answers.reduce<Record<number, number>>(
    (counts, { status }) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
    {},
  );

describe('bursts behind a trusted proxy: at most the limit checked, one client never locks out another', () => {
  jest.setTimeout(120_000);
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService(5, {
      name: 'bursts-proxy',
      worker: false,
      env: {
        TRUSTED_PROXIES: '127.0.0.1',
        SIGN_IN_FAILURE_LIMIT: String(SIGN_IN_LIMIT),
        AUTH_FAILURE_LIMIT: String(ADDRESS_LIMIT),
      },
    });
  }, 90_000);
  afterAll(() => t.close());

  const signIn = (email: string, password: string, client: string) =>
    send(`${t.url}/ui/login`, { form: { email, password }, client });

  it(`checks at most ${SIGN_IN_LIMIT} of ${BURST} wrong passwords sent at once for one account, and refuses the right one after`, async () => {
    const person = await t.createPerson('editor');
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => signIn(person.email, `wrong guess ${i}`, '198.51.100.10')),
    );
    expect(tally(answers)).toEqual({ 401: SIGN_IN_LIMIT, 429: BURST - SIGN_IN_LIMIT });
    expect((await signIn(person.email, person.password, '198.51.100.10')).status).toBe(429);
    // From another address too: the account is what is locked.
    expect((await signIn(person.email, person.password, '198.51.100.11')).status).toBe(429);
  });

  it(`checks at most ${ADDRESS_LIMIT} of ${BURST} wrong passwords for many accounts from one address, then refuses that address`, async () => {
    const person = await t.createPerson('editor');
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) => signIn(`nobody-${i}@example.org`, 'wrong guess', '198.51.100.20')),
    );
    expect(tally(answers)).toEqual({ 401: ADDRESS_LIMIT, 429: BURST - ADDRESS_LIMIT });
    expect((await signIn(person.email, person.password, '198.51.100.20')).status).toBe(429);
    // Another client behind the same proxy signs in.
    expect((await signIn(person.email, person.password, '198.51.100.21')).status).toBe(303);
  });

  it(`checks at most ${SIGN_IN_LIMIT} of ${BURST} TOTP codes sent at once on one second-factor session, and refuses the right one after`, async () => {
    const person = await t.createPerson('editor');
    await t.db.query(`UPDATE users SET totp_secret = $2, totp_enabled_at = now() WHERE id = $1`, [
      person.id,
      TOTP_SECRET,
    ]);
    const first = await signIn(person.email, person.password, '198.51.100.30');
    expect([first.status, first.location]).toEqual([303, '/ui/login/code']);
    const session = first.cookie!;
    const csrf = csrfTokenFor(session.slice('claimdesk_session='.length));
    const near = new Set(
      [-60_000, -30_000, 0, 30_000, 60_000].map((ms) => totpCode(TOTP_SECRET, new Date(Date.now() + ms))),
    );
    const wrong = Array.from({ length: 1000 }, (_, i) => String(i * 997).padStart(6, '0'))
      .filter((code) => !near.has(code))
      .slice(0, BURST);
    const code = (value: string) =>
      send(`${t.url}/ui/login/code`, {
        form: { code: value, _csrf: csrf },
        headers: { Cookie: session },
        client: '198.51.100.30',
      });
    const answers = await Promise.all(wrong.map(code));
    expect(tally(answers)).toEqual({ 401: SIGN_IN_LIMIT, 429: BURST - SIGN_IN_LIMIT });
    expect((await code(totpCode(TOTP_SECRET))).status).toBe(429);
  });

  it(`answers at most ${ADDRESS_LIMIT} of ${BURST} made-up invitation and reset links as gone, then refuses that address even a real one`, async () => {
    const invited = await t
      .http()
      .post('/admin/users')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ email: 'link-burst@example.org', name: 'Link Burst', role: 'editor' });
    expect(invited.status).toBe(201);
    const made = (i: number) => `${String(i).padStart(4, '0')}${'A'.repeat(39)}`;
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        i % 2
          ? send(`${t.url}/ui/password?token=${made(i)}`, { client: '198.51.100.40' })
          : send(`${t.url}/ui/password`, {
              form: {
                token: made(i),
                password: 'violet harbour lamps 1912',
                confirmation: 'violet harbour lamps 1912',
              },
              client: '198.51.100.40',
            }),
      ),
    );
    expect(tally(answers)).toEqual({ 410: ADDRESS_LIMIT, 429: BURST - ADDRESS_LIMIT });
    expect((await send(invited.body.inviteUrl, { client: '198.51.100.40' })).status).toBe(429);
    expect((await send(invited.body.inviteUrl, { client: '198.51.100.41' })).status).toBe(200);
  });

  it(`serves a valid API key whatever its address's failures, and answers only the failures past ${ADDRESS_LIMIT} with 429`, async () => {
    const bad = (client: string, i = 0) =>
      send(`${t.url}/articles`, {
        headers: { Authorization: `Bearer cdk_0123456789abcdef_${'x'.repeat(40)}${String(i).padStart(3, '0')}` },
        client,
      });
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => bad('203.0.113.50', i)));
    expect(tally(answers)).toEqual({ 401: ADDRESS_LIMIT, 429: BURST - ADDRESS_LIMIT });
    const valid = await send(`${t.url}/articles`, {
      headers: { Authorization: `Bearer ${t.adminKey}` },
      client: '203.0.113.50',
    });
    expect(valid.status).toBe(200);
    // Another client behind the same proxy: its own bad key is a plain 401, not a lock-out.
    expect((await bad('203.0.113.51')).status).toBe(401);
  });

  it('takes the client from the rightmost address the trusted proxy added, not the ones a client wrote before it', async () => {
    const answers = await Promise.all(
      Array.from({ length: ADDRESS_LIMIT + 5 }, (_, i) =>
        send(`${t.url}/articles`, {
          headers: { Authorization: 'Bearer cdk_0123456789abcdef_guess' },
          client: `10.9.${i}.1, 203.0.113.60`,
        }),
      ),
    );
    expect(tally(answers)).toEqual({ 401: ADDRESS_LIMIT, 429: 5 });
  });

  it('counts every address of one IPv6 /64 as one client', async () => {
    const answers = await Promise.all(
      Array.from({ length: ADDRESS_LIMIT + 5 }, (_, i) =>
        send(`${t.url}/articles`, {
          headers: { Authorization: 'Bearer cdk_0123456789abcdef_guess' },
          client: `2001:db8:70:1::${(i + 1).toString(16)}`,
        }),
      ),
    );
    expect(tally(answers)).toEqual({ 401: ADDRESS_LIMIT, 429: 5 });
  });

  it('acts no higher than the owner’s current role: a demoted admin’s key is refused admin work on the next request', async () => {
    const { person, key } = await issueOwnAdminKey(t);
    const asOwner = (path: string) => t.http().get(path).set('Authorization', `Bearer ${key}`);
    expect((await asOwner('/admin/keys')).status).toBe(200);

    const demoted = await t
      .http()
      .patch(`/admin/users/${person.id}`)
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ role: 'editor' });
    expect(demoted.status).toBe(200);
    const refused = await asOwner('/admin/keys');
    expect([refused.status, refused.body.code]).toEqual([403, 'forbidden']);
    expect(refused.body.message).toContain('editor');
    expect((await asOwner('/articles')).status).toBe(200);

    const deactivated = await t
      .http()
      .patch(`/admin/users/${person.id}`)
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ active: false });
    expect(deactivated.status).toBe(200);
    expect((await asOwner('/articles')).status).toBe(403);

    const above = await t
      .http()
      .post('/admin/keys')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ name: 'above its owner', role: 'admin', ownerUserId: (await t.createPerson('editor')).id });
    expect([above.status, above.body.code]).toEqual([400, 'validation_failed']);
  });
});

describe('a key’s power across api processes: a change made through one holds on the next request in another', () => {
  jest.setTimeout(120_000);
  let t: TestService;
  let other: TestService;

  beforeAll(async () => {
    t = await startTestService(5, { name: 'keys-first', worker: false });
    // The same database, another api process (and another Redis db, so neither flushes the other's).
    other = await startTestService(14, { name: 'keys-other', worker: false, databaseUrl: t.env.DATABASE_URL });
  }, 120_000);
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  /** A person's own admin key, already known (cached) by the other process. */
  async function ownAdminKeyKnownToOther() {
    const { person, key, keyId } = await issueOwnAdminKey(t);
    const onOther = (path: string) => other.http().get(path).set('Authorization', `Bearer ${key}`);
    expect((await onOther('/admin/keys')).status).toBe(200);
    return { person, keyId, onOther };
  }

  // The other process keeps a key it has seen for up to a minute: only the change's notice, which arrives in
  // milliseconds, makes it refuse within these three seconds.
  const refusedSoon = (check: () => Promise<{ status: number }>, status: number, what: string) =>
    waitFor(async () => (await check()).status === status, what, 3_000);

  it('a demotion made through one process is obeyed by the other', async () => {
    const { person, onOther } = await ownAdminKeyKnownToOther();
    const demoted = await t
      .http()
      .patch(`/admin/users/${person.id}`)
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ role: 'editor' });
    expect(demoted.status).toBe(200);
    await refusedSoon(() => onOther('/admin/keys'), 403, 'the other process to refuse the demoted admin’s key');
    expect((await onOther('/articles')).status).toBe(200);
  });

  it('a revocation made through one process is obeyed by the other', async () => {
    const { keyId, onOther } = await ownAdminKeyKnownToOther();
    const revoked = await t.http().delete(`/admin/keys/${keyId}`).set('Authorization', `Bearer ${t.adminKey}`);
    expect(revoked.status).toBeLessThan(300);
    await refusedSoon(() => onOther('/articles'), 401, 'the other process to refuse the revoked key');
  });

  it('a deactivation written by hand in the database, outside every process, is obeyed too', async () => {
    const { person, onOther } = await ownAdminKeyKnownToOther();
    await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [person.id]);
    await refusedSoon(() => onOther('/articles'), 403, 'the other process to refuse the deactivated owner’s key');
  });
});

describe('bursts without a trusted proxy: X-Forwarded-For is ignored', () => {
  jest.setTimeout(120_000);
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService(5, { name: 'bursts-direct', worker: false, env: { AUTH_FAILURE_LIMIT: '5' } });
  }, 90_000);
  afterAll(() => t.close());

  it('counts every failure against the connection’s address whatever the header says, and still serves a valid key', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        send(`${t.url}/articles`, {
          headers: { Authorization: 'Bearer cdk_0123456789abcdef_guess' },
          client: `203.0.113.${i + 1}`,
        }),
      ),
    );
    expect(tally(answers)).toEqual({ 401: 5, 429: 25 });
    const valid = await send(`${t.url}/articles`, {
      headers: { Authorization: `Bearer ${t.adminKey}` },
      client: '203.0.113.200',
    });
    expect(valid.status).toBe(200);
  });
});

const CLIENT = { id: 'claimdesk-test', secret: 'claimdesk-test-client-secret' };

describe('single sign-on: the return address is checked where it is used', () => {
  jest.setTimeout(90_000);
  let t: TestService;
  let browser: TestBrowser;
  let provider: ChildProcess;

  beforeAll(async () => {
    const [deskPort, providerPort] = [await freePort(), await freePort()];
    const deskUrl = `http://127.0.0.1:${deskPort}`;
    provider = spawn(process.execPath, [resolve(__dirname, 'helpers/oidc-provider.mjs')], {
      env: {
        ...process.env,
        PORT: String(providerPort),
        CLIENT_ID: CLIENT.id,
        CLIENT_SECRET: CLIENT.secret,
        REDIRECT_URI: `${deskUrl}/ui/sso/callback`,
        ACCOUNTS: JSON.stringify({
          'sso-admin': { email: 'sso.admin@example.org', email_verified: true, name: 'Sso' },
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    provider.stdout!.on('data', (chunk) => (output += chunk));
    await waitFor(async () => output.includes('ready '), 'the OpenID provider to start');
    t = await startTestService(5, {
      name: 'bursts-sso',
      worker: false,
      env: {
        PORT: String(deskPort),
        PUBLIC_URL: deskUrl,
        OIDC_ISSUER: `http://127.0.0.1:${providerPort}`,
        OIDC_CLIENT_ID: CLIENT.id,
        OIDC_CLIENT_SECRET: CLIENT.secret,
      },
    });
    const invited = await t
      .http()
      .post('/admin/users')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ email: 'sso.admin@example.org', name: 'Sso Admin', role: 'admin' });
    expect(invited.status).toBe(201);
    browser = await launchBrowser(t.url);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    provider?.kill();
  });

  /** Starts SSO for `next`, lets `tamper` rewrite the attempt cookie, signs in at the provider; the desk's answer. */
  const signInBySso = async (next: string, tamper: (value: string) => string) => {
    const page = browser.page;
    await browser.context.clearCookies();
    // Off-site here is a loopback port nothing listens on: a redirect there is refused before any lookup.
    await page.goto(`/ui/sso?next=${encodeURIComponent(next)}`);
    await page.waitForURL((url) => url.port !== new URL(t.url).port);
    const attempt = (await browser.context.cookies()).find((c) => c.name === 'claimdesk_sso')!;
    await browser.context.addCookies([{ ...attempt, value: tamper(attempt.value) }]);
    await page.locator('input[name="login"]').fill('sso-admin');
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    const back = page.waitForResponse((response) => response.url().startsWith(`${t.url}/ui/sso/callback`));
    await page.locator('button[type="submit"]', { hasText: /continue/i }).click();
    const answer = await back;
    return { status: answer.status(), location: answer.headers()['location'] ?? null };
  };

  const rewriteNext = (value: string, next: string) => {
    const [body, ...rest] = value.split('.');
    const attempt = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    return [Buffer.from(JSON.stringify({ ...attempt, next })).toString('base64url'), ...rest].join('.');
  };

  it('returns to the page asked for when the attempt cookie is as the desk wrote it', async () => {
    expect(await signInBySso('/ui/admin/people', (value) => value)).toEqual({
      status: 303,
      location: '/ui/admin/people',
    });
  });

  it.each(['//127.0.0.1:9/', '/\\127.0.0.1:9/', 'http://127.0.0.1:9/'])(
    'never sends a person off-site (%s) when the attempt cookie was rewritten',
    async (offSite) => {
      const answer = await signInBySso('/ui/articles', (value) => rewriteNext(value, offSite));
      expect(answer.status).toBe(401);
      expect(answer.location).toBeNull();
      expect(new URL(browser.page.url()).origin).toBe(t.url);
      await browser.page.getByRole('alert').filter({ hasText: 'not started here' }).waitFor();
    },
  );
});
