import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { parseApiKey } from '../src/auth/api-key-secret';
import { startTestService, waitFor, type TestService } from './helpers/test-service';
import { WebhookReceiver } from './helpers/webhook-receiver';

const S1 = 'Unemployment fell to 3.5% in 2023, the lowest rate in fifty years.';
const S2 = 'The city spent $40 million on new bus lanes last year.';
const S3 = 'Crime rose by 12 percent after the new policy took effect.';
const S4 = 'Housing prices doubled between 2015 and 2022 across the region.';

interface Integrator {
  id: string;
  apiKey: string;
  webhookSecret: string;
}

describe('integrations: signed webhooks in and out, idempotency, ClaimReview (real Postgres and Redis)', () => {
  let t: TestService;
  let editorKey: string;
  let cms: Integrator;
  let other: Integrator;
  let webhookCount = 0;

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const createIntegrator = async (name: string): Promise<Integrator> => {
    const res = await t.http().post('/admin/integrators').set(auth(t.adminKey)).send({ name });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** Signs as an integrator would, with the Standard Webhooks library. */
  const signed = (secret: string, body: string, { id = `msg_${++webhookCount}`, at = new Date() } = {}) => ({
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  });
  const postWebhook = (integrator: Integrator, body: string, headers: Record<string, string>) =>
    t.http().post(`/webhooks/articles?integrator=${integrator.id}`).set(headers).send(body);
  const count = async (table: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  const article = async (id: string) => (await t.http().get(`/articles/${id}`).set(auth(editorKey))).body;
  const ready = (id: string, revision = 1) =>
    waitFor(async () => {
      const a = await article(id);
      return a.status === 'ready' &&
        a.revision === revision &&
        a.claims.every((c: { revision: number; status: string }) => c.status === 'withdrawn' || c.revision === revision)
        ? a
        : null;
    }, `article ${id} r${revision} extracted`);
  const move = async (claim: { id: string; version: number }, to: string, extra: Record<string, unknown> = {}) => {
    const res = await t
      .http()
      .post(`/claims/${claim.id}/transitions`)
      .set(auth(editorKey))
      .send({ to, expectedVersion: claim.version, ...extra });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestService(6, {
      env: {
        CALLBACK_RETRY_BASE_MS: '200',
        SECRET_ROTATION_OVERLAP_SECONDS: '4',
        LOG_LEVEL: 'info',
        DESK_NAME: 'Test Desk',
        ORGANIZATION_URL: 'https://desk.example',
        PUBLIC_URL: 'https://desk.example',
      },
    });
    editorKey = await t.createKey('editor');
    cms = await createIntegrator('Daily Planet CMS');
    other = await createIntegrator('Other CMS');
  });
  afterAll(() => t.close());

  describe('integrators', () => {
    it('answers the key and the whsec_ secret once, and lists integrators without them', async () => {
      expect(cms).toMatchObject({
        id: expect.any(String),
        apiKey: expect.stringMatching(/^cdk_/),
        webhookSecret: expect.stringMatching(/^whsec_/),
      });
      const list = await t.http().get('/admin/integrators').set(auth(t.adminKey));
      expect(list.body.items.map((i: { name: string }) => i.name).sort()).toEqual(['Daily Planet CMS', 'Other CMS']);
      expect(JSON.stringify(list.body)).not.toContain(cms.webhookSecret);
      const key = await t.db.query(`SELECT role, integrator_id FROM api_keys WHERE integrator_id = $1`, [cms.id]);
      expect(key.rows).toEqual([{ role: 'integrator', integrator_id: cms.id }]);
    });
  });

  describe('inbound webhook', () => {
    const body = JSON.stringify({ title: 'Signed', body: `${S1} ${S2}`, externalId: 'signed-1' });

    it('accepts a signed article, owned by the integrator: its key sees it, another integrator’s does not', async () => {
      const res = await postWebhook(cms, body, signed(cms.webhookSecret, body));
      expect(res.status).toBe(202);
      expect(res.headers.location).toBe(`/articles/${res.body.id}`);
      expect((await t.http().get(`/articles/${res.body.id}`).set(auth(cms.apiKey))).status).toBe(200);
      expect((await t.http().get(`/articles/${res.body.id}`).set(auth(other.apiKey))).status).toBe(404);
      const mine = await t.http().get('/articles').set(auth(cms.apiKey));
      expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
      expect((await t.http().get('/articles').set(auth(other.apiKey))).body.items).toEqual([]);
    });

    it('answers the same webhook-id again with 200 and the same article, writing nothing', async () => {
      const fresh = JSON.stringify({ title: 'Replayed', body: S3 });
      const headers = signed(cms.webhookSecret, fresh);
      const first = await postWebhook(cms, fresh, headers);
      const [articles, receipts, revisions] = [
        await count('articles'),
        await count('webhook_receipts'),
        await count('article_revisions'),
      ];
      const again = await postWebhook(cms, fresh, signed(cms.webhookSecret, fresh, { id: headers['webhook-id'] }));
      expect(first.status).toBe(202);
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      expect([await count('articles'), await count('webhook_receipts'), await count('article_revisions')]).toEqual([
        articles,
        receipts,
        revisions,
      ]);
    });

    it.each([
      ['without a signature', (h: Record<string, string>) => ({ ...h, 'webhook-signature': '' })],
      [
        'with a forged signature',
        (h: Record<string, string>) => ({
          ...h,
          'webhook-signature': 'v1,' + Buffer.from('forged'.repeat(6)).toString('base64'),
        }),
      ],
      [
        'signed with another integrator’s secret',
        (_: Record<string, string>, b: string) => signed(other.webhookSecret, b),
      ],
      [
        'signed more than five minutes ago',
        (_: Record<string, string>, b: string) =>
          signed(cms.webhookSecret, b, { at: new Date(Date.now() - 6 * 60_000) }),
      ],
      [
        'dated more than five minutes ahead',
        (_: Record<string, string>, b: string) =>
          signed(cms.webhookSecret, b, { at: new Date(Date.now() + 6 * 60_000) }),
      ],
      ['without a webhook-id', (h: Record<string, string>) => ({ ...h, 'webhook-id': '' })],
    ])('refuses a request %s with 401 and writes nothing', async (_case, tamper) => {
      const forged = JSON.stringify({ title: `Forged ${_case}`, body: S4 });
      const before = [await count('articles'), await count('webhook_receipts')];
      const headers = Object.fromEntries(
        Object.entries(tamper(signed(cms.webhookSecret, forged), forged)).filter(([, v]) => v !== ''),
      );
      const res = await postWebhook(cms, forged, headers);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, code: 'unauthorized' });
      expect([await count('articles'), await count('webhook_receipts')]).toEqual(before);
    });

    it('refuses a body changed after signing, and an unknown integrator', async () => {
      const original = JSON.stringify({ title: 'Tampered', body: S4 });
      const res = await postWebhook(
        cms,
        original.replace('Tampered', 'Tampered!'),
        signed(cms.webhookSecret, original),
      );
      expect(res.status).toBe(401);
      const unknown = await t
        .http()
        .post('/webhooks/articles?integrator=00000000-0000-4000-8000-000000000000')
        .set(signed(cms.webhookSecret, original))
        .send(original);
      expect(unknown.status).toBe(401);
      expect(await count(`articles WHERE title LIKE 'Tampered%'`)).toBe(0);
    });

    it('accepts one good signature among several', async () => {
      const b = JSON.stringify({ title: 'Several', body: S4 });
      const headers = signed(cms.webhookSecret, b);
      const res = await postWebhook(cms, b, {
        ...headers,
        'webhook-signature': `v1,${Buffer.from('x'.repeat(32)).toString('base64')} ${headers['webhook-signature']}`,
      });
      expect(res.status).toBe(202);
    });

    it('rotates the secret: the old one keeps working for the overlap, then stops', async () => {
      const integrator = await createIntegrator('Rotating CMS');
      const rotated = await t.http().post(`/admin/integrators/${integrator.id}/rotate-secret`).set(auth(t.adminKey));
      expect(rotated.status).toBe(200);
      expect(rotated.body.webhookSecret).toMatch(/^whsec_/);
      expect(rotated.body.webhookSecret).not.toBe(integrator.webhookSecret);
      const post = (secret: string, n: number) => {
        const b = JSON.stringify({ title: `Rotation ${n}`, body: `${S1} (${n})` });
        return postWebhook(integrator, b, signed(secret, b));
      };
      expect((await post(integrator.webhookSecret, 1)).status).toBe(202);
      expect((await post(rotated.body.webhookSecret, 2)).status).toBe(202);
      let n = 3;
      await waitFor(
        async () => (await post(integrator.webhookSecret, n++)).status === 401,
        'the old secret to expire',
        15_000,
      );
      expect((await post(rotated.body.webhookSecret, 100)).status).toBe(202);
    });

    it('records in the audit log who made an integrator and an endpoint, rotated their secrets and disabled the endpoint', async () => {
      const integrator = await createIntegrator('Audited CMS');
      expect(
        (await t.http().post(`/admin/integrators/${integrator.id}/rotate-secret`).set(auth(t.adminKey))).status,
      ).toBe(200);
      const endpoint = await t
        .http()
        .post('/integrations/endpoints')
        .set(auth(integrator.apiKey))
        .send({ url: 'http://127.0.0.1:9/audited', events: ['article.reviewed'] });
      expect(endpoint.status).toBe(201);
      expect(
        (await t.http().post(`/integrations/endpoints/${endpoint.body.id}/rotate-secret`).set(auth(integrator.apiKey)))
          .status,
      ).toBe(200);
      expect(
        (await t.http().delete(`/integrations/endpoints/${endpoint.body.id}`).set(auth(integrator.apiKey))).status,
      ).toBe(200);

      const { rows } = await t.db.query<{
        action: string;
        target_type: string;
        actor_role: string;
        details: Record<string, unknown>;
      }>(`SELECT action, target_type, actor_role, details FROM audit_events WHERE target_id IN ($1, $2) ORDER BY seq`, [
        integrator.id,
        endpoint.body.id,
      ]);
      expect(rows.map((r) => [r.action, r.target_type, r.actor_role])).toEqual([
        ['integrator.created', 'integrator', 'admin'],
        ['integrator.secret_rotated', 'integrator', 'admin'],
        ['endpoint.created', 'endpoint', 'integrator'],
        ['endpoint.secret_rotated', 'endpoint', 'integrator'],
        ['endpoint.disabled', 'endpoint', 'integrator'],
      ]);
      // A secret is never written to the log, only that it changed.
      expect(JSON.stringify(rows)).not.toMatch(/whsec_/);
    });

    it('makes changed content under the same externalId a revision that keeps the verification of unchanged claims', async () => {
      const first = JSON.stringify({
        title: 'Revised',
        body: `${S1} ${S2} ${S3}`,
        externalId: 'rev-1',
        minCheckworthiness: 0,
      });
      const posted = await postWebhook(cms, first, signed(cms.webhookSecret, first));
      expect(posted.status).toBe(202);
      const r1 = await ready(posted.body.id);
      type Claim = { id: string; text: string; version: number; status: string };
      const byText = (a: { claims: Claim[] }, s: string) =>
        a.claims.find((c) => s.startsWith(c.text) || c.text.startsWith(s.slice(0, 20)));
      const kept = byText(r1, S1);
      const vanishing = byText(r1, S3);
      if (!kept || !vanishing)
        throw new Error(`the first revision lacks a claim: ${JSON.stringify(r1.claims.map((c: Claim) => c.text))}`);
      const sourced = await move(kept, 'sourced', { sources: [{ url: 'https://stats.example/unemployment' }] });

      const second = JSON.stringify({
        title: 'Revised',
        body: `${S1} ${S2} ${S4}`,
        externalId: 'rev-1',
        minCheckworthiness: 0,
      });
      const revised = await postWebhook(cms, second, signed(cms.webhookSecret, second));
      expect(revised.status).toBe(202);
      expect(revised.body).toMatchObject({ id: posted.body.id, revision: 2 });
      const r2 = await ready(posted.body.id, 2);

      const keptNow = r2.claims.find((c: { id: string }) => c.id === kept.id);
      expect(keptNow).toMatchObject({ status: 'sourced', version: sourced.version, revision: 2 });
      expect(r2.body.slice(keptNow.start, keptNow.end)).toBe(keptNow.text);
      expect(r2.claims.find((c: { id: string }) => c.id === vanishing.id).status).toBe('withdrawn');
      const added = byText(r2, S4)!;
      expect(added.status).toBe('unverified');
      expect(r1.claims.map((c: { id: string }) => c.id)).not.toContain(added.id);
      const history = await t.http().get(`/claims/${kept.id}/events`).set(auth(editorKey));
      expect(
        history.body.items.map((e: { type: string; toStatus: string | null }) => [e.type, e.toStatus]),
      ).toContainEqual(['transition', 'sourced']);
    });
  });

  describe('Idempotency-Key on POST /articles', () => {
    const body = { title: 'Idempotent', body: S2 };

    it('answers the first answer again for the same key and body, and 422 for another body', async () => {
      const first = await t.http().post('/articles').set(auth(editorKey)).set('Idempotency-Key', '"key-1"').send(body);
      const again = await t
        .http()
        .post('/articles')
        .set(auth(editorKey))
        .set('Idempotency-Key', '"key-1"')
        .send({ body: body.body, title: body.title });
      expect(first.status).toBe(202);
      expect(again.status).toBe(202);
      expect(again.body).toEqual(first.body);
      expect(again.headers.location).toBe(first.headers.location);
      expect(await count(`articles WHERE title = 'Idempotent'`)).toBe(1);

      const conflict = await t
        .http()
        .post('/articles')
        .set(auth(editorKey))
        .set('Idempotency-Key', '"key-1"')
        .send({ ...body, title: 'Other' });
      expect(conflict.status).toBe(422);
      expect(conflict.body).toMatchObject({ statusCode: 422, code: 'idempotency_conflict' });
      expect(await count(`articles WHERE title = 'Other'`)).toBe(0);
    });

    it('scopes keys to their owner', async () => {
      const mine = await t
        .http()
        .post('/articles')
        .set(auth(cms.apiKey))
        .set('Idempotency-Key', 'shared')
        .send({ title: 'Mine', body: S3 });
      const theirs = await t
        .http()
        .post('/articles')
        .set(auth(other.apiKey))
        .set('Idempotency-Key', 'shared')
        .send({ title: 'Theirs', body: S3 });
      expect([mine.status, theirs.status]).toEqual([202, 202]);
      expect(theirs.body.id).not.toBe(mine.body.id);
    });

    it('answers 409 while the first request with the key is still running, then replays its answer', async () => {
      const lock = await t.db.connect();
      try {
        await lock.query('BEGIN');
        await lock.query('LOCK TABLE articles IN SHARE MODE'); // the first request's insert waits on this
        const first = t
          .http()
          .post('/articles')
          .set(auth(editorKey))
          .set('Idempotency-Key', 'slow')
          .send({ title: 'Slow', body: S4 })
          .then((r) => r);
        await waitFor(
          async () =>
            (await t.db.query(`SELECT 1 FROM idempotency_keys WHERE key = 'slow' AND status = 'in_flight'`))
              .rowCount === 1,
          'the first request to start',
        );
        const during = await t
          .http()
          .post('/articles')
          .set(auth(editorKey))
          .set('Idempotency-Key', 'slow')
          .send({ title: 'Slow', body: S4 });
        expect(during.status).toBe(409);
        expect(during.body).toMatchObject({ statusCode: 409, code: 'idempotency_in_flight' });
        await lock.query('COMMIT');
        const done = await first;
        expect(done.status).toBe(202);
        const after = await t
          .http()
          .post('/articles')
          .set(auth(editorKey))
          .set('Idempotency-Key', 'slow')
          .send({ title: 'Slow', body: S4 });
        expect(after.status).toBe(202);
        expect(after.body.id).toBe(done.body.id);
      } finally {
        await lock.query('ROLLBACK').catch(() => undefined);
        lock.release();
      }
    });
  });

  describe('signed callbacks', () => {
    const receiver = new WebhookReceiver();
    let endpoint: { id: string; secret: string };

    beforeAll(async () => {
      const url = await receiver.start();
      const res = await t
        .http()
        .post('/integrations/endpoints')
        .set(auth(cms.apiKey))
        .send({ url, events: ['article.extracted', 'claim.status_changed', 'article.reviewed'] });
      expect(res.status).toBe(201);
      endpoint = res.body;
      receiver.secret = endpoint.secret;
    });
    afterAll(() => receiver.stop());

    const deliveries = async (key = cms.apiKey) =>
      (await t.http().get(`/integrations/endpoints/${endpoint.id}/deliveries`).set(auth(key))).body;
    /** Each case posts an article of its own (so none depends on another having run) and waits for its first callback to land. */
    const postCalledBack = async (externalId: string, body = `${S1} ${S2}`) => {
      const b = JSON.stringify({ title: 'Called back', body, externalId, minCheckworthiness: 0 });
      const posted = await postWebhook(cms, b, signed(cms.webhookSecret, b));
      const articleId: string = posted.body.id;
      const delivered = await waitFor(
        async () =>
          (await deliveries()).items.find(
            (d: { event: string; status: string; payload: { data: { articleId: string } } }) =>
              d.event === 'article.extracted' && d.status === 'delivered' && d.payload.data.articleId === articleId,
          ),
        'its article.extracted callback to be delivered',
      );
      return { articleId, delivered };
    };
    const ofArticle = (type: string, articleId: string) =>
      receiver.ofType(type).filter((r) => r.payload.data.articleId === articleId);

    it('retries a failing receiver with growing delays until it takes the callback, signed the same way each time', async () => {
      receiver.answer = (_id, attempt) => (attempt <= 2 ? 500 : 204);
      const b = JSON.stringify({
        title: 'Called back',
        body: `${S1} ${S2}`,
        externalId: 'cb-1',
        minCheckworthiness: 0,
      });
      const posted = await postWebhook(cms, b, signed(cms.webhookSecret, b));
      const articleId = posted.body.id;

      // This article's own: on a slow machine an earlier case's article can be extracted after this endpoint exists.
      const taken = await waitFor(
        async () => ofArticle('article.extracted', articleId).find((r) => r.answered === 204),
        'the callback to be taken',
      );
      const tries = receiver.received.filter((r) => r.webhookId === taken.webhookId);
      expect(tries.map((r) => r.answered)).toEqual([500, 500, 204]);
      expect(tries.every((r) => r.verified)).toBe(true);
      expect(taken.payload).toMatchObject({
        type: 'article.extracted',
        data: { articleId, externalId: 'cb-1', revision: 1 },
      });

      const delivery = await waitFor(
        async () =>
          (await deliveries()).items.find(
            (d: { id: string; status: string }) => d.id === taken.webhookId && d.status === 'delivered',
          ),
        'the delivery to be recorded',
      );
      expect(delivery.attempts).toBe(3);
      expect(delivery.attemptLog.map((a: { responseStatus: number }) => a.responseStatus)).toEqual([500, 500, 204]);
      const at = delivery.attemptLog.map((a: { at: string }) => Date.parse(a.at));
      // base 200 ms, doubling, with equal jitter: the 1st wait is 100–200 ms, the 2nd 200–400 ms
      expect(at[1] - at[0]).toBeGreaterThanOrEqual(100);
      expect(at[2] - at[1]).toBeGreaterThanOrEqual(200);
    });

    it('calls back every status change, and article.reviewed once, when the last claim gets its verdict', async () => {
      receiver.answer = () => 204;
      const { articleId } = await postCalledBack('cb-2');
      const a = await ready(articleId);
      expect(a.claims.length).toBeGreaterThanOrEqual(2);
      const [firstClaim, ...rest] = a.claims;
      await move(firstClaim, 'sourced', { sources: [{ url: 'https://stats.example/a' }] });
      await waitFor(async () => ofArticle('claim.status_changed', articleId).length >= 1, 'the first status change');
      expect(ofArticle('article.reviewed', articleId)).toHaveLength(0);
      for (const claim of rest) await move(claim, 'disputed', { note: 'contradicted by the budget' });

      await waitFor(
        async () =>
          ofArticle('article.reviewed', articleId).length === 1 &&
          ofArticle('claim.status_changed', articleId).length === a.claims.length,
        'all callbacks',
      );
      const changes = ofArticle('claim.status_changed', articleId);
      expect(changes.every((r) => r.verified)).toBe(true);
      expect(changes.map((r) => r.payload.data.claimId).sort()).toEqual(
        a.claims.map((c: { id: string }) => c.id).sort(),
      );
      expect(changes.find((r) => r.payload.data.claimId === firstClaim.id)!.payload.data).toMatchObject({
        from: 'unverified',
        to: 'sourced',
        articleId,
      });
      expect(ofArticle('article.reviewed', articleId)[0].payload.data).toMatchObject({
        articleId,
        claims: a.claims.length,
      });
      const rows = await t.db.query(
        `SELECT count(*)::int AS n FROM callback_deliveries WHERE event_type = 'claim.status_changed' AND payload->'data'->>'articleId' = $1`,
        [articleId],
      );
      expect(rows.rows[0].n).toBe(a.claims.length);
    });

    it('redelivers on request, with the same webhook-id', async () => {
      receiver.answer = () => 204;
      const { delivered } = await postCalledBack('cb-3', S3);
      const before = receiver.received.filter((r) => r.webhookId === delivered.id).length;
      const res = await t
        .http()
        .post(`/integrations/endpoints/${endpoint.id}/deliveries/${delivered.id}/redeliver`)
        .set(auth(cms.apiKey));
      expect(res.status).toBe(202);
      await waitFor(
        async () => receiver.received.filter((r) => r.webhookId === delivered.id).length === before + 1,
        'the redelivery',
      );
      const after = await waitFor(
        async () =>
          (await deliveries()).items.find(
            (d: { id: string; attempts: number }) => d.id === delivered.id && d.attempts === delivered.attempts + 1,
          ),
        'the attempt log',
      );
      expect(after.status).toBe('delivered');
    });

    it('shows an endpoint’s deliveries only to its owner and admins', async () => {
      receiver.answer = () => 204;
      const { delivered } = await postCalledBack('cb-4', S4);
      expect(
        (await t.http().get(`/integrations/endpoints/${endpoint.id}/deliveries`).set(auth(other.apiKey))).status,
      ).toBe(404);
      expect(
        (await t.http().get(`/integrations/endpoints/${endpoint.id}/deliveries`).set(auth(t.adminKey))).status,
      ).toBe(200);
      expect((await t.http().get('/integrations/endpoints').set(auth(other.apiKey))).body.items).toEqual([]);
      const foreign = await t
        .http()
        .post(`/integrations/endpoints/${endpoint.id}/deliveries/${delivered.id}/redeliver`)
        .set(auth(other.apiKey));
      expect(foreign.status).toBe(404);
    });

    it('resends undelivered callbacks after Redis loses its jobs', async () => {
      receiver.answer = () => 503;
      const b = JSON.stringify({ title: 'Flushed', body: S3, minCheckworthiness: 0 });
      const posted = await postWebhook(cms, b, signed(cms.webhookSecret, b));
      const failing = await waitFor(
        async () => receiver.ofType('article.extracted').find((r) => r.payload.data.articleId === posted.body.id),
        'a failed try',
      );
      await waitFor(
        async () =>
          (
            await t.db.query(
              `SELECT 1 FROM callback_deliveries d WHERE id = $1 AND status = 'pending' AND attempts >= 1
          AND EXISTS (SELECT 1 FROM callback_attempts a WHERE a.delivery_id = d.id)`,
              [failing.webhookId],
            )
          ).rowCount === 1,
        'the retry to be scheduled',
      );
      // With no worker running, the flush takes the only job that would have retried it; Postgres still owes the callback.
      await t.stopWorker(t.workers[0]);
      await t.redis.flushdb();
      receiver.answer = () => 204;
      await t.startWorker();
      await waitFor(
        async () => receiver.received.some((r) => r.webhookId === failing.webhookId && r.answered === 204),
        'delivery after the flush',
        30_000,
      );
      await waitFor(
        async () =>
          (await t.db.query(`SELECT status FROM callback_deliveries WHERE id = $1`, [failing.webhookId])).rows[0]
            .status === 'delivered',
        'the delivery to be recorded',
      );
    });

    it('disables an endpoint that answers 410 Gone, and sends it nothing more', async () => {
      receiver.answer = () => 204;
      const { articleId } = await postCalledBack('cb-6', S4);
      const gone = new WebhookReceiver();
      const url = await gone.start();
      try {
        const res = await t
          .http()
          .post('/integrations/endpoints')
          .set(auth(cms.apiKey))
          .send({ url, events: ['claim.status_changed'] });
        gone.secret = res.body.secret;
        gone.answer = () => 410;
        const a = await ready(articleId);
        await move(a.claims[0], 'disputed', { note: 'reconsidered' });
        await waitFor(async () => {
          const list = (await t.http().get('/integrations/endpoints').set(auth(cms.apiKey))).body.items;
          return list.find((e: { id: string; disabledAt: string | null }) => e.id === res.body.id && e.disabledAt);
        }, 'the endpoint to be disabled');
        expect(gone.received).toHaveLength(1);
        const log = (await t.http().get(`/integrations/endpoints/${res.body.id}/deliveries`).set(auth(cms.apiKey))).body
          .items;
        expect(log).toHaveLength(1);
        expect(log[0]).toMatchObject({
          status: 'failed',
          attempts: 1,
          attemptLog: [expect.objectContaining({ responseStatus: 410 })],
        });

        const now = await article(articleId);
        await move(now.claims[0], 'sourced', { sources: [{ url: 'https://stats.example/b' }] });
        await waitFor(
          async () =>
            receiver
              .ofType('claim.status_changed')
              .some((r) => r.payload.data.to === 'sourced' && r.payload.data.from === 'disputed'),
          'the live endpoint to hear of it',
        );
        expect(
          (await t.http().get(`/integrations/endpoints/${res.body.id}/deliveries`).set(auth(cms.apiKey))).body.items,
        ).toHaveLength(1);
        const redeliver = await t
          .http()
          .post(`/integrations/endpoints/${res.body.id}/deliveries/${log[0].id}/redeliver`)
          .set(auth(cms.apiKey));
        expect(redeliver.status).toBe(409);
      } finally {
        await gone.stop();
      }
    });
  });

  describe('ClaimReview', () => {
    it('publishes sourced and disputed claims as schema.org ClaimReview, and nothing else', async () => {
      const b = JSON.stringify({
        title: 'Reviewed',
        body: `${S1} ${S2} ${S3}`,
        url: 'https://news.example/reviewed',
        minCheckworthiness: 0,
        publishedAt: '2025-03-01T08:00:00Z',
      });
      const posted = await postWebhook(cms, b, signed(cms.webhookSecret, b));
      const a = await ready(posted.body.id);
      const [sourced, disputed, dismissed] = a.claims;
      await move(sourced, 'sourced', { sources: [{ url: 'https://stats.example/c' }] });
      await move(disputed, 'disputed', { note: 'the figure is for another year' });
      await move(dismissed, 'dismissed', { note: 'not checkable' });

      const one = await t.http().get(`/claims/${sourced.id}/claimreview`).set(auth(cms.apiKey));
      expect(one.status).toBe(200);
      expect(one.headers['content-type']).toMatch(/^application\/ld\+json/);
      expect(one.body).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        // The claim's public page, which the claim's representation names too.
        url: (await t.http().get(`/claims/${sourced.id}`).set(auth(cms.apiKey))).body.publicUrl,
        claimReviewed: sourced.text,
        datePublished: expect.any(String),
        author: { '@type': 'Organization', name: 'Test Desk', url: 'https://desk.example' },
        reviewRating: { '@type': 'Rating', alternateName: 'Sourced' },
        itemReviewed: {
          '@type': 'Claim',
          appearance: { '@type': 'CreativeWork', url: 'https://news.example/reviewed' },
          datePublished: '2025-03-01T08:00:00.000Z',
        },
      });
      if (sourced.claimant)
        expect(one.body.itemReviewed.author).toEqual({ '@type': 'Organization', name: sourced.claimant });

      const graph = await t.http().get(`/articles/${posted.body.id}/claimreview`).set(auth(editorKey));
      expect(graph.status).toBe(200);
      expect(
        graph.body['@graph']
          .map((r: { claimReviewed: string; reviewRating: { alternateName: string } }) => [
            r.claimReviewed,
            r.reviewRating.alternateName,
          ])
          .sort(),
      ).toEqual(
        [
          [sourced.text, 'Sourced'],
          [disputed.text, 'Disputed'],
        ].sort(),
      );
      expect((await t.http().get(`/claims/${dismissed.id}/claimreview`).set(auth(editorKey))).status).toBe(404);
      expect((await t.http().get(`/claims/${sourced.id}/claimreview`).set(auth(other.apiKey))).status).toBe(404);
      expect((await t.http().get(`/articles/${posted.body.id}/claimreview`).set(auth(other.apiKey))).status).toBe(404);
    });
  });

  describe('hardening', () => {
    it('sends a strict Content-Security-Policy, relaxed for Swagger UI’s inline styles only', async () => {
      const api = await t.http().get('/articles').set(auth(editorKey));
      expect(api.headers['content-security-policy']).toContain("default-src 'self'");
      expect(api.headers['content-security-policy']).toContain("style-src 'self';");
      expect(api.headers['x-content-type-options']).toBe('nosniff');
      const docs = await t.http().get('/docs');
      expect(docs.status).toBe(200);
      expect(docs.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
      expect(docs.headers['content-security-policy']).toContain("script-src 'self';");
      const openApi = (await t.http().get('/docs-json')).body;
      expect(openApi.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
        description: expect.stringContaining('Authorization: Bearer <key>'),
      });
      expect(openApi.paths['/articles'].post.security).toEqual([{ bearer: [] }]);
    });

    it('never writes keys or secrets to the logs', async () => {
      const log = await waitFor(async () => {
        const text = readFileSync(resolve(__dirname, 'artifacts/suite-6-api.log'), 'utf8');
        return text.includes(cms.id) && text.includes('/admin/integrators') ? text : null;
      }, 'request logs');
      for (const secret of [t.adminKey, editorKey, cms.apiKey, cms.webhookSecret, other.apiKey, other.webhookSecret])
        expect(log).not.toContain(secret);
      // The secret part alone (base64url, so it may itself hold '_') must not leak either.
      const secretPart = parseApiKey(cms.apiKey)?.secret;
      expect(secretPart).toEqual(expect.any(String));
      expect(log).not.toContain(secretPart);
    });
  });
});

