import { postArticles } from './helpers/articles';
import { personKey } from './helpers/notices';
import { SmtpReceiver } from './helpers/smtp-receiver';
import { startTestService, waitFor, type TestPerson, type TestService } from './helpers/test-service';
import { WebhookReceiver } from './helpers/webhook-receiver';

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

/** A zone where it is not yet the day's last hour, so "an hour from now" is still today. */
const aliceZone = new Date().getUTCHours() >= 22 ? 'Etc/GMT+12' : 'UTC';
const localHour = () =>
  Number(
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: aliceZone }).format(new Date()),
  );

interface Notice {
  id: string;
  kind: string;
  claimId: string | null;
  articleId: string | null;
  commentId: string | null;
  actor: { userId: string | null; name: string } | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * Comments, mentions and notifications against the real api and worker, Postgres, Redis and a real SMTP server on a
 * loopback port: what each person is told, in the pages' API and by mail, and that mail survives the server's outage.
 */
describe('comments, notifications and mail', () => {
  const smtp = new SmtpReceiver();
  let t: TestService;
  let editor: TestPerson;
  let editorKey: string;
  let alice: TestPerson;
  let aliceKey: string;
  let bob: TestPerson;
  let bobKey: string;
  let articleId: string;
  let claims: { id: string; assigneeId: string | null; version: number }[];

  const notices = async (key: string, query = ''): Promise<{ items: Notice[]; nextCursor: string | null }> => {
    const res = await t.http().get(`/notifications${query}`).set(auth(key));
    expect(res.status).toBe(200);
    return res.body;
  };
  const comment = (key: string, claimId: string, body: string, mentions?: string[]) =>
    t
      .http()
      .post(`/claims/${claimId}/comments`)
      .set(auth(key))
      .send({ body, ...(mentions ? { mentions } : {}) });
  const mailRow = async (notificationId: string) =>
    (
      await t.db.query(`SELECT sent_at, attempts, last_error, message_id FROM mail_outbox WHERE dedupe_key = $1`, [
        `notification:${notificationId}`,
      ])
    ).rows[0] as { sent_at: Date | null; attempts: number; last_error: string | null; message_id: string } | undefined;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestService(10, {
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Desk <desk@example.org>',
        MAIL_POLL_MS: '100',
        MAIL_RETRY_BASE_MS: '100',
        MAIL_RETRY_MAX_MS: '400',
        NOTIFICATION_CHECK_MS: '200',
      },
    });
    editor = await t.createPerson('editor', { name: 'Edith Editor' });
    editorKey = await personKey(t, editor, 'editor');
    const [ra, rb] = [await t.createReviewer(), await t.createReviewer()];
    alice = await t.createPerson('reviewer', { name: 'Alice Reviewer', reviewerId: ra.id });
    bob = await t.createPerson('reviewer', { name: 'Bob Reviewer', reviewerId: rb.id });
    [aliceKey, bobKey] = [await personKey(t, alice, 'reviewer'), await personKey(t, bob, 'reviewer')];
    // Alice's digest hour is still to come today until the digest test sets it to now.
    await t.db.query(`UPDATE users SET time_zone = $2 WHERE id = $1`, [alice.id, aliceZone]);
    await t
      .http()
      .put('/notifications/preferences')
      .set(auth(aliceKey))
      .send({ digestHour: localHour() + 1 });
    [articleId] = await postArticles(t, editorKey, 1, { minCheckworthiness: 0 });
    claims = await waitFor(async () => {
      const res = await t.http().get(`/articles/${articleId}`).set(auth(editorKey));
      const held = res.body.claims?.filter((c: { assigneeId: string | null }) => c.assigneeId) ?? [];
      return held.length >= 3 && held.length === res.body.claims.length ? res.body.claims : null;
    }, 'the article’s claims to be assigned');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  describe('assigned', () => {
    it('tells the reviewer’s person of each claim the desk hands them, with no actor', async () => {
      const held = claims.filter((c) => c.assigneeId === alice.reviewerId);
      expect(held.length).toBeGreaterThan(0);
      const mine = (await notices(aliceKey)).items.filter((n) => n.kind === 'assigned');
      expect(mine.map((n) => n.claimId).sort()).toEqual(held.map((c) => c.id).sort());
      expect(mine[0]).toEqual({
        id: expect.any(String),
        kind: 'assigned',
        claimId: expect.any(String),
        articleId,
        commentId: null,
        actor: null,
        createdAt: expect.any(String),
        readAt: null,
      });
    });

    it('tells them who handed a claim over by hand', async () => {
      const bobs = claims.find((c) => c.assigneeId === bob.reviewerId)!;
      const res = await t
        .http()
        .post(`/admin/claims/${bobs.id}/assign`)
        .set(auth(editorKey))
        .send({ reviewerId: alice.reviewerId });
      expect(res.status).toBe(200);
      const handed = (await notices(aliceKey)).items.find((n) => n.kind === 'assigned' && n.claimId === bobs.id);
      expect(handed?.actor).toEqual({ userId: editor.id, name: 'Edith Editor' });
      bobs.assigneeId = alice.reviewerId;
    });
  });

  describe('comments', () => {
    it('keeps a thread per claim, oldest first, by cursor, for everyone who can read the claim', async () => {
      const claimId = claims[0].id;
      for (const body of ['first look', 'second look', 'third look'])
        expect((await comment(editorKey, claimId, body)).status).toBe(201);
      const first = await t.http().get(`/claims/${claimId}/comments?limit=2`).set(auth(bobKey));
      expect(first.status).toBe(200);
      expect(first.body.items.map((c: { body: string }) => c.body)).toEqual(['first look', 'second look']);
      expect(first.body.items[0]).toMatchObject({
        claimId,
        author: { userId: editor.id, name: 'Edith Editor' },
        mentions: [],
        editedAt: null,
        revisions: [],
      });
      const rest = await t
        .http()
        .get(`/claims/${claimId}/comments?limit=2&cursor=${first.body.nextCursor}`)
        .set(auth(t.adminKey));
      expect(rest.body.items.map((c: { body: string }) => c.body)).toEqual(['third look']);
      expect(rest.body.nextCursor).toBeNull();
    });

    it('lets only the author edit, keeping every earlier text', async () => {
      const claimId = claims[0].id;
      const posted = await comment(aliceKey, claimId, 'the figure looks off');
      const path = `/claims/${claimId}/comments/${posted.body.id}`;
      expect((await t.http().patch(path).set(auth(bobKey)).send({ body: 'hijacked' })).status).toBe(403);
      expect((await t.http().patch(path).set(auth(editorKey)).send({ body: 'hijacked' })).status).toBe(403);
      const edited = await t.http().patch(path).set(auth(aliceKey)).send({ body: 'the figure is for 2019' });
      expect(edited.status).toBe(200);
      const again = await t.http().patch(path).set(auth(aliceKey)).send({ body: 'the figure is for 2018' });
      expect(again.body).toMatchObject({ body: 'the figure is for 2018', editedAt: expect.any(String) });
      expect(again.body.revisions.map((r: { body: string }) => r.body)).toEqual([
        'the figure looks off',
        'the figure is for 2019',
      ]);
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM claim_comments WHERE id = $1`, [
        posted.body.id,
      ]);
      expect(rows[0].n).toBe(1);
      expect(
        (
          await t
            .http()
            .patch(`/claims/${claims[1].id}/comments/${posted.body.id}`)
            .set(auth(aliceKey))
            .send({ body: 'x' })
        ).status,
      ).toBe(404);
    });

    it('refuses empty, overlong and malformed comments, and mentions of anyone but an active person', async () => {
      const claimId = claims[0].id;
      const inactive = await t.createPerson('editor');
      expect(
        (await t.http().patch(`/admin/users/${inactive.id}`).set(auth(t.adminKey)).send({ active: false })).status,
      ).toBe(200);
      for (const [body, mentions] of [
        ['   ', undefined],
        ['x'.repeat(5001), undefined],
        ['hello', ['not-a-uuid']],
        ['hello', ['00000000-0000-4000-8000-000000000000']],
        ['hello', [inactive.id]],
      ] as const) {
        const res = await comment(editorKey, claimId, body, mentions as string[] | undefined);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'validation_failed' });
      }
      expect((await comment(editorKey, '00000000-0000-4000-8000-000000000000', 'hello')).status).toBe(404);
      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM claim_comments WHERE body = 'hello'`);
      expect(rows[0].n).toBe(0);
    });

    it('completes names for people signed in, by name or a whole address, never by part of an address', async () => {
      const cookie = await t.signIn(editor);
      const complete = async (q: string) => {
        const res = await t.http().get('/ui/people/mentionable').query({ q }).set('Cookie', cookie);
        expect(res.status).toBe(200);
        return (res.body as { name: string }[]).map((p) => p.name);
      };
      expect(await complete('alice')).toEqual(['Alice Reviewer']);
      expect(await complete(alice.email.toUpperCase())).toEqual(['Alice Reviewer']);
      expect(await complete(alice.email.slice(0, -1))).toEqual([]);
      expect(await complete('example.org')).toEqual([]);
      const byKey = await t.http().get('/ui/people/mentionable').query({ q: 'alice' }).set(auth(editorKey));
      expect(byKey.status).toBe(403);
      // An id in capitals names the same person.
      const mentioned = await comment(editorKey, claims[1].id, 'Alice, a look?', [alice.id.toUpperCase()]);
      expect(mentioned.status).toBe(201);
    });

    it('keeps comments internal: not in callbacks, not in ClaimReview, not for another integrator', async () => {
      const receiver = new WebhookReceiver();
      const url = await receiver.start();
      try {
        const cms = (await t.http().post('/admin/integrators').set(auth(t.adminKey)).send({ name: 'cms' })).body;
        const endpoint = await t
          .http()
          .post('/integrations/endpoints')
          .set(auth(cms.apiKey))
          .send({ url, events: ['claim.status_changed'] });
        receiver.secret = endpoint.body.secret;
        const [own] = await postArticles(t, cms.apiKey, 1, { minCheckworthiness: 0 });
        const claim = await waitFor(
          async () => (await t.http().get(`/articles/${own}`).set(auth(cms.apiKey))).body.claims?.[0],
          'the integrator’s article to have claims',
        );
        const secret = 'INTERNAL-REMARK-7f3a the source is shaky';
        expect((await comment(editorKey, claim.id, secret, [alice.id])).status).toBe(201);
        const moved = await t
          .http()
          .post(`/claims/${claim.id}/transitions`)
          .set(auth(editorKey))
          .send({ to: 'sourced', expectedVersion: claim.version, sources: [{ url: 'https://stats.example/x' }] });
        expect(moved.status).toBe(200);
        await waitFor(async () => receiver.ofType('claim.status_changed').length > 0, 'the callback');
        expect(JSON.stringify(receiver.received)).not.toContain('INTERNAL-REMARK');
        const review = await t.http().get(`/claims/${claim.id}/claimreview`).set(auth(cms.apiKey));
        expect(review.status).toBe(200);
        expect(review.text).not.toContain('INTERNAL-REMARK');
        const graph = await t.http().get(`/articles/${own}/claimreview`).set(auth(cms.apiKey));
        expect(graph.text).not.toContain('INTERNAL-REMARK');
        const { rows } = await t.db.query(`SELECT payload::text AS p FROM callback_deliveries`);
        expect(rows.some((r: { p: string }) => r.p.includes('INTERNAL-REMARK'))).toBe(false);
        // The integrator reads its own claim's thread (as it reads the claim), never another's.
        expect((await t.http().get(`/claims/${claim.id}/comments`).set(auth(cms.apiKey))).status).toBe(200);
        const other = (await t.http().post('/admin/integrators').set(auth(t.adminKey)).send({ name: 'other' })).body;
        expect((await t.http().get(`/claims/${claim.id}/comments`).set(auth(other.apiKey))).status).toBe(404);
        expect((await comment(cms.apiKey, claim.id, 'may I?')).status).toBe(403);
      } finally {
        await receiver.stop();
      }
    });
  });

