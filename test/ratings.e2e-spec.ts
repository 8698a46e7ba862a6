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

type Claim = ApiClaim;

const SOURCE = A_SOURCE;
const BODY = CHECKABLE_SENTENCES.join(' ');

const DEFAULT_KEYS = ['true', 'mostly-true', 'half-true', 'missing-context', 'misleading', 'mostly-false', 'false'];

describe('ratings: the desk’s scale and rated verdicts', () => {
  let t: TestService;
  let editor: string;
  let cms: { id: string; apiKey: string };
  let reviewer: { id: string; key: string };
  let claims: Claim[];
  const receiver = new WebhookReceiver();

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const patch = (body: Record<string, unknown>) => t.http().patch('/admin/settings').set(auth(t.adminKey)).send(body);
  const move = (key: string, claim: Pick<Claim, 'id' | 'version'>, body: Record<string, unknown>) =>
    moveClaim(t, key, claim, body);
  const fetchClaim = async (id: string): Promise<Claim> => (await t.http().get(`/claims/${id}`).set(auth(editor))).body;

  beforeAll(async () => {
    t = await startTestService(4);
    editor = await t.createKey('editor');
    reviewer = await t.createReviewer({ capacity: 100 });
    cms = await integratorListening(t, receiver, 'Rated CMS', ['claim.status_changed']);
    ({ claims } = await postAssigned(
      t,
      { key: cms.apiKey, readerKey: editor, title: 'Ratings', body: BODY },
      reviewer.id,
      6,
    ));
  });
  afterAll(async () => {
    await receiver.stop();
    await t.close();
  });

  it('holds the default scale, no rating required and no second opinion until an admin changes them', async () => {
    const res = await t.http().get('/admin/settings').set(auth(t.adminKey));
    expect(res.status).toBe(200);
    expect(res.body.ratings.map((r: { key: string }) => r.key)).toEqual(DEFAULT_KEYS);
    expect(res.body.ratings[0]).toEqual({ key: 'true', label: 'True', ratingValue: 7 });
    expect(res.body.requireRating).toBe(false);
    expect(res.body.secondOpinion).toEqual({
      enabled: false,
      minCheckworthiness: 0,
      statuses: ['sourced', 'disputed'],
    });
    expect((await t.http().get('/admin/settings').set(auth(editor))).status).toBe(403);
  });

  it('refuses a malformed scale with a code for each fault, and changes nothing', async () => {
    const step = (key: string, ratingValue: unknown = 1) => ({ key, label: key, ratingValue });
    const cases: [Record<string, unknown>, string][] = [
      [{ ratings: [step('only')] }, 'invalid_rating_scale'],
      [{ ratings: Array.from({ length: 21 }, (_, i) => step(`r${i}`, i)) }, 'invalid_rating_scale'],
      [{ ratings: [step('Not A Slug'), step('false')] }, 'invalid_rating_key'],
      [{ ratings: [step('same', 2), step('same', 1)] }, 'duplicate_rating_key'],
      [{ ratings: [step('half', 0.5), step('false', 0)] }, 'invalid_rating_value'],
      [{ ratings: [step('true', 'high'), step('false', 0)] }, 'validation_failed'],
      [{ ratings: [{ key: 'true', ratingValue: 1 }, step('false', 0)] }, 'validation_failed'],
      [{ requireRating: 'yes' }, 'validation_failed'],
      [{ secondOpinion: { statuses: ['dismissed'] } }, 'validation_failed'],
      [{ secondOpinion: { minCheckworthiness: 2 } }, 'validation_failed'],
      [{ secondOpinion: [{ enabled: true, minCheckworthiness: 0.5 }] }, 'validation_failed'],
      [{ colour: 'red' }, 'validation_failed'],
    ];
    for (const [body, code] of cases) {
      const res = await patch(body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status: 400, code });
      expect(res.body.message).toEqual(expect.any(String));
    }
    const after = await t.http().get('/admin/settings').set(auth(t.adminKey));
    expect(after.body.ratings.map((r: { key: string }) => r.key)).toEqual(DEFAULT_KEYS);
  });

  it('a sourced verdict carries a rating of the scale: on the claim, in its history, callback and ClaimReview', async () => {
    const claim = claims[0];
    const unknown = await move(reviewer.key, claim, { to: 'sourced', sources: SOURCE, rating: 'pants-on-fire' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('unknown_rating');
    expect((await fetchClaim(claim.id)).status).toBe('unverified');

    const moved = await move(reviewer.key, claim, { to: 'sourced', sources: SOURCE, rating: 'mostly-true' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'sourced', rating: 'mostly-true', approval: null });
    const events = (await t.http().get(`/claims/${claim.id}/events`).set(auth(editor))).body.items;
    expect(events.at(-1)).toMatchObject({ type: 'transition', toStatus: 'sourced', rating: 'mostly-true' });

    const review = await t.http().get(`/claims/${claim.id}/claimreview`).set(auth(editor));
    expect(review.status).toBe(200);
    expect(review.body.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 6,
      bestRating: 7,
      worstRating: 1,
      alternateName: 'Mostly true',
    });
    const callback = await waitFor(
      async () => receiver.ofType('claim.status_changed').find((r) => r.payload.data.claimId === claim.id),
      'the claim’s callback',
    );
    expect(callback.verified).toBe(true);
    expect(callback.payload.data).toMatchObject({
      from: 'unverified',
      to: 'sourced',
      rating: { key: 'mostly-true', label: 'Mostly true', ratingValue: 6, bestRating: 7, worstRating: 1 },
    });
  });

  it('only sourced and disputed verdicts carry one; a move away from the verdict clears it', async () => {
    const dismissed = await move(reviewer.key, claims[1], { to: 'dismissed', note: 'not a claim', rating: 'false' });
    expect(dismissed.status).toBe(400);
    expect(dismissed.body.code).toBe('rating_not_allowed');

    const disputed = await move(reviewer.key, claims[1], { to: 'disputed', note: 'wrong year', rating: 'false' });
    expect(disputed.body).toMatchObject({ status: 'disputed', rating: 'false' });
    const reopened = await move(editor, disputed.body, { to: 'unverified', note: 'look again' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'unverified', rating: null });
    const { rows } = await t.db.query(`SELECT rating FROM claims WHERE id = $1`, [claims[1].id]);
    expect(rows[0].rating).toBeNull();
  });

  it('an unrated verdict keeps the verdict’s name in ClaimReview', async () => {
    const moved = await move(reviewer.key, claims[2], { to: 'disputed', note: 'no such figure' });
    expect(moved.body.rating).toBeNull();
    const review = await t.http().get(`/claims/${claims[2].id}/claimreview`).set(auth(editor));
    expect(review.body.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Disputed' });
  });

  it('an admin’s new scale applies to the next verdict at once, is audited, and may require a rating', async () => {
    const scale = [
      { key: 'correct', label: 'Correct', ratingValue: 3 },
      { key: 'unsupported', label: 'Unsupported', ratingValue: 2 },
      { key: 'wrong', label: 'Wrong', ratingValue: 1 },
    ];
    const changed = await patch({ ratings: scale, requireRating: true });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ ratings: scale, requireRating: true, secondOpinion: { enabled: false } });
    const { rows } = await t.db.query(
      `SELECT action, target_type, details FROM audit_events WHERE target_type = 'settings' ORDER BY created_at`,
    );
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'settings.updated',
        target_type: 'settings',
        details: expect.objectContaining({ changed: ['ratings', 'requireRating'], requireRating: true }),
      }),
    ]);

    const unrated = await move(reviewer.key, claims[3], { to: 'sourced', sources: SOURCE });
    expect(unrated.status).toBe(400);
    expect(unrated.body).toMatchObject({
      code: 'rating_required',
      details: { ratings: ['correct', 'unsupported', 'wrong'] },
    });
    const old = await move(reviewer.key, claims[3], { to: 'sourced', sources: SOURCE, rating: 'mostly-true' });
    expect(old.body.code).toBe('unknown_rating');
    const viaWorkbench = await t
      .http()
      .post(`/review/claims/${claims[3].id}/verdict`)
      .set(auth(reviewer.key))
      .send({ expectedVersion: claims[3].version, to: 'disputed', note: 'misread' });
    expect(viaWorkbench.status).toBe(400);
    expect(viaWorkbench.body.code).toBe('rating_required');
    const rated = await t
      .http()
      .post(`/review/claims/${claims[3].id}/verdict`)
      .set(auth(reviewer.key))
      .send({ expectedVersion: claims[3].version, to: 'disputed', note: 'misread', rating: 'wrong' });
    expect(rated.status).toBe(200);
    expect(rated.body.claim).toMatchObject({ status: 'disputed', rating: 'wrong' });
    const review = await t.http().get(`/claims/${claims[3].id}/claimreview`).set(auth(editor));
    expect(review.body.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 3,
      worstRating: 1,
      alternateName: 'Wrong',
    });
    // A dismissal needs no rating, even when verdicts do.
    expect((await move(reviewer.key, claims[4], { to: 'dismissed', note: 'opinion' })).status).toBe(200);
  });
});
