import type { TestService } from './test-service';
import { waitFor } from './test-service';
import type { WebhookReceiver } from './webhook-receiver';

/** A claim as the API answers it, with what the suites read of it. */
export interface ApiClaim {
  id: string;
  articleId: string;
  status: string;
  version: number;
  assigneeId: string | null;
  rating: string | null;
  approval: string | null;
  checkworthiness: number;
  publicUrl: string | null;
}

/** Sentences the extractor takes each as one check-worthy claim. */
export const CHECKABLE_SENTENCES = [
  'The Pentagon has about $5 billion left to ship weapons to Ukraine.',
  'The administration wants another $61 billion to fund the war for another year.',
  'Russia invaded Ukraine in February 2022 with more than 150,000 troops.',
  'Unemployment in the United States fell to 3.5 percent in 2023.',
  'The European Union imported 40 percent of its gas from Russia in 2021.',
  'Germany spent 2 percent of its GDP on defence in 2024.',
];

/** A source a sourced verdict may carry. */
export const A_SOURCE = [{ url: 'https://example.org/report', title: 'The report' }];

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

/** Moves through `POST /claims/:id/transitions`, naming the version the claim was read at. */
export function moveClaim(
  t: TestService,
  key: string,
  claim: Pick<ApiClaim, 'id' | 'version'>,
  body: Record<string, unknown>,
) {
  return t
    .http()
    .post(`/claims/${claim.id}/transitions`)
    .set(auth(key))
    .send({ expectedVersion: claim.version, ...body });
}

/** An integrator whose endpoint is `receiver`, subscribed to `events`. */
export async function integratorListening(
  t: TestService,
  receiver: WebhookReceiver,
  name: string,
  events: string[],
): Promise<{ id: string; apiKey: string }> {
  const integrator = (await t.http().post('/admin/integrators').set(auth(t.adminKey)).send({ name })).body;
  const url = await receiver.start();
  const endpoint = await t.http().post('/integrations/endpoints').set(auth(integrator.apiKey)).send({ url, events });
  receiver.secret = endpoint.body.secret;
  return integrator;
}

/** Posts an article with every sentence a claim and waits until each of its `count` claims is the reviewer's. */
export async function postAssigned(
  t: TestService,
  article: { key: string; readerKey: string; title: string; body: string },
  reviewerId: string,
  count: number,
): Promise<{ articleId: string; claims: ApiClaim[] }> {
  const posted = await t
    .http()
    .post('/articles')
    .set(auth(article.key))
    .send({ title: article.title, body: article.body, minCheckworthiness: 0 });
  const articleId: string = posted.body.id;
  const claims = await waitFor(async () => {
    const read = (await t.http().get(`/articles/${articleId}`).set(auth(article.readerKey))).body;
    return read.status === 'ready' &&
      read.claims.length >= count &&
      read.claims.every((c: ApiClaim) => c.assigneeId === reviewerId)
      ? (read.claims as ApiClaim[])
      : null;
  }, `the claims of "${article.title}" assigned`);
  return { articleId, claims };
}