  describe('mentions', () => {
    it('notifies the person mentioned, and mails them at once, with a stable Message-ID', async () => {
      const posted = await comment(editorKey, claims[1].id, 'Could you check this one, @Bob?', [bob.id]);
      expect(posted.status).toBe(201);
      expect(posted.body.mentions).toEqual([{ userId: bob.id, name: 'Bob Reviewer' }]);
      const notice = (await notices(bobKey)).items.find((n) => n.commentId === posted.body.id)!;
      expect(notice).toMatchObject({
        kind: 'mentioned',
        claimId: claims[1].id,
        articleId,
        actor: { userId: editor.id, name: 'Edith Editor' },
        readAt: null,
      });
      const mail = await waitFor(
        async () => smtp.to(bob.email).find((m) => m.subject === 'Edith Editor mentioned you on a claim'),
        'the mention’s mail',
      );
      expect(mail.from).toBe('desk@example.org');
      expect(mail.text).toContain(`/ui/articles/${articleId}?claim=${claims[1].id}`);
      // The worker marks the mail sent once the server has accepted it: a moment after the server holds it.
      const row = await waitFor(async () => {
        const sent = await mailRow(notice.id);
        return sent?.sent_at ? sent : null;
      }, 'the mail marked sent');
      expect(mail.messageId).toBe(row.message_id);
      // Nobody else was mailed about it, and the author was not told of their own comment.
      expect(smtp.received.filter((m) => m.messageId === row.message_id)).toHaveLength(1);
      expect((await notices(editorKey)).items.filter((n) => n.commentId === posted.body.id)).toEqual([]);
    });

    it('loses no mail when Redis loses everything', async () => {
      await t.redis.flushdb();
      const posted = await comment(editorKey, claims[2].id, 'after the flush', [alice.id]);
      await waitFor(
        async () => smtp.received.some((m) => m.text.includes(claims[2].id) && m.to.includes(alice.email)),
        'the mail written after the flush',
      );
      expect(posted.status).toBe(201);
    });

    it('sends the mail exactly once after the SMTP server was down', async () => {
      await smtp.stop();
      const posted = await comment(aliceKey, claims[2].id, 'while the mail server is down', [bob.id]);
      const notice = (await notices(bobKey)).items.find((n) => n.commentId === posted.body.id)!;
      const failed = await waitFor(async () => {
        const row = await mailRow(notice.id);
        return row && row.attempts >= 2 && row.last_error ? row : null;
      }, 'the mail to be tried and refused twice');
      expect(failed.sent_at).toBeNull();
      await smtp.start(smtp.port);
      await waitFor(async () => (await mailRow(notice.id))?.sent_at, 'the mail to be sent once the server is back');
      // A later mail as a barrier: anything still in flight for the first would have arrived before it.
      const later = await comment(aliceKey, claims[2].id, 'and now', [bob.id]);
      const laterNotice = (await notices(bobKey)).items.find((n) => n.commentId === later.body.id)!;
      await waitFor(async () => {
        const sent = await mailRow(laterNotice.id);
        return sent?.sent_at && smtp.received.some((m) => m.messageId === sent.message_id);
      }, 'the later mail');
      const row = (await mailRow(notice.id))!;
      expect(smtp.received.filter((m) => m.messageId === row.message_id)).toHaveLength(1);
    });
  });

