import type { TestService } from './test-service';
import { waitFor } from './test-service';

/** Short news-like texts, each with several checkable sentences, different enough to be separate articles. */
export function newsBody(n: number): string {
  return [
    `Officials said on Monday that ${100 + n} soldiers were deployed to the border region in ${2000 + (n % 24)}.`,
    `The ministry reported that spending rose by ${(n % 90) + 3} percent compared with the previous year.`,
    `According to the central bank, inflation reached ${(n % 9) + 2}.${n % 10} percent in March.`,
    `The government plans to build ${n * 7 + 11} new schools by 2030, the minister said.`,
  ].join(' ');
}

let posted = 0;

/** Posts `count` new articles (each call's titles are new, so none is a repeat of an earlier one). */
export async function postArticles(
  t: TestService,
  key: string,
  count: number,
  fields: Record<string, unknown> = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = posted++;
    const response = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${key}`)
      .send({ title: `Article ${n}`, body: newsBody(n), ...fields });
    if (response.status !== 202)
      throw new Error(`article ${i} not accepted: ${response.status} ${JSON.stringify(response.body)}`);
    ids.push(response.body.id);
  }
  return ids;
}

export interface AssignmentCount {
  claims: number;
  assigned: number;
  /** Claims whose history shows more than one 'assigned' event without a release in between. */
  assignedTwice: number;
  /** Articles not yet extracted. */
  pendingArticles: number;
}

export async function countAssignments(t: TestService): Promise<AssignmentCount> {
  const { rows } = await t.db.query(`
    SELECT (SELECT count(*)::int FROM claims) AS claims,
           (SELECT count(*)::int FROM claims WHERE assignee_id IS NOT NULL) AS assigned,
           (SELECT count(*)::int FROM (SELECT claim_id FROM claim_events WHERE type = 'assigned' GROUP BY claim_id HAVING count(*) > 1) twice) AS "assignedTwice",
           (SELECT count(*)::int FROM articles WHERE extracted_revision < revision) AS "pendingArticles"`);
  return rows[0];
}

/** Waits until every article is extracted and every claim has exactly one reviewer. */
export function waitForAllAssigned(t: TestService, timeoutMs = 30_000): Promise<AssignmentCount> {
  return waitFor(
    async () => {
      const count = await countAssignments(t);
      return count.pendingArticles === 0 && count.claims > 0 && count.assigned === count.claims ? count : null;
    },
    'every claim to be assigned',
    timeoutMs,
  );
}

/** Waits until no job is waiting or running on any queue: the worker has done all it was asked. */
export function waitForQueuesIdle(t: TestService, timeoutMs = 20_000): Promise<boolean> {
  return waitFor(
    async () => {
      const response = await t.http().get('/admin/queues').set('Authorization', `Bearer ${t.adminKey}`);
      return response.body.items.every((q: { waiting: number; active: number }) => q.waiting === 0 && q.active === 0);
    },
    'the queues to drain',
    timeoutMs,
  );
}

/** A news article with one claim said by a person and one by an organization; its two claims once extracted. */
export async function postCouncilBudget<T>(
  t: TestService,
  key: string,
  fields: Record<string, unknown> = {},
): Promise<T[]> {
  const auth = { Authorization: `Bearer ${key}` };
  const posted = await t
    .http()
    .post('/articles')
    .set(auth)
    .send({
      title: 'Council budget',
      url: 'https://news.example/council',
      body:
        'Judge Maria Delgado said the city spent 40 million dollars on roads in 2023. ' +
        'According to the regional health ministry, hospital admissions rose by 12 percent last year.',
      ...fields,
    });
  if (posted.status !== 202) throw new Error(`the article was not accepted: ${posted.status}`);
  const claimsOf = async (): Promise<T[]> =>
    (await t.http().get(`/articles/${posted.body.id}/claims`).set(auth)).body.items ?? [];
  await waitFor(async () => (await claimsOf()).length === 2, 'both claims extracted', 30_000);
  return claimsOf();
}
