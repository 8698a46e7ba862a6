import { startTestService, waitFor, type TestService } from './helpers/test-service';
import { noticesOfKind, personKey } from './helpers/notices';
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
const BODY = [0, 3, 5].map((i) => CHECKABLE_SENTENCES[i]).join(' ');

describe('second opinion: a verdict in scope waits for someone else’s approval before it is published', () => {
  let t: TestService;
  let editor: string;
  let cms: { id: string; apiKey: string };
  let author: { id: string; key: string };
  let second: { id: string; key: string };
  /** Keys of the people who act as the two reviewers: notices go to people. */
  let authorPersonKey: string;
  let secondPersonKey: string;
  let articleId: string;
  let claims: Claim[];
  const receiver = new WebhookReceiver();

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const move = (key: string, claim: Pick<Claim, 'id' | 'version'>, body: Record<string, unknown>) =>
    moveClaim(t, key, claim, body);
  const approve = (key: string, claim: Pick<Claim, 'id' | 'version'>) =>
    t.http().post(`/claims/${claim.id}/approve`).set(auth(key)).send({ expectedVersion: claim.version });
  const giveBack = (key: string, claim: Pick<Claim, 'id' | 'version'>, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/claims/${claim.id}/return`)
      .set(auth(key))
      .send({ expectedVersion: claim.version, ...body });
  const fetchClaim = async (id: string): Promise<Claim> => (await t.http().get(`/claims/${id}`).set(auth(editor))).body;
  const outboxFor = async (type: string, claimId?: string): Promise<number> => {
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM callback_deliveries WHERE event_type = $1 AND ($2::text IS NULL OR payload->'data'->>'claimId' = $2)`,
      [type, claimId ?? null],
    );
    return rows[0].n;
  };
  const heard = (claimId: string) =>
    receiver.ofType('claim.status_changed').filter((r) => r.payload.data.claimId === claimId);
  const waitingFor = async (key: string): Promise<string[]> => {
    const res = await t.http().get('/review/second-opinions').set(auth(key));
    expect(res.status).toBe(200);
    return res.body.items.map((c: Claim) => c.id);
  };

  /** A new article of one claim from the integrator, handed to one of the two reviewers; the other may judge it. */
  const oneClaimArticle = async (title: string, sentence: string) => {
    const posted = await t
      .http()
      .post('/articles')
      .set(auth(cms.apiKey))
      .send({ title, body: sentence, minCheckworthiness: 0 });
    const [claim]: Claim[] = await waitFor(async () => {
      const article = (await t.http().get(`/articles/${posted.body.id}`).set(auth(editor))).body;
      return article.status === 'ready' && article.claims.length === 1 && article.claims[0].assigneeId
        ? article.claims
        : null;
    }, `the claim of "${title}" assigned`);
    const holder = claim.assigneeId === author.id ? author : second;
    return { articleId: posted.body.id as string, claim, holder, other: holder === author ? second : author };
  };

  beforeAll(async () => {
    t = await startTestService(8);
    editor = await t.createKey('editor');
    author = await t.createReviewer({ capacity: 100 });
    cms = await integratorListening(t, receiver, 'Careful CMS', ['claim.status_changed', 'article.reviewed']);
    const settings = await t
      .http()
      .patch('/admin/settings')
      .set(auth(t.adminKey))
      .send({ secondOpinion: { enabled: true, minCheckworthiness: 0, statuses: ['sourced', 'disputed'] } });
    expect(settings.body.secondOpinion).toEqual({
      enabled: true,
      minCheckworthiness: 0,
      statuses: ['sourced', 'disputed'],
    });
    ({ articleId, claims } = await postAssigned(
      t,
      { key: cms.apiKey, readerKey: editor, title: 'Second opinion', body: BODY },
      author.id,
      3,
    ));
    expect(claims).toHaveLength(3);
    second = await t.createReviewer({ capacity: 100 });
    const authorPerson = await t.createPerson('reviewer', { name: 'Ana Author', reviewerId: author.id });
    const secondPerson = await t.createPerson('reviewer', { name: 'Sid Second', reviewerId: second.id });
    [authorPersonKey, secondPersonKey] = [
      await personKey(t, authorPerson, 'reviewer'),
      await personKey(t, secondPerson, 'reviewer'),
    ];
  });
  afterAll(async () => {
    await receiver.stop();
    await t.close();
  });

  it('records a verdict in scope as pending: moved and in history, but no callback, ClaimReview or reviewed', async () => {
    const moved = await move(author.key, claims[0], { to: 'sourced', sources: SOURCE, rating: 'mostly-true' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      status: 'sourced',
      approval: 'pending',
      rating: 'mostly-true',
      assigneeId: null,
    });
    claims[0] = moved.body;
    const events = (await t.http().get(`/claims/${claims[0].id}/events`).set(auth(editor))).body.items;
    expect(events.at(-1)).toMatchObject({ type: 'transition', toStatus: 'sourced', rating: 'mostly-true' });

    const review = await t.http().get(`/claims/${claims[0].id}/claimreview`).set(auth(editor));
    expect(review.status).toBe(404);
    expect(review.body.code).toBe('approval_pending');
    const graph = await t.http().get(`/articles/${articleId}/claimreview`).set(auth(editor));
    expect(graph.body['@graph']).toEqual([]);

    const article = (await t.http().get(`/articles/${articleId}`).set(auth(editor))).body;
    expect(article.summary).toMatchObject({ total: 3, unverified: 2, sourced: 0, pendingApproval: 1 });
    const stats = (await t.http().get('/admin/stats').set(auth(t.adminKey))).body;
    expect(stats.pendingApproval).toBe(1);
    expect(stats.claimsPerStatus.sourced).toBe(0);

    // An out-of-scope verdict (a dismissal) is published at once: by the time its callback arrives, none came for the pending one.
    const dismissed = await move(author.key, claims[1], { to: 'dismissed', note: 'not checkable' });
    expect(dismissed.body.approval).toBeNull();
    claims[1] = dismissed.body;
    await waitFor(async () => heard(claims[1].id).length === 1, 'the dismissal’s callback');
    expect(heard(claims[0].id)).toEqual([]);
    expect(await outboxFor('claim.status_changed', claims[0].id)).toBe(0);
    const facts = await t.db.query(`SELECT count(*)::int AS n FROM fact_checks WHERE source_claim_id = $1`, [
      claims[0].id,
    ]);
    expect(facts.rows[0].n).toBe(0);
  });

  it('lists a pending verdict for everyone but its author; the author may not approve it', async () => {
    expect(await waitingFor(second.key)).toEqual([claims[0].id]);
    expect(await waitingFor(editor)).toEqual([claims[0].id]);
    expect(await waitingFor(author.key)).toEqual([]);
    // Everyone who could give it is told, in the transaction that recorded the verdict; its author is not.
    expect((await noticesOfKind(t, secondPersonKey, 'second_opinion_requested')).map((n) => n.claimId)).toEqual([
      claims[0].id,
    ]);
    expect(await noticesOfKind(t, authorPersonKey, 'second_opinion_requested')).toEqual([]);
    const own = await approve(author.key, claims[0]);
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('own_verdict');
    const stale = await approve(second.key, { id: claims[0].id, version: claims[0].version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', details: { currentVersion: claims[0].version } });
    const notPending = await approve(second.key, claims[1]);
    expect(notPending.status).toBe(409);
    expect(notPending.body.code).toBe('not_pending');
  });

  it('an approval publishes the verdict: callback, ClaimReview, the desk’s fact-check, history and audit', async () => {
    const approved = await approve(second.key, claims[0]);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'sourced',
      approval: 'approved',
      rating: 'mostly-true',
      version: claims[0].version + 1,
    });
    claims[0] = approved.body;
    const callback = await waitFor(async () => heard(claims[0].id)[0], 'the approved verdict’s callback');
    expect(callback.verified).toBe(true);
    expect(callback.payload.data).toMatchObject({
      articleId,
      from: 'unverified',
      to: 'sourced',
      version: claims[0].version,
      rating: expect.objectContaining({ key: 'mostly-true' }),
      publicUrl: claims[0].publicUrl,
    });
    expect(claims[0].publicUrl).toMatch(/\/fact-checks\/[a-z0-9-]+$/);
    const review = await t.http().get(`/claims/${claims[0].id}/claimreview`).set(auth(editor));
    expect(review.status).toBe(200);
    expect(review.body.reviewRating).toMatchObject({ alternateName: 'Mostly true', ratingValue: 6 });
    await waitFor(async () => {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM fact_checks WHERE source_claim_id = $1`, [
        claims[0].id,
      ]);
      return rows[0].n === 1;
    }, 'the desk’s fact-check');
    const events = (await t.http().get(`/claims/${claims[0].id}/events`).set(auth(editor))).body.items;
    expect(events.at(-1)).toMatchObject({ type: 'approved', reviewerId: author.id, rating: 'mostly-true' });
    const audit = await t.db.query(
      `SELECT action, actor_role FROM audit_events WHERE target_type = 'claim' AND target_id = $1`,
      [claims[0].id],
    );
    expect(audit.rows).toEqual([{ action: 'claim.approved', actor_role: 'reviewer' }]);
    expect(await waitingFor(second.key)).toEqual([]);
    expect((await approve(editor, claims[0])).body.code).toBe('not_pending');
  });

  it('a return sends the claim back to its reviewer, unverified, with the note in its history and nothing published', async () => {
    const disputed = await move(author.key, claims[2], { to: 'disputed', note: 'the year is wrong', rating: 'false' });
    expect(disputed.body).toMatchObject({ status: 'disputed', approval: 'pending' });
    claims[2] = disputed.body;
    const noNote = await giveBack(second.key, claims[2], {});
    expect(noNote.status).toBe(400);
    expect(noNote.body.code).toBe('validation_failed');
    const own = await giveBack(author.key, claims[2], { note: 'mine' });
    expect(own.status).toBe(403);
    expect(own.body.code).toBe('own_verdict');

    const returned = await giveBack(second.key, claims[2], { note: 'Check the 2024 budget line' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({
      status: 'unverified',
      approval: null,
      rating: null,
      assigneeId: author.id,
      version: claims[2].version + 1,
    });
    claims[2] = returned.body;
    const events = (await t.http().get(`/claims/${claims[2].id}/events`).set(auth(editor))).body.items;
    expect(events.slice(-2)).toEqual([
      expect.objectContaining({ type: 'returned', note: 'Check the 2024 budget line', fromStatus: 'disputed' }),
      expect.objectContaining({ type: 'assigned', reviewerId: author.id }),
    ]);
    const audit = await t.db.query(`SELECT action FROM audit_events WHERE target_type = 'claim' AND target_id = $1`, [
      claims[2].id,
    ]);
    expect(audit.rows).toEqual([{ action: 'claim.returned' }]);
    const mine = (await t.http().get('/review/mine').set(auth(author.key))).body.items.map((c: Claim) => c.id);
    expect(mine).toContain(claims[2].id);
    expect((await noticesOfKind(t, authorPersonKey, 'returned')).map((n) => n.claimId)).toEqual([claims[2].id]);
    expect(await noticesOfKind(t, secondPersonKey, 'returned')).toEqual([]);
    expect(await outboxFor('claim.status_changed', claims[2].id)).toBe(0);
    expect((await giveBack(second.key, claims[2], { note: 'again' })).body.code).toBe('not_pending');
  });

  it('article.reviewed waits while a verdict is pending, and goes out once it is approved', async () => {
    const disputed = await move(author.key, claims[2], { to: 'disputed', note: 'the year is wrong', rating: 'false' });
    claims[2] = disputed.body;
    expect(claims[2].approval).toBe('pending');
    const article = (await t.http().get(`/articles/${articleId}`).set(auth(editor))).body;
    expect(article.reviewed).toBe(false);
    expect(await outboxFor('article.reviewed')).toBe(0);

    expect((await approve(editor, claims[2])).status).toBe(200);
    const reviewed = await waitFor(async () => receiver.ofType('article.reviewed')[0], 'article.reviewed');
    expect(reviewed.payload.data).toMatchObject({ articleId, claims: 3 });
    expect(heard(claims[2].id).map((r) => r.payload.data)).toEqual([
      expect.objectContaining({
        from: 'unverified',
        to: 'disputed',
        rating: expect.objectContaining({ key: 'false' }),
      }),
    ]);
    expect((await t.http().get(`/articles/${articleId}`).set(auth(editor))).body).toMatchObject({
      reviewed: true,
      summary: { sourced: 1, disputed: 1, dismissed: 1, pendingApproval: 0 },
    });
  });

  it('a verdict below the minimum check-worthiness is published at once; a reopening clears a pending one unheard', async () => {
    const narrowed = await t
      .http()
      .patch('/admin/settings')
      .set(auth(t.adminKey))
      .send({ secondOpinion: { minCheckworthiness: 1 } });
    expect(narrowed.body.secondOpinion).toEqual({
      enabled: true,
      minCheckworthiness: 1,
      statuses: ['sourced', 'disputed'],
    });
    expect(claims[0].checkworthiness).toBeLessThan(1);
    const reopened = await move(editor, claims[0], { to: 'unverified', note: 'new evidence' });
    expect(reopened.body).toMatchObject({ status: 'unverified', rating: null, approval: null });
    const claim = await fetchClaim(claims[0].id);
    const moved = await move(editor, claim, { to: 'disputed', note: 'new evidence says otherwise' });
    expect(moved.body.approval).toBeNull();
    await waitFor(
      async () => heard(claims[0].id).some((r) => r.payload.data.to === 'disputed'),
      'the out-of-scope verdict’s callback',
    );
  });

  it('writes a pending verdict and the notices asking for a second opinion together, or neither', async () => {
    await t
      .http()
      .patch('/admin/settings')
      .set(auth(t.adminKey))
      .send({ secondOpinion: { minCheckworthiness: 0 } });
    const { claim, holder, other } = await oneClaimArticle('Second opinion, notices', CHECKABLE_SENTENCES[1]);
    const otherPersonKey = other === author ? authorPersonKey : secondPersonKey;
    // Postgres refuses the notices (a fault of the test's making): the verdict must not stand without them.
    await t.db.query(
      `CREATE FUNCTION refuse_notices() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'notices refused'; END $$`,
    );
    await t.db.query(
      `CREATE TRIGGER refuse_notices BEFORE INSERT ON notifications FOR EACH ROW EXECUTE FUNCTION refuse_notices()`,
    );
    try {
      const refused = await move(holder.key, claim, { to: 'sourced', sources: SOURCE });
      expect(refused.status).toBe(500);
    } finally {
      await t.db.query(`DROP TRIGGER refuse_notices ON notifications`);
      await t.db.query(`DROP FUNCTION refuse_notices()`);
    }
    expect(await fetchClaim(claim.id)).toMatchObject({ status: 'unverified', version: claim.version, approval: null });

    const moved = await move(holder.key, claim, { to: 'sourced', sources: SOURCE });
    expect(moved.body).toMatchObject({ status: 'sourced', approval: 'pending' });
    expect((await noticesOfKind(t, otherPersonKey, 'second_opinion_requested')).map((n) => n.claimId)).toContain(
      claim.id,
    );
  });

  it('sends article.reviewed once a pending verdict revised while it waited is published, approved or out of scope', async () => {
    const scope = (statuses: string[]) =>
      t
        .http()
        .patch('/admin/settings')
        .set(auth(t.adminKey))
        .send({ secondOpinion: { enabled: true, minCheckworthiness: 0, statuses } });
    const reviewedOf = (id: string) =>
      receiver.ofType('article.reviewed').filter((r) => r.payload.data.articleId === id);

    // Revised while pending, then approved.
    await scope(['sourced', 'disputed']);
    const approved = await oneClaimArticle('Revised, then approved', CHECKABLE_SENTENCES[2]);
    const pending = await move(approved.holder.key, approved.claim, { to: 'sourced', sources: SOURCE });
    expect(pending.body.approval).toBe('pending');
    const revised = await move(approved.holder.key, pending.body, { to: 'disputed', note: 'the figure was revised' });
    expect(revised.body).toMatchObject({ status: 'disputed', approval: 'pending' });
    expect((await approve(approved.other.key, revised.body)).status).toBe(200);
    await waitFor(async () => (reviewedOf(approved.articleId).length === 1 ? true : null), 'article.reviewed');

    // Revised out of the second opinion's scope while pending: published by the revision itself.
    await scope(['sourced']);
    const narrowed = await oneClaimArticle('Revised out of scope', CHECKABLE_SENTENCES[4]);
    const waiting = await move(narrowed.holder.key, narrowed.claim, { to: 'sourced', sources: SOURCE });
    expect(waiting.body.approval).toBe('pending');
    const published = await move(narrowed.holder.key, waiting.body, { to: 'disputed', note: 'contradicted' });
    expect(published.body).toMatchObject({ status: 'disputed', approval: null });
    await waitFor(async () => (reviewedOf(narrowed.articleId).length === 1 ? true : null), 'article.reviewed');
  });

  it('a returned verdict whose reviewer has no room goes back to the queue, not over their capacity', async () => {
    await t
      .http()
      .patch('/admin/settings')
      .set(auth(t.adminKey))
      .send({ secondOpinion: { minCheckworthiness: 0 } });
    const posted = await t
      .http()
      .post('/articles')
      .set(auth(cms.apiKey))
      .send({ title: 'Second opinion, full list', body: BODY.replace('2024', '2025'), minCheckworthiness: 0 });
    const fresh: Claim[] = await waitFor(async () => {
      const article = (await t.http().get(`/articles/${posted.body.id}`).set(auth(editor))).body;
      return article.status === 'ready' && article.claims.every((c: Claim) => c.assigneeId) ? article.claims : null;
    }, 'the new claims assigned');
    const [held, another] = fresh;
    const holder = held.assigneeId === author.id ? author : second;
    const other = holder === author ? second : author;
    const verdict = await move(holder.key, held, { to: 'sourced', sources: SOURCE });
    expect(verdict.body.approval).toBe('pending');
    // Meanwhile the holder's list fills up: capacity 1, and an editor hands them another claim.
    await t.http().patch(`/admin/reviewers/${holder.id}`).set(auth(t.adminKey)).send({ capacity: 1 });
    if (another.assigneeId !== holder.id) {
      const assigned = await t
        .http()
        .post(`/admin/claims/${another.id}/assign`)
        .set(auth(editor))
        .send({ reviewerId: holder.id });
      expect(assigned.status).toBe(200);
    }
    const before = await t.db.query(`SELECT open_claims FROM reviewers WHERE id = $1`, [holder.id]);
    expect(before.rows[0].open_claims).toBeGreaterThanOrEqual(1);

    const returned = await giveBack(other.key, verdict.body, { note: 'one more look' });
    expect(returned.status).toBe(200);
    expect(returned.body).toMatchObject({ status: 'unverified', assigneeId: null });
    const after = await t.db.query(`SELECT open_claims FROM reviewers WHERE id = $1`, [holder.id]);
    expect(after.rows[0].open_claims).toBe(before.rows[0].open_claims);
  });
});