  describe('notifications API', () => {
    it('pages newest first and marks read only the person’s own', async () => {
      const first = await notices(aliceKey, '?limit=2');
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const all = await notices(aliceKey, '?limit=200');
      const rest = await notices(aliceKey, `?limit=200&cursor=${first.nextCursor}`);
      expect([...first.items, ...rest.items].map((n) => n.id)).toEqual(all.items.map((n) => n.id));
      const times = all.items.map((n) => Date.parse(n.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const bobsOwn = (await notices(bobKey)).items[0];
      const res = await t
        .http()
        .post('/notifications/read')
        .set(auth(aliceKey))
        .send({ ids: [all.items[0].id, bobsOwn.id] });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ marked: [all.items[0].id], unread: all.items.length - 1 });
      expect((await notices(bobKey)).items.find((n) => n.id === bobsOwn.id)!.readAt).toBeNull();
      const again = await t
        .http()
        .post('/notifications/read')
        .set(auth(aliceKey))
        .send({ ids: [all.items[0].id] });
      expect(again.body.marked).toEqual([]);
      expect((await notices(aliceKey)).items.find((n) => n.id === all.items[0].id)!.readAt).toEqual(expect.any(String));
    });

    it('refuses a key with no person behind it, and bad input', async () => {
      const res = await t.http().get('/notifications').set(auth(t.adminKey));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('no_person');
      for (const body of [{}, { ids: [] }, { ids: ['nope'] }]) {
        const bad = await t.http().post('/notifications/read').set(auth(aliceKey)).send(body);
        expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'validation_failed' });
      }
      expect((await t.http().get('/notifications?cursor=forged').set(auth(aliceKey))).status).toBe(400);
    });

