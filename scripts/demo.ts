import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ApiKeysService } from '../src/auth/api-keys.service';
import { IntegratorsService } from '../src/integrations/integrators.service';
import { DEMO_ARTICLE_PATH } from '../src/common/repo-paths';
import { PasswordSetupService } from '../src/people/password-setup.service';
import { PeopleService } from '../src/people/people.service';
import type { PersonRole } from '../src/people/user.entity';
import { startAll } from '../src/start-all';

/**
 * The main job: start the service, make sure there are reviewers, post the demo article,
 * wait for extraction and assignment, print the claims, and keep serving.
 */
const ARTICLE = resolve(process.argv[2] ?? DEMO_ARTICLE_PATH);
const DEMO_INTEGRATOR = 'Demo newsroom';
/** Every key the demo makes is named so; a new run revokes the last run's instead of piling up more. */
const DEMO_KEY_NAME = 'demo: ';
/** Where the demo article was published (antiwar.com, 2023). */
const DEMO_ARTICLE_URL = 'https://www.antiwar.com/';
const DEMO_REVIEWERS = [
  { name: 'Ada Reviewer', email: 'ada@demo.claimdesk', languages: ['en'], capacity: 25 },
  { name: 'Ben Reviewer', email: 'ben@demo.claimdesk', languages: ['en'], capacity: 25 },
];

interface DemoPerson {
  email: string;
  name: string;
  role: PersonRole;
  reviewerId?: string;
}

/** A demo person with a fresh password for this run, through the same invitation (or reset) link a person would open. */
async function demoPerson(
  service: Awaited<ReturnType<typeof startAll>>,
  person: DemoPerson,
): Promise<DemoPerson & { password: string }> {
  const people = service.api.get(PeopleService);
  const existing = (await people.list()).find((p) => p.email === person.email);
  const link = existing ? await people.reset(existing.id, null) : (await people.invite(person, null)).inviteUrl;
  const password = `demo desk ${randomBytes(4).toString('hex')}`;
  const setup = service.api.get(PasswordSetupService);
  await setup.setPassword((await setup.open(new URL(link).searchParams.get('token')!))!, password, password);
  return { ...person, password };
}

