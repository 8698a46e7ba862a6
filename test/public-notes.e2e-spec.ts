import { startTestService, waitFor, type TestService } from './helpers/test-service';
import { WebhookReceiver } from './helpers/webhook-receiver';
import {
  A_SOURCE,
  CHECKABLE_SENTENCES,
  integratorListening,
  moveClaim,
  postAssigned,
  type ApiClaim,
} from './helpers/claims';

const INTERNAL = 'Internal: Maria at the ministry confirmed off the record; do not quote her.';
const PUBLIC = 'The ministry’s 2024 budget line shows a different figure.';

/** The JSON-LD a public page embeds. */
function jsonLdOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error('no JSON-LD on the page');
  return JSON.parse(match[1]) as Record<string, unknown>;
}

describe('public and internal words apart: publicNote, callbacks of version 2', () => {
  let t: TestService;
  let editor: string;
  let reviewer: { id: string; key: string };
  let articleId: string;
  let claims: ApiClaim[];
  const receiver = new WebhookReceiver();

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const settings = (body: Record<string, unknown>) =>
    t.http().patch('/admin/settings').set(auth(t.adminKey)).send(body);
  const heard = (claimId: string) =>
    receiver.ofType('claim.status_changed').filter((r) => r.payload.data.claimId === claimId);

  beforeAll(async () => {
    t = await startTestService(4);
    editor = await t.createKey('editor');
    reviewer = await t.createReviewer({ capacity: 100 });
    const cms = await integratorListening(t, receiver, 'Public CMS', ['claim.status_changed', 'article.reviewed']);
    ({ articleId, claims } = await postAssigned(
      t,
      { key: cms.apiKey, readerKey: editor, title: 'Budget claims', body: CHECKABLE_SENTENCES.slice(0, 3).join(' ') },
      reviewer.id,
      3,
    ));
  });
  afterAll(async () => {
    await receiver.stop();
    await t.close();
  });

  it('a verdict’s note stays inside; its publicNote goes to the callback, ClaimReview and the public page', async () => {
    const moved = await moveClaim(t, reviewer.key, claims[0], {
      to: 'disputed',
      note: INTERNAL,
      publicNote: PUBLIC,
      rating: 'false',
      sources: A_SOURCE,
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'disputed', publicNote: PUBLIC });
    expect(moved.body.publicUrl).toMatch(/\/fact-checks\/[a-z0-9-]+$/);
    claims[0] = moved.body;

    const callback = await waitFor(async () => heard(claims[0].id)[0], 'the verdict’s callback');
    expect(callback.verified).toBe(true);
    expect(callback.payload).toMatchObject({ type: 'claim.status_changed', version: 2 });
    expect(callback.payload.data).toEqual({
      articleId,
      externalId: null,
      claimId: claims[0].id,
      from: 'unverified',
      to: 'disputed',
      version: claims[0].version,
      text: CHECKABLE_SENTENCES[0],
      statement: CHECKABLE_SENTENCES[0],
      claimant: moved.body.claimant,
      rating: { key: 'false', label: 'False', ratingValue: 1, bestRating: 7, worstRating: 1 },
      publicNote: PUBLIC,
      sources: A_SOURCE,
      publicUrl: moved.body.publicUrl,
    });
    expect(JSON.stringify(callback.payload)).not.toContain('Maria');

    const review = await t.http().get(`/claims/${claims[0].id}/claimreview`).set(auth(editor));
    expect(review.body.reviewBody).toBe(PUBLIC);
    expect(JSON.stringify(review.body)).not.toContain('Maria');

    const page = await fetch(moved.body.publicUrl.replace(/^https?:\/\/[^/]+/, t.url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('The ministry’s 2024 budget line shows a different figure.');
    expect(html).not.toContain('Maria');
    expect(jsonLdOf(html)).toMatchObject({ reviewBody: PUBLIC, reviewRating: { alternateName: 'False' } });
  });

  it('only sourced and disputed verdicts carry a public rationale; a desk may require one for a dispute', async () => {
    const dismissed = await moveClaim(t, reviewer.key, claims[1], {
      to: 'dismissed',
      note: 'not a claim',
      publicNote: 'Not checkable',
    });
    expect(dismissed.status).toBe(400);
    expect(dismissed.body.code).toBe('public_note_not_allowed');

    expect((await settings({ requirePublicNote: true })).body.requirePublicNote).toBe(true);
    const bare = await moveClaim(t, reviewer.key, claims[1], { to: 'disputed', note: 'wrong year' });
    expect(bare.status).toBe(400);
    expect(bare.body.code).toBe('public_note_required');
    const current = (await t.http().get(`/claims/${claims[1].id}`).set(auth(editor))).body;
    expect(current).toMatchObject({ status: 'unverified', version: claims[1].version, publicNote: null });
    // A sourced verdict stands on its sources: the requirement is the dispute's.
    const sourced = await moveClaim(t, reviewer.key, claims[1], { to: 'sourced', sources: A_SOURCE });
    expect(sourced.status).toBe(200);
    expect(sourced.body.publicNote).toBeNull();
    claims[1] = sourced.body;
    await settings({ requirePublicNote: false });
  });

  it('a reopening clears the public rationale and tells the integrator without one; article.reviewed names the public pages', async () => {
    const reopened = await moveClaim(t, editor, claims[1], { to: 'unverified', note: 'a reader wrote in' });
    expect(reopened.body).toMatchObject({ status: 'unverified', publicNote: null, rating: null, publicUrl: null });
    claims[1] = reopened.body;
    const told = await waitFor(
      async () => heard(claims[1].id).find((r) => r.payload.data.to === 'unverified'),
      'the reopening’s callback',
    );
    expect(told.payload.data).toMatchObject({ publicNote: null, rating: null, sources: [], publicUrl: null });
    expect(told.payload.data).not.toHaveProperty('note');

    // A reopened claim goes back to the queue; the reviewer may move it once the queue hands it out again.
    claims[1] = await waitFor(async () => {
      const read: ApiClaim = (await t.http().get(`/claims/${claims[1].id}`).set(auth(editor))).body;
      return read.assigneeId === reviewer.id ? read : null;
    }, 'the reopened claim assigned again');
    const sourced = await moveClaim(t, reviewer.key, claims[1], {
      to: 'sourced',
      sources: A_SOURCE,
      publicNote: 'As reported.',
    });
    expect(sourced.status).toBe(200);
    claims[1] = sourced.body;
    const last = await moveClaim(t, editor, claims[2], { to: 'dismissed', note: 'an opinion' });
    expect(last.status).toBe(200);
    const reviewed = await waitFor(async () => receiver.ofType('article.reviewed')[0], 'article.reviewed');
    expect(reviewed.payload).toMatchObject({ type: 'article.reviewed', version: 2 });
    expect(reviewed.payload.data).toMatchObject({
      articleId,
      claims: 3,
      summary: { sourced: 1, disputed: 1, dismissed: 1 },
    });
    expect(reviewed.payload.data.factChecks).toEqual([
      { claimId: claims[0].id, status: 'disputed', rating: 'false', publicUrl: claims[0].publicUrl },
      { claimId: claims[1].id, status: 'sourced', rating: null, publicUrl: claims[1].publicUrl },
    ]);
  });
});