    it('raises lease_expiring once for a hold about to lapse', async () => {
      const held = claims.find((c) => c.assigneeId === alice.reviewerId)!;
      await t.db.query(`UPDATE claims SET lease_expires_at = now() + interval '10 minutes' WHERE id = $1`, [held.id]);
      const notice = await waitFor(
        async () => (await notices(aliceKey)).items.find((n) => n.kind === 'lease_expiring' && n.claimId === held.id),
        'the lease_expiring notice',
      );
      expect(notice.actor).toBeNull();
      await waitFor(async () => (await mailRow(notice.id))?.sent_at, 'its mail');
      // Later checks find the same lease and raise nothing more.
      await new Promise((r) => setTimeout(r, 600));
      const { rows } = await t.db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE kind = 'lease_expiring' AND claim_id = $1`,
        [held.id],
      );
      expect(rows[0].n).toBe(1);
    });
  });

  describe('preferences', () => {
    it('answers the defaults and refuses what is not a choice', async () => {
      const res = await t.http().get('/notifications/preferences').set(auth(bobKey));
      expect(res.body).toEqual({
        kinds: {
          assigned: 'digest',
          mentioned: 'immediately',
          second_opinion_requested: 'immediately',
          returned: 'immediately',
          lease_expiring: 'immediately',
          due_soon: 'immediately',
        },
        digestHour: 8,
      });
      for (const body of [
        { kinds: { mentioned: 'sometimes' } },
        { digestHour: 24 },
        { kinds: { unknown: 'off' } },
        { kinds: [{ assigned: 'off' }] },
      ]) {
        const bad = await t.http().put('/notifications/preferences').set(auth(bobKey)).send(body);
        expect({ status: bad.status, code: bad.body.code }).toEqual({ status: 400, code: 'validation_failed' });
      }
    });

    it('sends no mail for a kind turned off, though the notice shows', async () => {
      const put = await t
        .http()
        .put('/notifications/preferences')
        .set(auth(bobKey))
        .send({ kinds: { mentioned: 'off' } });
      expect(put.body.kinds.mentioned).toBe('off');
      const posted = await comment(editorKey, claims[0].id, 'no mail for this', [bob.id]);
      const notice = (await notices(bobKey)).items.find((n) => n.commentId === posted.body.id)!;
      expect(notice.kind).toBe('mentioned');
      expect(await mailRow(notice.id)).toBeUndefined();
      await t
        .http()
        .put('/notifications/preferences')
        .set(auth(bobKey))
        .send({ kinds: { mentioned: 'immediately' } });
    });

    it('gathers digest kinds into one daily mail at the person’s hour', async () => {
      // Alice's assignments wait for the digest (the default); her hour is now, so it goes out at the next check.
      const put = await t
        .http()
        .put('/notifications/preferences')
        .set(auth(aliceKey))
        .send({ kinds: { mentioned: 'digest' }, digestHour: localHour() });
      expect(put.status).toBe(200);
      const digest = await waitFor(
        async () => smtp.to(alice.email).find((m) => m.subject.startsWith('Your claimdesk digest')),
        'Alice’s digest',
      );
      const assigned = (await notices(aliceKey, '?limit=200')).items.filter((n) => n.kind === 'assigned');
      for (const n of assigned) expect(digest.text).toContain(n.claimId);
      expect(smtp.to(alice.email).filter((m) => m.subject.includes('assigned you'))).toEqual([]);
      // A mention now waits for tomorrow's digest: no mail of its own, none today.
      const posted = await comment(editorKey, claims[0].id, 'for the digest', [alice.id]);
      const notice = (await notices(aliceKey)).items.find((n) => n.commentId === posted.body.id)!;
      expect(await mailRow(notice.id)).toBeUndefined();
      await new Promise((r) => setTimeout(r, 600));
      expect(smtp.to(alice.email).filter((m) => m.subject.startsWith('Your claimdesk digest'))).toHaveLength(1);
      const { rows } = await t.db.query(`SELECT digest_mail_id FROM notifications WHERE id = $1`, [notice.id]);
      expect(rows[0].digest_mail_id).toBeNull();
    });
  });
});
