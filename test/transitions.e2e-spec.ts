import { CHECKABLE_SENTENCES } from './helpers/claims';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

interface Claim {
  id: string;
  status: string;
  version: number;
  assigneeId: string | null;
}

const SOURCE = [{ url: 'https://example.org/report', title: 'The report', quote: 'about $5 billion' }];
const BODY = CHECKABLE_SENTENCES.join(' ');

describe('claim transitions: the state machine over HTTP', () => {
  let t: TestService;
  let editor: string;
  let integrator: string;
  let reviewer: { id: string; key: string };
  let other: { id: string; key: string };
  let claims: Claim[];

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const move = (key: string, claim: Pick<Claim, 'id' | 'version'>, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/claims/${claim.id}/transitions`)
      .set(auth(key))
      .send({ expectedVersion: claim.version, ...body });
  const fetchClaim = async (id: string): Promise<Claim> => (await t.http().get(`/claims/${id}`).set(auth(editor))).body;
  /** A new article's one claim, handed by an editor to `reviewerId` (whoever the desk gave it to first). */
  const claimHandedTo = async (reviewerId: string, title: string, body: string): Promise<Claim> => {
    const posted = await t.http().post('/articles').set(auth(editor)).send({ title, body, minCheckworthiness: 0 });
    const [claim]: Claim[] = await waitFor(async () => {
      const article = (await t.http().get(`/articles/${posted.body.id}`).set(auth(editor))).body;
      return article.status === 'ready' && article.claims.length === 1 ? article.claims : null;
    }, `the claim of "${title}"`);
    if (claim.assigneeId !== reviewerId) {
      const assigned = await t.http().post(`/admin/claims/${claim.id}/assign`).set(auth(editor)).send({ reviewerId });
      expect(assigned.status).toBe(200);
    }
    return fetchClaim(claim.id);
  };

  beforeAll(async () => {
    t = await startTestService(2);
    editor = await t.createKey('editor');
    integrator = await t.createKey('integrator');
    reviewer = await t.createReviewer({ capacity: 100 });
    const posted = await t
      .http()
      .post('/articles')
      .set(auth(editor))
      .send({ title: 'Transitions', body: BODY, minCheckworthiness: 0 });
    claims = await waitFor(async () => {
      const article = (await t.http().get(`/articles/${posted.body.id}`).set(auth(editor))).body;
      return article.status === 'ready' &&
        article.claims.length >= 6 &&
        article.claims.every((c: Claim) => c.assigneeId === reviewer.id)
        ? article.claims
        : null;
    }, 'claims assigned to the reviewer');
    other = await t.createReviewer({ capacity: 100 });
  });
  afterAll(() => t.close());

  it('unverified → sourced by the assignee needs a source, and ends the assignment', async () => {
    const missing = await move(reviewer.key, claims[0], { to: 'sourced' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'evidence_required', details: { required: 'source' } });

    const moved = await move(reviewer.key, claims[0], { to: 'sourced', sources: SOURCE });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      status: 'sourced',
      version: claims[0].version + 1,
      assigneeId: null,
      lastVerdictReviewerId: reviewer.id,
    });
  });

  it('sourced → disputed by the last verdict’s reviewer needs a note; disputed → sourced needs a source', async () => {
    let claim = await fetchClaim(claims[0].id);
    expect((await move(reviewer.key, claim, { to: 'disputed' })).body.code).toBe('evidence_required');
    const disputed = await move(reviewer.key, claim, { to: 'disputed', note: 'The report was corrected.' });
    expect(disputed.body.status).toBe('disputed');
    claim = disputed.body;
    expect((await move(reviewer.key, claim, { to: 'sourced', note: 'no source' })).body.code).toBe('evidence_required');
    expect((await move(reviewer.key, claim, { to: 'sourced', sources: SOURCE })).body.status).toBe('sourced');
  });

  it('forbids a reviewer who is neither the assignee nor the last verdict’s reviewer', async () => {
    const assigned = await fetchClaim(claims[1].id);
    const byOther = await move(other.key, assigned, { to: 'sourced', sources: SOURCE });
    expect(byOther.status).toBe(403);
    expect(byOther.body.code).toBe('forbidden');
    const verdict = await fetchClaim(claims[0].id);
    expect((await move(other.key, verdict, { to: 'disputed', note: 'no' })).status).toBe(403);
  });

  it('forbids integrators from moving claims at all', async () => {
    const response = await move(integrator, await fetchClaim(claims[1].id), { to: 'sourced', sources: SOURCE });
    expect(response.status).toBe(403);
  });

  it('unverified → disputed and → dismissed need a note; editors may give verdicts too', async () => {
    expect((await move(reviewer.key, claims[1], { to: 'disputed', sources: SOURCE })).body.code).toBe(
      'evidence_required',
    );
    expect(
      (await move(reviewer.key, claims[1], { to: 'disputed', note: 'Figures contradict the budget.' })).body.status,
    ).toBe('disputed');
    expect((await move(editor, claims[2], { to: 'dismissed' })).body.code).toBe('evidence_required');
    expect((await move(editor, claims[2], { to: 'dismissed', note: 'Not checkable.' })).body.status).toBe('dismissed');
  });

  it('refuses a move that is not in the table, naming what is allowed', async () => {
    const dismissed = await fetchClaim(claims[2].id);
    const response = await move(editor, dismissed, { to: 'sourced', sources: SOURCE });
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'illegal_transition',
      details: { current: 'dismissed', allowed: ['unverified'] },
    });
    expect((await move(editor, dismissed, { to: 'withdrawn' })).body.code).toBe('illegal_transition');
  });

  it('reopens verdicts (editor only, with a note) and puts the claim back in the queue', async () => {
    const dismissed = await fetchClaim(claims[2].id);
    expect((await move(reviewer.key, dismissed, { to: 'unverified', note: 'reopen' })).status).toBe(403);
    expect((await move(editor, dismissed, { to: 'unverified' })).body.code).toBe('evidence_required');
    const reopened = await move(editor, dismissed, { to: 'unverified', note: 'New evidence came in.' });
    expect(reopened.body.status).toBe('unverified');
    const reassigned = await waitFor(async () => {
      const claim = await fetchClaim(claims[2].id);
      return claim.assigneeId ? claim : null;
    }, 'the reopened claim to be assigned again');
    expect([reviewer.id, other.id]).toContain(reassigned.assigneeId);

    for (const id of [claims[0].id, claims[1].id]) {
      const verdict = await fetchClaim(id);
      expect((await move(editor, verdict, { to: 'unverified', note: 'Reopened for review.' })).body.status).toBe(
        'unverified',
      );
    }
  });

  it('answers a stale version with 409 naming the current version and who moved it last', async () => {
    const claim = await fetchClaim(claims[3].id);
    const first = await move(claim.assigneeId === other.id ? other.key : reviewer.key, claim, {
      to: 'sourced',
      sources: SOURCE,
    });
    expect(first.status).toBe(200);
    const second = await move(editor, claim, { to: 'disputed', note: 'late' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      code: 'stale_version',
      details: { currentVersion: claim.version + 1, lastMovedBy: { role: 'reviewer', reviewerId: claim.assigneeId } },
    });
  });

  it('takes the version from If-Match instead of the body', async () => {
    const claim = await fetchClaim(claims[4].id);
    const stale = await t
      .http()
      .post(`/claims/${claim.id}/transitions`)
      .set(auth(editor))
      .set('If-Match', `"${claim.version + 5}"`)
      .send({ to: 'dismissed', note: 'x' });
    expect(stale.body.code).toBe('stale_version');
    const ok = await t
      .http()
      .post(`/claims/${claim.id}/transitions`)
      .set(auth(editor))
      .set('If-Match', `"${claim.version}"`)
      .send({ to: 'dismissed', note: 'Opinion.' });
    expect(ok.body.status).toBe('dismissed');
    const none = await t
      .http()
      .post(`/claims/${claim.id}/transitions`)
      .set(auth(editor))
      .send({ to: 'unverified', note: 'x' });
    expect(none.status).toBe(400);
    expect(none.body.details).toHaveProperty('expectedVersion');
  });

  it('adds notes and sources without a move, and keeps the whole history oldest first', async () => {
    const claim = await fetchClaim(claims[5].id);
    const empty = await t.http().post(`/claims/${claim.id}/notes`).set(auth(editor)).send({});
    expect(empty.status).toBe(400);
    const note = await t
      .http()
      .post(`/claims/${claim.id}/notes`)
      .set(auth(editor))
      .send({ note: 'Checking the budget office.', sources: SOURCE });
    expect(note.status).toBe(201);
    expect((await fetchClaim(claim.id)).version).toBe(claim.version);

    const history = (await t.http().get(`/claims/${claims[0].id}/events`).set(auth(editor))).body.items;
    expect(history.map((e: { type: string; toStatus: string | null }) => [e.type, e.toStatus])).toEqual([
      ['created', 'unverified'],
      ['assigned', null],
      ['transition', 'sourced'],
      ['transition', 'disputed'],
      ['transition', 'sourced'],
      ['transition', 'unverified'],
      expect.arrayContaining(['assigned']),
    ]);
    expect(history[2].sources).toEqual(SOURCE);
  });

  it('makes exactly one of several concurrent moves from the same version; the others answer 409 stale_version', async () => {
    const claim = await fetchClaim(claims[5].id);
    expect(claim.status).toBe('unverified');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => move(editor, claim, { to: 'dismissed', note: `Opinion, ${i}.` })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    for (const refused of answers.filter((a) => a.status === 409))
      expect(refused.body).toMatchObject({ code: 'stale_version', details: { currentVersion: claim.version + 1 } });
    const history = (await t.http().get(`/claims/${claim.id}/events`).set(auth(editor))).body.items;
    expect(history.filter((e: { type: string }) => e.type === 'transition')).toHaveLength(1);
    expect(await fetchClaim(claim.id)).toMatchObject({
      status: 'dismissed',
      version: claim.version + 1,
      assigneeId: null,
    });
  });

  it('runs again a verdict Postgres aborted to break a deadlock with a change locking the reviewer first', async () => {
    const lockee = await t.createReviewer({ capacity: 1 });
    const held = await claimHandedTo(lockee.id, 'Deadlock', CHECKABLE_SENTENCES[0]);
    // A deactivation's order: the reviewer's row, then the claims it holds. The verdict locks the claim, then (through
    // the open-claims trigger) the reviewer.
    const locker = await t.db.connect();
    try {
      await locker.query('BEGIN');
      // This side waits long before it looks for a deadlock: the verdict, looking after Postgres's default second,
      // is the one aborted, however busy the machine.
      await locker.query(`SET LOCAL deadlock_timeout = '30s'`);
      await locker.query('UPDATE reviewers SET capacity = capacity WHERE id = $1', [lockee.id]);
      const verdict = move(lockee.key, held, { to: 'sourced', sources: SOURCE }).then((res) => res);
      await waitFor(async () => {
        const { rows } = await t.db.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%move_claim_as_read%'`,
        );
        return rows.length === 1 ? true : null;
      }, 'the verdict to wait for the reviewer’s row');
      // Postgres aborts the verdict; this lock is then granted.
      await locker.query('SELECT 1 FROM claims WHERE id = $1 FOR UPDATE', [held.id]);
      await locker.query('COMMIT');
      const answer = await verdict;
      expect({ status: answer.status, claim: answer.body.status }).toEqual({ status: 200, claim: 'sourced' });
    } finally {
      locker.release();
    }
    const events = (await t.http().get(`/claims/${held.id}/events`).set(auth(editor))).body.items;
    expect(events.filter((e: { type: string }) => e.type === 'transition')).toHaveLength(1);
  });

  it('no longer lets a verdict’s reviewer annotate the claim once it is reopened and handed to another', async () => {
    const former = await t.createReviewer({ capacity: 1 });
    const held = await claimHandedTo(former.id, 'Reopened', CHECKABLE_SENTENCES[1]);
    const note = (key: string) =>
      t.http().post(`/claims/${held.id}/notes`).set(auth(key)).send({ note: 'One more source' });
    const verdict = await move(former.key, held, { to: 'sourced', sources: SOURCE });
    expect(verdict.status).toBe(200);
    expect((await note(former.key)).status).toBe(201);

    // No room for it again: the reopened claim goes to another reviewer.
    expect(
      (await t.http().patch(`/admin/reviewers/${former.id}`).set(auth(t.adminKey)).send({ capacity: 0 })).status,
    ).toBe(200);
    const reopened = await move(editor, verdict.body, { to: 'unverified', note: 'New evidence came in.' });
    expect(reopened.body.status).toBe('unverified');
    const refused = await note(former.key);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'forbidden' });
  });

  it('undoes a verdict into the pool when the reviewer took other work meanwhile and is at capacity', async () => {
    // A reviewer of German articles only, with room for one claim: nobody else may take these.
    const solo = await t.createReviewer({ capacity: 1, languages: ['de'] });
    const posted = await t
      .http()
      .post('/articles')
      .set(auth(editor))
      .send({ title: 'Undo at capacity', body: BODY, language: 'de', minCheckworthiness: 0 });
    const first = await waitFor(async () => {
      const article = (await t.http().get(`/articles/${posted.body.id}`).set(auth(editor))).body;
      return article.status === 'ready' ? article.claims.find((c: Claim) => c.assigneeId === solo.id) : null;
    }, 'a claim assigned to the German reviewer');
    const verdict = await move(solo.key, first, { to: 'dismissed', note: 'Not checkable.' });
    expect(verdict.status).toBe(200);
    // The freed slot is filled again, by the assignment offer or by a pull.
    await t.http().post('/review/next').set(auth(solo.key));
    const openOf = async () =>
      (await t.db.query(`SELECT open_claims, capacity FROM reviewers WHERE id = $1`, [solo.id])).rows[0];
    await waitFor(async () => (await openOf()).open_claims === 1, 'the reviewer to hold a second claim');

    const undone = await t
      .http()
      .post(`/claims/${first.id}/undo`)
      .set(auth(solo.key))
      .send({ expectedVersion: verdict.body.version });

    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ status: 'unverified', assigneeId: null, lastVerdictReviewerId: null });
    expect(await openOf()).toEqual({ open_claims: 1, capacity: 1 });
    const history = (await t.http().get(`/claims/${first.id}/events`).set(auth(editor))).body.items;
    expect(history.at(-1)).toMatchObject({ type: 'verdict_undone', toStatus: 'unverified', reviewerId: solo.id });
  });

  it('gives up a move whose claim changes under every try with 409 conflict, instead of retrying for ever', async () => {
    const claim = await fetchClaim(claims[4].id);
    // Every status change of this claim is cancelled: to the move, the claim looks changed after each read.
    await t.db.query(
      `CREATE FUNCTION hold_claim_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`,
    );
    await t.db.query(
      `CREATE TRIGGER hold_claim_for_test BEFORE UPDATE OF status ON claims FOR EACH ROW
       WHEN (OLD.id = '${claim.id}' AND OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION hold_claim_for_test()`,
    );
    try {
      const response = await move(editor, claim, { to: 'unverified', note: 'Reopened.' });
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ code: 'conflict', details: { attempts: 5 } });
    } finally {
      await t.db.query(`DROP TRIGGER hold_claim_for_test ON claims`);
      await t.db.query(`DROP FUNCTION hold_claim_for_test()`);
    }
    expect((await fetchClaim(claim.id)).version).toBe(claim.version);
  });

  it('counts the jobs of every queue in the metrics, claim-matching included', async () => {
    const metrics = await t.http().get('/metrics');
    for (const queue of ['article-extraction', 'claim-review', 'callback-delivery', 'claim-matching'])
      expect(metrics.text).toContain(`claimdesk_queue_jobs{queue="${queue}",state="failed"}`);
  });
});