describe('callbacks to internal addresses', () => {
  let t: TestService;
  beforeAll(async () => {
    t = await startTestService(12, { env: { CALLBACK_ALLOW_PRIVATE_NETWORKS: 'false' } });
  });
  afterAll(() => t.close());

  it('refuses to register a URL that resolves to this machine, saying how to allow it', async () => {
    const cms = (
      await t.http().post('/admin/integrators').set('Authorization', `Bearer ${t.adminKey}`).send({ name: 'Registrar' })
    ).body;
    const res = await t
      .http()
      .post('/integrations/endpoints')
      .set('Authorization', `Bearer ${cms.apiKey}`)
      .send({ url: 'http://localhost:9/metadata', events: ['article.extracted'] });

    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.details.url[0]).toMatch(
      /^refused: localhost resolves to (127\.0\.0\.1|::1).*CALLBACK_ALLOW_PRIVATE_NETWORKS=true/,
    );
    expect(
      (await t.db.query('SELECT count(*)::int AS n FROM callback_endpoints WHERE owner_id = $1', [cms.id])).rows[0].n,
    ).toBe(0);
  });

  it('refuses to call an endpoint whose name resolves to this machine at delivery time, and logs why', async () => {
    const cms = (
      await t.http().post('/admin/integrators').set('Authorization', `Bearer ${t.adminKey}`).send({ name: 'Probe' })
    ).body;
    const auth = { Authorization: `Bearer ${cms.apiKey}` };
    // As if the name had resolved to a public address when it was registered (DNS rebinding).
    const [endpoint] = (
      await t.db.query(
        `INSERT INTO callback_endpoints (owner_id, url, events, secret) VALUES ($1, 'http://localhost:9/metadata', '{article.extracted}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw') RETURNING id`,
        [cms.id],
      )
    ).rows;
    expect((await t.http().post('/articles').set(auth).send({ title: 'Probe', body: S2 })).status).toBe(202);
    const delivery = await waitFor(async () => {
      const items = (await t.http().get(`/integrations/endpoints/${endpoint.id}/deliveries`).set(auth)).body.items;
      return items.find((d: { attemptLog: unknown[] }) => d.attemptLog.length >= 1);
    }, 'the first attempt');
    expect(delivery.attemptLog[0]).toMatchObject({
      responseStatus: null,
      error: expect.stringMatching(/^refused: localhost resolves to (127\.0\.0\.1|::1)/),
    });
  });
});