async function main(): Promise<void> {
  const text = readFileSync(ARTICLE, 'utf8');
  const service = await startAll();
  const keys = service.api.get(ApiKeysService);
  const integrators = service.api.get(IntegratorsService);
  const newsroom = (await integrators.list()).find((i) => i.name === DEMO_INTEGRATOR);
  const earlier = (await keys.list()).filter(
    (k) => !k.revokedAt && (k.name.startsWith(DEMO_KEY_NAME) || (newsroom && k.integratorId === newsroom.id)),
  );
  for (const key of earlier) await keys.revoke(key.id);
  const admin = (await keys.create({ name: `${DEMO_KEY_NAME}admin`, role: 'admin' })).key;
  const editor = (await keys.create({ name: `${DEMO_KEY_NAME}editor`, role: 'editor' })).key;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the demo reads a few fields of JSON answers
  const call = async (method: string, path: string, key: string, body?: unknown): Promise<any> => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const payload = response.status === 204 ? null : await response.json();
    if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(payload)}`);
    return payload;
  };

  let reviewers: { id: string; name: string }[] = (await call('GET', '/admin/reviewers', admin)).items;
  if (reviewers.length === 0) {
    for (const reviewer of DEMO_REVIEWERS) await call('POST', '/admin/reviewers', admin, reviewer);
    reviewers = (await call('GET', '/admin/reviewers', admin)).items;
  }
  const reviewerKeys = await Promise.all(
    reviewers.slice(0, 2).map(async (r) => ({
      name: r.name,
      key: (await keys.create({ name: `${DEMO_KEY_NAME}reviewer ${r.name}`, role: 'reviewer', reviewerId: r.id })).key,
    })),
  );

  const demoPeople = [
    await demoPerson(service, { email: 'admin@demo.claimdesk', name: 'Demo Admin', role: 'admin' }),
    await demoPerson(service, { email: 'editor@demo.claimdesk', name: 'Demo Editor', role: 'editor' }),
    ...(await Promise.all(
      reviewers.slice(0, 2).map((r) =>
        demoPerson(service, {
          email: `${r.name.split(' ')[0].toLowerCase()}.person@demo.claimdesk`,
          name: r.name,
          role: 'reviewer',
          reviewerId: r.id,
        }),
      ),
    )),
  ];

  // The article comes from a demo newsroom integrator, so a second run finds the same article instead of a copy.
  const integratorKey = newsroom
    ? (await keys.create({ name: `${DEMO_KEY_NAME}newsroom`, role: 'integrator', integratorId: newsroom.id })).key
    : (await integrators.create(DEMO_INTEGRATOR, null)).apiKey;

  const [headline] = text.split('\n');
  const posted = await call('POST', '/articles', integratorKey, {
    title: headline.trim(),
    body: text,
    externalId: `demo:${basename(ARTICLE)}`,
    ...(process.argv[2] ? {} : { url: DEMO_ARTICLE_URL }),
  });
  console.log(
    `\nPosted "${headline.trim()}" → article ${posted.id} (${posted.status}${posted.revision > 1 ? `, revision ${posted.revision}` : ''})`,
  );

  const article = await waitForAssignment(
    () => call('GET', `/articles/${posted.id}`, editor),
    async () =>
      (await call('GET', '/admin/queues', admin)).items.every(
        (q: { waiting: number; active: number }) => q.waiting + q.active === 0,
      ),
  );
  const names = new Map(reviewers.map((r) => [r.id, r.name]));
  console.log(`\n${article.claims.length} claims (status ${article.status}):\n`);
  article.claims.forEach((claim: ClaimRow, i: number) => {
    console.log(`${String(i + 1).padStart(2)}. ${claim.text}`);
    console.log(
      `    score ${claim.checkworthiness.toFixed(2)} · ${claim.type} · claimant ${claim.claimant ?? '—'} · ${claim.status} · reviewer ${claim.assigneeId ? names.get(claim.assigneeId) : claim.status === 'unverified' ? '— (waiting)' : '—'}`,
    );
  });
  const candidates: ClaimRow[] = (await call('GET', `/articles/${posted.id}/claims?tier=candidate&limit=200`, editor))
    .items;
  console.log(
    `\n${candidates.length} candidates (scored below the threshold: stored, not queued, promoted with POST /claims/:id/promote):\n`,
  );
  candidates.forEach((claim) => console.log(`  - ${claim.checkworthiness.toFixed(2)} ${claim.text}`));
  console.log(`\nSummary: ${JSON.stringify(article.summary)}`);
  const site = service.publicUrl;
  console.log(`
Look at:
  ${site}/articles/${article.id}          the article as JSON (Authorization: Bearer <key>)
  ${site}/articles/${article.id}/claimreview   ClaimReview JSON-LD of its verdicts
  ${site}/ui/articles/${article.id}       the editor page (sign in at ${site}/ui/login)
  ${site}/ui/review                       the reviewer workbench
  ${site}/docs                            the API (OpenAPI)
  ${site}/admin/queues/ui                 the queue dashboard (admin)
  ${site}/health   ${site}/metrics

Sign in at ${site}/ui/login as any of these demo people (passwords are new each run):
${demoPeople.map((p) => `  ${p.role.padEnd(8)} ${p.name.padEnd(14)} ${p.email.padEnd(28)} ${p.password}`).join('\n')}

Keys made for this run, for the API (shown once${earlier.length ? `; the ${earlier.length} of the earlier run are revoked` : ''}):
  admin   ${admin}
  editor  ${editor}
  integrator (${DEMO_INTEGRATOR}) ${integratorKey}
${reviewerKeys.map((r) => `  reviewer ${r.name}: ${r.key}`).join('\n')}

Serving until stopped (Ctrl-C).`);
}

interface ClaimRow {
  text: string;
  checkworthiness: number;
  type: string;
  claimant: string | null;
  status: string;
  assigneeId: string | null;
}

/** Extraction and assignment run in the worker; wait until every open claim has a reviewer, or the queues are idle (reviewers full). */
async function waitForAssignment(
  load: () => Promise<{ id: string; status: string; summary: unknown; claims: ClaimRow[] }>,
  queuesIdle: () => Promise<boolean>,
) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const article = await load();
    const extracted = article.status === 'failed' || article.status === 'ready';
    const settled =
      extracted && (article.claims.every((c) => c.status !== 'unverified' || c.assigneeId) || (await queuesIdle()));
    if (settled || Date.now() > deadline) return article;
    await new Promise((r) => setTimeout(r, 200));
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
