import { Webhook } from 'standardwebhooks';
import { ensureServicesUp, guardServices, postgresIsUp, redisIsUp } from '../helpers/services-control';
import { startTestService, waitFor, type TestService } from '../helpers/test-service';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import {
  articleBody,
  expectNothingLostOrDoubled,
  loadBuiltExtractor,
  report,
  settle,
  type PlannedArticle,
} from './fault-kit';

const REDIS_DB = 12;
const WEBHOOKS = 100;
const DELIVERIES = 3;
const MOVES = 100;

interface Integrator {
  id: string;
  apiKey: string;
  webhookSecret: string;
}

/** Repeated and concurrent requests for the same thing: each is done once, and the others are told so. */
describe('faults: repeated deliveries and concurrent moves', () => {
  let t: TestService;
  let unguard: () => void;
  let cms: Integrator;
  let reviewers: { id: string; key: string }[];
  let editorKey: string;
  const receiver = new WebhookReceiver();
  let webhookArticleIds: string[] = [];

  beforeAll(async () => {
    unguard = guardServices();
    ensureServicesUp();
    t = await startTestService(REDIS_DB, {
      name: 'faults-concurrency',
      env: { RECONCILE_INTERVAL_MS: '2000', CALLBACK_RETRY_BASE_MS: '200' },
    });
    t.db.on('error', () => undefined);
    t.redis.on('error', () => undefined);
    reviewers = [await t.createReviewer({ capacity: 10_000 }), await t.createReviewer({ capacity: 10_000 })];
    editorKey = await t.createKey('editor');
    const created = await fetch(`${t.url}/admin/integrators`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${t.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Fault CMS' }),
    });
    expect(created.status).toBe(201);
    cms = (await created.json()) as Integrator;
    const url = await receiver.start();
    const endpoint = await fetch(`${t.url}/integrations/endpoints`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${cms.apiKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url, events: ['claim.status_changed'] }),
    });
    expect(endpoint.status).toBe(201);
    receiver.secret = ((await endpoint.json()) as { secret: string }).secret;
  }, 60_000);

  afterAll(async () => {
    try {
      ensureServicesUp();
    } finally {
      await receiver.stop();
      await t?.close();
      unguard();
    }
    expect(postgresIsUp()).toBe(true);
    expect(redisIsUp()).toBe(true);
  }, 60_000);

  /** One delivery of a webhook, signed afresh each time (a new timestamp) but with the message's one webhook-id. */
  async function deliver(webhookId: string, body: string): Promise<{ status: number; id?: string }> {
    for (let attempt = 0; ; attempt++) {
      const at = new Date();
      const headers = {
        'Content-Type': 'application/json',
        'webhook-id': webhookId,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(cms.webhookSecret).sign(webhookId, at, body),
      };
      try {
        const response = await fetch(`${t.url}/webhooks/articles?integrator=${cms.id}`, {
          method: 'POST',
          headers,
          body,
          signal: AbortSignal.timeout(15_000),
        });
        const json = (await response.json().catch(() => ({}))) as { id?: string };
        if (response.status !== 503 || attempt >= 20) return { status: response.status, id: json.id };
      } catch (error) {
        if (attempt >= 20) throw error;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  it(`${WEBHOOKS} webhooks each delivered ${DELIVERIES} times, some concurrently: one article each, every delivery answered with it`, async () => {
    const extractor = loadBuiltExtractor();
    const planned: (PlannedArticle & { webhookId: string; json: string })[] = Array.from(
      { length: WEBHOOKS },
      (_, i) => {
        const body = articleBody(90_000 + i);
        const title = `webhook article ${i}`;
        // Half carry the integrator's own id, half are known by their content only.
        const json = JSON.stringify(i % 2 === 0 ? { title, body, externalId: `wh-${i}` } : { title, body });
        return {
          title,
          body,
          externalId: `wh-${i}`,
          webhookId: `msg_fault_${i}`,
          json,
          expected: extractor.extract(body, { minCheckworthiness: extractor.threshold }).length,
        };
      },
    );

    const answers = new Map<number, { status: number; id?: string }[]>();
    const sendAll = async (i: number) => {
      const { webhookId, json } = planned[i];
      const once = () => deliver(webhookId, json);
      // A third all at once, a third one after another, a third one first and then two together.
      const results =
        i % 3 === 0
          ? await Promise.all([once(), once(), once()])
          : i % 3 === 1
            ? [await once(), await once(), await once()]
            : [await once(), ...(await Promise.all([once(), once()]))];
      answers.set(i, results);
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        while (next < WEBHOOKS) await sendAll(next++);
      }),
    );

    const wrong = [...answers].filter(
      ([, r]) =>
        r
          .map((a) => a.status)
          .sort()
          .join() !== '200,200,202' || new Set(r.map((a) => a.id)).size !== 1,
    );
    webhookArticleIds = [...answers.values()].map((r) => r[0].id!);
    const [rows] = (
      await t.db.query<{ articles: number; receipts: number; revisions: number }>(
        `SELECT (SELECT count(*) FROM articles WHERE owner_id = $1)::int AS articles,
                (SELECT count(*) FROM webhook_receipts WHERE integrator_id = $1)::int AS receipts,
                (SELECT count(*) FROM article_revisions r JOIN articles a ON a.id = r.article_id WHERE a.owner_id = $1)::int AS revisions`,
        [cms.id],
      )
    ).rows;
    const counts = await settle(t, cms.id, planned);
    const statusCount = (s: number) => [...answers.values()].flat().filter((a) => a.status === s).length;
    report(
      `${WEBHOOKS} webhooks × ${DELIVERIES} deliveries (a third concurrent) — articles posted ${WEBHOOKS} / stored ${counts.articlesStored}, ` +
        `claims expected ${counts.claimsExpected} / stored ${counts.claimsStored} / assigned ${counts.claimsAssigned}, ` +
        `lost ${counts.lost}, duplicated ${counts.duplicated} (answers: ${statusCount(202)}×202, ${statusCount(200)}×200, ` +
        `${WEBHOOKS * DELIVERIES - statusCount(202) - statusCount(200)} other; receipts ${rows.receipts}, revisions ${rows.revisions})`,
    );

    expect(wrong.map(([i, r]) => `${i}: ${r.map((a) => `${a.status} ${a.id}`).join(', ')}`)).toEqual([]);
    expect(new Set(webhookArticleIds).size).toBe(WEBHOOKS);
    expect(rows).toEqual({ articles: WEBHOOKS, receipts: WEBHOOKS, revisions: WEBHOOKS });
    expectNothingLostOrDoubled(counts, WEBHOOKS);
  }, 150_000);

  it(`${MOVES} concurrent moves of one claim: exactly one wins, the rest 409, one event and one callback`, async () => {
    expect(webhookArticleIds.length).toBe(WEBHOOKS);
    const [claim] = (
      await t.db.query<{ id: string; version: number; assignee_id: string }>(
        `SELECT c.id, c.version, c.assignee_id FROM claims c WHERE c.article_id = $1 AND c.status = 'unverified' AND c.assignee_id IS NOT NULL ORDER BY c.ordinal LIMIT 1`,
        [webhookArticleIds[0]],
      )
    ).rows;
    expect(claim).toBeDefined();
    const assignee = reviewers.find((r) => r.id === claim.assignee_id)!;
    // Every mover that may make the move, every verdict, both ways of naming the version: all from the same version.
    const movers = [editorKey, t.adminKey, assignee.key];
    const bodies = [
      { to: 'sourced', sources: [{ url: 'https://example.org/source', title: 'Source' }] },
      { to: 'disputed', note: 'The figures do not match the ministry’s report.' },
      { to: 'dismissed', note: 'Not checkable.' },
    ];
    const moves = Array.from({ length: MOVES }, (_, i) => {
      const byHeader = i % 2 === 1;
      const body = { ...bodies[i % bodies.length], ...(byHeader ? {} : { expectedVersion: claim.version }) };
      const headers: Record<string, string> = {
        Authorization: `Bearer ${movers[i % movers.length]}`,
        'Content-Type': 'application/json',
      };
      if (byHeader) headers['If-Match'] = `"${claim.version}"`;
      return fetch(`${t.url}/claims/${claim.id}/transitions`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { code?: string; status?: string; version?: number },
      }));
    });
    const answers = await Promise.all(moves);

    const won = answers.filter((a) => a.status === 200);
    const stale = answers.filter((a) => a.status === 409 && a.body.code === 'stale_version');
    const [after] = (
      await t.db.query<{ status: string; version: number; assignee_id: string | null }>(
        `SELECT status, version, assignee_id FROM claims WHERE id = $1`,
        [claim.id],
      )
    ).rows;
    const [events] = (
      await t.db.query<{ transitions: number; deliveries: number }>(
        `SELECT (SELECT count(*) FROM claim_events WHERE claim_id = $1 AND type = 'transition')::int AS transitions,
                (SELECT count(*) FROM callback_deliveries WHERE event_type = 'claim.status_changed' AND payload->'data'->>'claimId' = $1::text)::int AS deliveries`,
        [claim.id],
      )
    ).rows;
    const callbacks = await waitFor(
      async () => {
        const got = receiver.ofType('claim.status_changed').filter((r) => r.payload.data.claimId === claim.id);
        return got.length > 0 ? got : null;
      },
      'the status callback',
      20_000,
    ).catch(() => []);
    report(
      `${MOVES} concurrent moves of one claim — ${won.length} won (${won[0]?.body.status ?? 'none'}), ${stale.length} answered 409 stale_version, ` +
        `${MOVES - won.length - stale.length} other; claim version ${claim.version} → ${after.version}, transition events ${events.transitions}, ` +
        `callbacks ${events.deliveries}, lost ${won.length === 1 && events.transitions === 1 ? 0 : Math.max(0, 1 - events.transitions)}, ` +
        `duplicated ${Math.max(0, events.transitions - 1) + Math.max(0, events.deliveries - 1)}`,
    );

    expect(won).toHaveLength(1);
    expect(stale).toHaveLength(MOVES - 1);
    expect(after).toEqual({ status: won[0].body.status, version: claim.version + 1, assignee_id: null });
    expect(won[0].body.version).toBe(claim.version + 1);
    expect(events).toEqual({ transitions: 1, deliveries: 1 });
    expect(callbacks.map((c) => c.payload.data.to)).toEqual([won[0].body.status]);
  }, 60_000);
});
