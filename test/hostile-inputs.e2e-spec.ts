import { Webhook } from 'standardwebhooks';
import { startTestService, waitFor, type TestService } from './helpers/test-service';
import { WebhookReceiver } from './helpers/webhook-receiver';

/**
 * Hostile inputs: a generated set of requests across the endpoints — oversize, deeply nested, wrong types, invalid
 * UTF-8, nulls, huge arrays, injection strings, forged and stale signatures, other integrators' ids. None may answer
 * 5xx; every refusal is a clean {statusCode, code, message}; and afterwards the database holds exactly what was
 * accepted, each write whole (counted row by row).
 */

const TABLES = [
  'articles',
  'article_revisions',
  'webhook_receipts',
  'claims',
  'claim_events',
  'reviewers',
  'api_keys',
  'audit_events',
  'integrators',
  'callback_endpoints',
  'idempotency_keys',
] as const;
type Table = (typeof TABLES)[number];
type Writes = Partial<Record<Table, number>>;

interface Answer {
  status: number;
  contentType: string;
  text: string;
  json: Record<string, unknown> | null;
}

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  /** An API key; null: none. */
  key: string | null;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer as it is. */
  body?: unknown;
  /** The answers this request may get; hostile requests name the refusals they expect. */
  expect: number[];
  /** Rows a 2xx answer writes. */
  writes?: (answer: Answer) => Writes;
}

const INJECTIONS = [
  `<script>alert("xss")</script>`,
  `"><img src=x onerror=alert(1)>`,
  `'; DROP TABLE articles; --`,
  `' OR '1'='1`,
  `1; SELECT pg_sleep(10)`,
  `{{7*7}} \${7*7} <%= 7*7 %>`,
  `../../../../etc/passwd`,
  `\u202e\u0645\u0631\u062d\u0628\u0627 \ud83d\ude00 ﷽ Z̷̢a̸l̵g̶o̴`,
  `javascript:alert(document.cookie)`,
  `%00%27%22%3Cscript%3E`,
  `\\x00\\u0000 $where: function() { return true }`,
  `</textarea><svg onload=alert(1)>`,
];

const FACT = 'The ministry said unemployment fell to 4.1 percent in 2023, the lowest rate in a decade.';

describe('hostile inputs: no 5xx, clean refusals, no partial writes', () => {
  let t: TestService;
  let editor: string;
  let reviewer: { id: string; key: string };
  let a: { id: string; apiKey: string; webhookSecret: string };
  let b: { id: string; apiKey: string; webhookSecret: string };
  let articleOfA: string;
  let claimOfA: { id: string; version: number };
  let endpointOfA: string;
  const cases: Case[] = [];
  const answers: { c: Case; answer: Answer }[] = [];
  let before: Record<Table, number>;

  const counts = async (): Promise<Record<Table, number>> => {
    const { rows } = await t.db.query(
      `SELECT ${TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`,
    );
    return rows[0];
  };

  async function send(c: Case): Promise<Answer> {
    const headers: Record<string, string> = { ...(c.key ? { Authorization: `Bearer ${c.key}` } : {}), ...c.headers };
    let body: string | Buffer | undefined;
    if (Buffer.isBuffer(c.body) || typeof c.body === 'string') body = c.body;
    else if (c.body !== undefined) body = JSON.stringify(c.body);
    if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type'))
      headers['Content-Type'] = 'application/json';
    const response = await fetch(`${t.url}${c.path}`, {
      method: c.method,
      headers,
      body,
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    let json: Record<string, unknown> | null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
  }

  const signed = (integrator: { webhookSecret: string }, body: string, id: string, at = new Date()) => ({
    'Content-Type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(integrator.webhookSecret).sign(id, at, body),
  });

  const articleWrites = (answer: Answer): Writes =>
    answer.status === 202
      ? answer.json?.revision === 1
        ? { articles: 1, article_revisions: 1 }
        : { article_revisions: 1 }
      : {};

  beforeAll(async () => {
    t = await startTestService(14, { name: 'hostile-inputs' });
    editor = await t.createKey('editor');
    reviewer = await t.createReviewer({ capacity: 1000 });
    const integrator = async (name: string) => {
      const res = await t.http().post('/admin/integrators').set('Authorization', `Bearer ${t.adminKey}`).send({ name });
      expect(res.status).toBe(201);
      return res.body;
    };
    [a, b] = [await integrator('Integrator A'), await integrator('Integrator B')];
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${a.apiKey}`)
      .send({
        title: 'A’s article',
        body: `${FACT} Exports doubled between 2015 and 2022, customs data show.`,
        externalId: 'a-1',
      });
    expect(posted.status).toBe(202);
    articleOfA = posted.body.id;
    claimOfA = await waitFor(async () => {
      const { rows } = await t.db.query(
        `SELECT id, version FROM claims WHERE article_id = $1 AND assignee_id IS NOT NULL ORDER BY ordinal LIMIT 1`,
        [articleOfA],
      );
      return rows[0];
    }, 'A’s article to be extracted and assigned');
    const endpoint = await t
      .http()
      .post('/integrations/endpoints')
      .set('Authorization', `Bearer ${a.apiKey}`)
      .send({ url: 'http://127.0.0.1:9/callbacks', events: ['article.extracted'] });
    expect(endpoint.status).toBe(201);
    endpointOfA = endpoint.body.id;
    // From here the rows stay still unless a request writes them: no worker extracts what the requests post.
    await t.stopWorker(t.workers[0]);
    buildCases();
    before = await counts();
  }, 60_000);
  afterAll(() => t.close());

  function buildCases(): void {
    const add = (c: Omit<Case, 'key'> & { key?: string | null }) => cases.push({ key: editor, ...c });
    let n = 0;
    const valid = () => ({ title: `Hostile ${++n}`, body: `${FACT} (${n})` });

    // POST /articles: every field with every wrong type.
    const wrongValues: [string, unknown][] = [
      ['null', null],
      ['a number', 42],
      ['a boolean', true],
      ['an array', ['x']],
      ['an object', { $gt: '' }],
      ['an empty string', ''],
      ['NaN-ish', 'NaN'],
      ['a negative', -1],
    ];
    const fields = ['title', 'body', 'url', 'externalId', 'language', 'publishedAt', 'topics', 'minCheckworthiness'];
    // Values that are of the field's own type (or coerce to it, as a Date from a number does) are not wrong; a boolean
    // is no instant.
    const fine: Record<string, unknown[]> = {
      title: ['NaN'],
      body: ['NaN'],
      externalId: ['NaN'],
      publishedAt: [42, -1],
      topics: [['x']],
    };
    for (const field of fields) {
      for (const [label, value] of wrongValues) {
        const optional = !['title', 'body'].includes(field);
        const accepted =
          (optional && value === null) || (fine[field] ?? []).some((f) => JSON.stringify(f) === JSON.stringify(value));
        add({
          name: `article ${field} = ${label}`,
          method: 'POST',
          path: '/articles',
          body: { ...valid(), [field]: value },
          expect: accepted ? [202] : [400],
          writes: articleWrites,
        });
      }
    }
    add({
      name: 'article with an unknown field',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), owner_id: 'someone-else' },
      expect: [400],
    });
    add({
      name: 'article with __proto__',
      method: 'POST',
      path: '/articles',
      body: `{"title":"Proto ${++n}","body":"${FACT}","__proto__":{"role":"admin"}}`,
      expect: [400, 202],
      writes: articleWrites,
    });
    // class-transformer drops a `constructor` key: harmless (checked below: nothing polluted), so either answer will do.
    add({
      name: 'article with constructor.prototype',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), constructor: { prototype: { isAdmin: true } } },
      expect: [202, 400],
      writes: articleWrites,
    });
    add({ name: 'body JSON null', method: 'POST', path: '/articles', body: 'null', expect: [400] });
    add({
      name: 'body JSON array',
      method: 'POST',
      path: '/articles',
      body: '[{"title":"x","body":"y y y"}]',
      expect: [400],
    });
    add({ name: 'body JSON string', method: 'POST', path: '/articles', body: '"just a string"', expect: [400] });
    add({ name: 'body JSON number', method: 'POST', path: '/articles', body: '12345', expect: [400] });
    add({ name: 'empty body', method: 'POST', path: '/articles', body: '', expect: [400] });
    add({
      name: 'truncated JSON',
      method: 'POST',
      path: '/articles',
      body: '{"title": "T", "body": "B',
      expect: [400],
    });
    add({
      name: 'duplicate keys',
      method: 'POST',
      path: '/articles',
      body: `{"title":"Dup ${++n}","title":42,"body":"${FACT}"}`,
      expect: [400],
    });
    add({
      name: 'text/plain body',
      method: 'POST',
      path: '/articles',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify(valid()),
      expect: [400],
    });
    // Forms are how the pages post; a well-formed one is a valid article.
    add({
      name: 'form-encoded body',
      method: 'POST',
      path: '/articles',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `title=Form+${++n}&body=y+y+y`,
      expect: [202],
      writes: articleWrites,
    });
    add({
      name: 'form-encoded body with a NUL',
      method: 'POST',
      path: '/articles',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `title=Form+${++n}&body=y%00y`,
      expect: [400],
    });
    add({
      name: 'form-encoded body with an unknown field',
      method: 'POST',
      path: '/articles',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `title=Form+${++n}&body=y+y&role=admin`,
      expect: [400],
    });
    add({
      name: 'xml body',
      method: 'POST',
      path: '/articles',
      headers: { 'Content-Type': 'application/xml' },
      body: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>',
      expect: [400],
    });
    add({
      name: 'unsupported charset',
      method: 'POST',
      path: '/articles',
      headers: { 'Content-Type': 'application/json; charset=ebcdic' },
      body: JSON.stringify(valid()),
      expect: [400, 415],
    });
    add({
      name: 'gzip claimed, not gzip',
      method: 'POST',
      path: '/articles',
      headers: { 'Content-Encoding': 'gzip' },
      body: JSON.stringify(valid()),
      expect: [400, 415],
    });

    // Oversize and huge arrays.
    add({
      name: 'body over 1 MiB',
      method: 'POST',
      path: '/articles',
      body: { title: 'Huge', body: 'word '.repeat(230_000) },
      expect: [413],
    });
    add({
      name: 'title of 1001 characters',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), title: 't'.repeat(1001) },
      expect: [400],
    });
    add({
      name: 'externalId of 201 characters',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), externalId: 'e'.repeat(201) },
      expect: [400],
    });
    add({
      name: 'url of 3000 characters',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), url: `https://example.org/${'p'.repeat(3000)}` },
      expect: [400],
    });
    add({
      name: 'topics with 100k entries',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), topics: Array.from({ length: 100_000 }, () => 'x') },
      expect: [400],
    });
    add({
      name: 'topics with 21 entries',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), topics: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      expect: [400],
    });
    add({
      name: 'a topic of 61 characters',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), topics: ['x'.repeat(61)] },
      expect: [400],
    });
    add({
      name: 'a million-element array of nulls',
      method: 'POST',
      path: '/articles',
      body: `{"title":"A","body":"B b b","topics":[${'null,'.repeat(150_000)}null]}`,
      expect: [400],
    });
    add({
      name: 'minCheckworthiness 1e308',
      method: 'POST',
      path: '/articles',
      body: `{"title":"M ${++n}","body":"${FACT}","minCheckworthiness":1e308}`,
      expect: [400],
    });
    add({
      name: 'minCheckworthiness 1e-50 (below what Postgres’s real holds)',
      method: 'POST',
      path: '/articles',
      body: `{"title":"M ${++n}","body":"${FACT}","minCheckworthiness":1e-50}`,
      expect: [202],
      writes: articleWrites,
    });
    add({
      name: 'minCheckworthiness 1e999 (Infinity)',
      method: 'POST',
      path: '/articles',
      body: `{"title":"M ${++n}","body":"${FACT}","minCheckworthiness":1e999}`,
      expect: [400],
    });
    add({
      name: 'publishedAt year 999999',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), publishedAt: '+999999-01-01T00:00:00Z' },
      expect: [400],
    });
    add({
      name: 'publishedAt not a date',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), publishedAt: 'yesterday; DROP TABLE articles' },
      expect: [400],
    });

    // Deeply nested JSON, in a known field and an unknown one.
    for (const depth of [64, 1_000, 100_000]) {
      add({
        name: `topics nested ${depth} deep`,
        method: 'POST',
        path: '/articles',
        body: `{"title":"N","body":"B b b","topics":${'['.repeat(depth)}"x"${']'.repeat(depth)}}`,
        expect: [400],
      });
      add({
        name: `unknown field nested ${depth} deep`,
        method: 'POST',
        path: '/articles',
        body: `{"title":"N","body":"B b b","x":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`,
        expect: [400],
      });
      add({
        name: `nested ${depth} deep with an Idempotency-Key`,
        method: 'POST',
        path: '/articles',
        headers: { 'Idempotency-Key': `deep-${depth}` },
        body: `{"title":"N","body":"B b b","x":${'['.repeat(depth)}${']'.repeat(depth)}}`,
        expect: [400],
      });
    }

    // Invalid UTF-8 and Unicode Postgres cannot store.
    const utf8Cases: [string, Buffer][] = [
      ['a lone continuation byte', Buffer.from([0x80])],
      ['0xff 0xfe', Buffer.from([0xff, 0xfe])],
      ['an overlong slash', Buffer.from([0xc0, 0xaf])],
      ['a truncated 3-byte sequence', Buffer.from([0xe2, 0x82])],
      ['an encoded surrogate', Buffer.from([0xed, 0xa0, 0x80])],
      ['a code point past U+10FFFF', Buffer.from([0xf4, 0x90, 0x80, 0x80])],
    ];
    for (const [label, bytes] of utf8Cases) {
      for (const field of ['title', 'body']) {
        const parts =
          field === 'title'
            ? [`{"title":"Bad `, `","body":"${FACT}"}`]
            : [`{"title":"Bad ${label} ${++n}","body":"${FACT} `, `"}`];
        add({
          name: `invalid UTF-8 in ${field}: ${label}`,
          method: 'POST',
          path: '/articles',
          body: Buffer.concat([Buffer.from(parts[0]), bytes, Buffer.from(parts[1])]),
          expect: [400],
        });
      }
    }
    add({
      name: 'a NUL character in the body',
      method: 'POST',
      path: '/articles',
      body: { title: `Nul ${++n}`, body: `${FACT}\u0000 more` },
      expect: [400],
    });
    add({
      name: 'a NUL character in the title',
      method: 'POST',
      path: '/articles',
      body: { title: `Nul\u0000${++n}`, body: FACT },
      expect: [400],
    });
    add({
      name: 'a NUL character in externalId',
      method: 'POST',
      path: '/articles',
      body: { ...valid(), externalId: 'x\u0000y' },
      expect: [400],
    });
    add({
      name: 'a lone surrogate in the body',
      method: 'POST',
      path: '/articles',
      body: `{"title":"Surrogate ${++n}","body":"${FACT} \\ud800 end"}`,
      expect: [400],
    });
    add({
      name: 'a NUL in a key',
      method: 'POST',
      path: '/articles',
      body: `{"title":"K ${++n}","body":"${FACT}","a\\u0000b":1}`,
      expect: [400],
    });
    add({
      name: 'a BOM before the JSON',
      method: 'POST',
      path: '/articles',
      body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(valid()))]),
      expect: [202, 400],
      writes: articleWrites,
    });

    // Injection strings: accepted, stored verbatim (checked below).
    INJECTIONS.forEach((s, i) => {
      add({
        name: `injection as title #${i}`,
        method: 'POST',
        path: '/articles',
        body: { title: `${s} #${i}`, body: `${s}\n${FACT}`, externalId: `${s} #${i}`, topics: [s.slice(0, 60)] },
        expect: [202],
        writes: articleWrites,
      });
    });

    // Idempotency-Key abuse.
    add({
      name: 'Idempotency-Key of 300 characters',
      method: 'POST',
      path: '/articles',
      headers: { 'Idempotency-Key': 'k'.repeat(300) },
      body: valid(),
      expect: [400],
    });
    add({
      name: 'Idempotency-Key with spaces only',
      method: 'POST',
      path: '/articles',
      headers: { 'Idempotency-Key': '   ' },
      body: valid(),
      expect: [400],
    });
    const idem = valid();
    add({
      name: 'Idempotency-Key first use',
      method: 'POST',
      path: '/articles',
      headers: { 'Idempotency-Key': 'hostile-key-1' },
      body: idem,
      expect: [202],
      writes: (ans) => ({ ...articleWrites(ans), idempotency_keys: 1 }),
    });
    add({
      name: 'Idempotency-Key replay',
      method: 'POST',
      path: '/articles',
      headers: { 'Idempotency-Key': 'hostile-key-1' },
      body: idem,
      expect: [202],
    });
    add({
      name: 'Idempotency-Key with another body',
      method: 'POST',
      path: '/articles',
      headers: { 'Idempotency-Key': 'hostile-key-1' },
      body: { ...idem, title: 'changed' },
      expect: [422],
    });
    add({
      name: 'Idempotency-Key with an invalid body',
      method: 'POST',
      path: '/articles',
      headers: { 'Idempotency-Key': 'hostile-key-2' },
      body: { title: 5 },
      expect: [400],
    });

    // Authorization: forged, malformed, other roles.
    const authHeaders: [string, string][] = [
      ['SQL in the bearer', `Bearer ' OR 1=1 --`],
      ['a forged key of the right shape', `Bearer cdk_0123456789abcdef_${'A'.repeat(43)}`],
      ['an 8 KiB bearer', `Bearer ${'x'.repeat(8192)}`],
      ['Basic auth', 'Basic YWRtaW46YWRtaW4='],
      ['an empty bearer', 'Bearer '],
      ['a bearer with a NUL escape', 'Bearer cdk_%00'],
    ];
    for (const [label, value] of authHeaders) {
      add({
        name: `POST /articles with ${label}`,
        method: 'POST',
        path: '/articles',
        key: null,
        headers: { Authorization: value },
        body: valid(),
        expect: [401],
      });
      add({
        name: `GET /admin/keys with ${label}`,
        method: 'GET',
        path: '/admin/keys',
        key: null,
        headers: { Authorization: value },
        expect: [401],
      });
    }
    add({
      name: 'a reviewer posts an article',
      method: 'POST',
      path: '/articles',
      key: reviewer.key,
      body: valid(),
      expect: [403],
    });
    add({
      name: 'an editor creates a key',
      method: 'POST',
      path: '/admin/keys',
      body: { name: 'x', role: 'admin' },
      expect: [403],
    });
    add({ name: 'an integrator lists keys', method: 'GET', path: '/admin/keys', key: b.apiKey, expect: [403] });

    // Webhooks: forged, stale, misdirected, malformed.
    const hook = (i: number) => JSON.stringify({ title: `Webhook ${i}`, body: `${FACT} (webhook ${i})` });
    const w = (
      name: string,
      query: string,
      headers: Record<string, string>,
      body: string,
      expect: number[],
      writes?: Case['writes'],
    ) =>
      add({
        name: `webhook ${name}`,
        method: 'POST',
        path: `/webhooks/articles${query}`,
        key: null,
        headers,
        body,
        expect,
        writes,
      });
    const receipt = (ans: Answer): Writes => (ans.status === 202 ? { ...articleWrites(ans), webhook_receipts: 1 } : {});
    w('signed correctly', `?integrator=${a.id}`, signed(a, hook(1), 'msg_ok_1'), hook(1), [202], receipt);
    w('replayed', `?integrator=${a.id}`, signed(a, hook(1), 'msg_ok_1'), hook(1), [200], receipt);
    w(
      'with a forged signature',
      `?integrator=${a.id}`,
      { ...signed(a, hook(2), 'msg_2'), 'webhook-signature': `v1,${Buffer.from('f'.repeat(32)).toString('base64')}` },
      hook(2),
      [401],
    );
    w(
      'with a signature of garbage',
      `?integrator=${a.id}`,
      { ...signed(a, hook(3), 'msg_3'), 'webhook-signature': 'v1,,,, v2,@@@' },
      hook(3),
      [401],
    );
    w(
      'signed 6 minutes ago',
      `?integrator=${a.id}`,
      signed(a, hook(4), 'msg_4', new Date(Date.now() - 6 * 60_000)),
      hook(4),
      [401],
    );
    w(
      'signed 6 minutes ahead',
      `?integrator=${a.id}`,
      signed(a, hook(5), 'msg_5', new Date(Date.now() + 6 * 60_000)),
      hook(5),
      [401],
    );
    w(
      'with a timestamp that is not a number',
      `?integrator=${a.id}`,
      { ...signed(a, hook(6), 'msg_6'), 'webhook-timestamp': '1e999' },
      hook(6),
      [401],
    );
    w(
      'with a negative timestamp',
      `?integrator=${a.id}`,
      { ...signed(a, hook(7), 'msg_7'), 'webhook-timestamp': '-1' },
      hook(7),
      [401],
    );
    w('signed with B’s secret for A', `?integrator=${a.id}`, signed(b, hook(8), 'msg_8'), hook(8), [401]);
    w('signed by A but sent as B', `?integrator=${b.id}`, signed(a, hook(9), 'msg_9'), hook(9), [401]);
    w(
      'with the body changed after signing',
      `?integrator=${a.id}`,
      signed(a, hook(10), 'msg_10'),
      hook(10).replace('Webhook', 'Webhooc'),
      [401],
    );
    w(
      'for an unknown integrator',
      '?integrator=00000000-0000-4000-8000-000000000000',
      signed(a, hook(11), 'msg_11'),
      hook(11),
      [401],
    );
    w(
      'with SQL as the integrator',
      `?integrator=${encodeURIComponent("' OR '1'='1")}`,
      signed(a, hook(12), 'msg_12'),
      hook(12),
      [401],
    );
    w('with two integrators', `?integrator=${a.id}&integrator=${b.id}`, signed(a, hook(13), 'msg_13'), hook(13), [401]);
    w('with the integrator as an object', `?integrator[id]=${a.id}`, signed(a, hook(14), 'msg_14'), hook(14), [401]);
    w('without an integrator', '', signed(a, hook(15), 'msg_15'), hook(15), [401]);
    w('without any signature header', `?integrator=${a.id}`, { 'Content-Type': 'application/json' }, hook(16), [401]);
    w(
      'with a webhook-id of 500 characters',
      `?integrator=${a.id}`,
      signed(a, hook(17), 'm'.repeat(500)),
      hook(17),
      [400],
    );
    const badBody = JSON.stringify({ title: 42, body: null });
    w('signed, with wrong types in the body', `?integrator=${a.id}`, signed(a, badBody, 'msg_18'), badBody, [400]);
    const deep = `{"title":"D","body":"D d d","topics":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    w('signed, nested 50k deep', `?integrator=${a.id}`, signed(a, deep, 'msg_19'), deep, [400]);
    const nul = JSON.stringify({ title: 'Nul hook', body: `${FACT}\u0000` });
    w('signed, with a NUL character', `?integrator=${a.id}`, signed(a, nul, 'msg_20'), nul, [400]);
    const invalidUtf8 = Buffer.concat([
      Buffer.from('{"title":"Bad hook","body":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`${FACT}"}`),
    ]);
    add({
      name: 'webhook signed, invalid UTF-8',
      method: 'POST',
      path: `/webhooks/articles?integrator=${a.id}`,
      key: null,
      headers: signed(a, invalidUtf8.toString('latin1'), 'msg_21'),
      body: invalidUtf8,
      expect: [400, 401],
    });
    w(
      'signed, text/plain',
      `?integrator=${a.id}`,
      { ...signed(a, hook(22), 'msg_22'), 'Content-Type': 'text/plain' },
      hook(22),
      [400, 401],
    );
    const inj = JSON.stringify({
      title: `${INJECTIONS[0]} hook`,
      body: `${INJECTIONS[2]} ${FACT}`,
      externalId: INJECTIONS[3],
    });
    w('signed, with injection strings', `?integrator=${a.id}`, signed(a, inj, 'msg_23'), inj, [202], receipt);

    // Ids that belong to another integrator.
    add({ name: 'B reads A’s article', method: 'GET', path: `/articles/${articleOfA}`, key: b.apiKey, expect: [404] });
    add({ name: 'B reads A’s claim', method: 'GET', path: `/claims/${claimOfA.id}`, key: b.apiKey, expect: [404] });
    add({
      name: 'B reads A’s claim history',
      method: 'GET',
      path: `/claims/${claimOfA.id}/events`,
      key: b.apiKey,
      expect: [404],
    });
    add({
      name: 'B lists claims of A’s article',
      method: 'GET',
      path: `/claims?articleId=${articleOfA}`,
      key: b.apiKey,
      expect: [200],
    });
    add({
      name: 'B reads A’s article page',
      method: 'GET',
      path: `/ui/articles/${articleOfA}`,
      key: b.apiKey,
      expect: [404],
    });
    add({
      name: 'B reads A’s deliveries',
      method: 'GET',
      path: `/integrations/endpoints/${endpointOfA}/deliveries`,
      key: b.apiKey,
      expect: [404],
    });
    add({
      name: 'B deletes A’s endpoint',
      method: 'DELETE',
      path: `/integrations/endpoints/${endpointOfA}`,
      key: b.apiKey,
      expect: [404],
    });
    add({
      name: 'B redelivers on A’s endpoint',
      method: 'POST',
      path: `/integrations/endpoints/${endpointOfA}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`,
      key: b.apiKey,
      expect: [404],
    });
    add({
      name: 'B moves A’s claim',
      method: 'POST',
      path: `/claims/${claimOfA.id}/transitions`,
      key: b.apiKey,
      body: { to: 'dismissed', expectedVersion: claimOfA.version, note: 'mine now' },
      expect: [403],
    });
    add({
      name: 'B notes A’s claim',
      method: 'POST',
      path: `/claims/${claimOfA.id}/notes`,
      key: b.apiKey,
      body: { note: 'mine now' },
      expect: [403],
    });
    add({
      name: 'B posts A’s externalId',
      method: 'POST',
      path: '/articles',
      key: b.apiKey,
      body: { title: 'Not A’s', body: `${FACT} B`, externalId: 'a-1' },
      expect: [202],
      writes: articleWrites,
    });
    add({
      name: 'B rotates A’s secret',
      method: 'POST',
      path: `/admin/integrators/${a.id}/rotate-secret`,
      key: b.apiKey,
      expect: [403],
    });

    // Transitions and notes with hostile bodies.
    const move = (
      name: string,
      body: unknown,
      expect: number[],
      headers?: Record<string, string>,
      writes?: Case['writes'],
    ) =>
      add({
        name: `move: ${name}`,
        method: 'POST',
        path: `/claims/${claimOfA.id}/transitions`,
        headers,
        body,
        expect,
        writes,
      });
    const v = claimOfA.version;
    move(
      'to an unknown status',
      { to: 'verified', expectedVersion: v, sources: [{ url: 'https://example.org' }] },
      [400],
    );
    move('to a number', { to: 3, expectedVersion: v }, [400]);
    move('to null', { to: null, expectedVersion: v }, [400]);
    move('to withdrawn (system only)', { to: 'withdrawn', expectedVersion: v, note: 'n' }, [400, 403, 409]);
    move('expectedVersion as a string', { to: 'dismissed', expectedVersion: String(v), note: 'n' }, [400]);
    move('expectedVersion 1.5', { to: 'dismissed', expectedVersion: 1.5, note: 'n' }, [400]);
    move('expectedVersion 2^63', { to: 'dismissed', expectedVersion: 2 ** 63, note: 'n' }, [400, 409]);
    move('expectedVersion -1', { to: 'dismissed', expectedVersion: -1, note: 'n' }, [400]);
    move('without a version', { to: 'dismissed', note: 'n' }, [400]);
    move('If-Match garbage', { to: 'dismissed', note: 'n' }, [400], { 'If-Match': '"abc"' });
    move('If-Match of 400 digits', { to: 'dismissed', note: 'n' }, [400, 409], { 'If-Match': `"${'9'.repeat(400)}"` });
    move('If-Match SQL', { to: 'dismissed', note: 'n' }, [400], { 'If-Match': `"1' OR '1'='1"` });
    move('a stale version', { to: 'dismissed', expectedVersion: v + 5, note: 'n' }, [409]);
    move('sourced without sources', { to: 'sourced', expectedVersion: v }, [400]);
    move(
      'sourced with a javascript: url',
      { to: 'sourced', expectedVersion: v, sources: [{ url: 'javascript:alert(1)' }] },
      [400],
    );
    move(
      'sourced with a data: url',
      { to: 'sourced', expectedVersion: v, sources: [{ url: 'data:text/html,<script>alert(1)</script>' }] },
      [400],
    );
    move('sources as an object', { to: 'sourced', expectedVersion: v, sources: { url: 'https://example.org' } }, [400]);
    move('sources with a null', { to: 'sourced', expectedVersion: v, sources: [null] }, [400]);
    move(
      '10k sources',
      {
        to: 'sourced',
        expectedVersion: v,
        sources: Array.from({ length: 10_000 }, () => ({ url: 'https://example.org' })),
      },
      [400],
    );
    move('a note of 10001 characters', { to: 'disputed', expectedVersion: v, note: 'n'.repeat(10_001) }, [400]);
    move('a blank note', { to: 'disputed', expectedVersion: v, note: '   ' }, [400]);
    move('a note that is an array', { to: 'disputed', expectedVersion: v, note: ['a'] }, [400]);
    move('a note with a NUL', { to: 'disputed', expectedVersion: v, note: 'a\u0000b' }, [400]);
    move(
      'a quote with a lone surrogate',
      { to: 'sourced', expectedVersion: v, sources: [{ url: 'https://example.org', quote: 'x\ud800' }] },
      [400],
    );
    move(
      'a source with an unknown field',
      { to: 'sourced', expectedVersion: v, sources: [{ url: 'https://example.org', evil: 1 }] },
      [400],
    );
    const note = (name: string, body: unknown, expect: number[], writes?: Case['writes']) =>
      add({ name: `note: ${name}`, method: 'POST', path: `/claims/${claimOfA.id}/notes`, body, expect, writes });
    note('empty', {}, [400]);
    note('null note', { note: null }, [400]);
    note('sources of the wrong type', { sources: 'https://example.org' }, [400]);
    note('a note of 10001 characters', { note: 'n'.repeat(10_001) }, [400]);
    INJECTIONS.slice(0, 6).forEach((s, i) =>
      note(
        `injection #${i}`,
        { note: s, sources: [{ url: 'https://example.org/a?b=%3Cc%3E', title: s, quote: s }] },
        [201],
        (ans) => (ans.status === 201 ? { claim_events: 1 } : {}),
      ),
    );
    move(
      'with an injection note (wins)',
      { to: 'disputed', expectedVersion: v, note: INJECTIONS[0] },
      [200],
      undefined,
      (ans) => (ans.status === 200 ? { claim_events: 1 } : {}),
    );

    // Paths with injection strings and odd ids.
    const odd = [
      "' OR '1'='1",
      '../../etc/passwd',
      '%00',
      '<script>alert(1)</script>',
      '1;DROP TABLE claims',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '00000000-0000-0000-0000-000000000000x',
      '%E0%A4%A',
      'undefined',
      '__proto__',
    ];
    for (const id of odd) {
      const p = encodeURIComponent(id).replace(/%25/g, '%');
      add({ name: `GET /articles/${id}`, method: 'GET', path: `/articles/${p}`, expect: [400, 404] });
      add({ name: `GET /claims/${id}/events`, method: 'GET', path: `/claims/${p}/events`, expect: [400, 404] });
      add({
        name: `POST /claims/${id}/transitions`,
        method: 'POST',
        path: `/claims/${p}/transitions`,
        body: { to: 'dismissed', expectedVersion: 1, note: 'n' },
        expect: [400, 404],
      });
      add({
        name: `PATCH /admin/reviewers/${id}`,
        method: 'PATCH',
        path: `/admin/reviewers/${p}`,
        key: t.adminKey,
        body: { name: 'x' },
        expect: [400, 404],
      });
      add({ name: `GET /ui/articles/${id}`, method: 'GET', path: `/ui/articles/${p}`, expect: [400, 404] });
    }
    add({
      name: 'asset path traversal',
      method: 'GET',
      path: '/ui/assets/..%2F..%2Fpackage.json',
      key: null,
      expect: [404],
    });
    add({ name: 'asset __proto__', method: 'GET', path: '/ui/assets/__proto__', key: null, expect: [404] });
    add({ name: 'asset constructor', method: 'GET', path: '/ui/assets/constructor', key: null, expect: [404] });

    // Query strings and cursors.
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const queries = [
      '/articles?limit=0',
      '/articles?limit=-1',
      '/articles?limit=1e9',
      '/articles?limit=abc',
      '/articles?limit[]=1',
      '/articles?limit=1.5',
      '/articles?cursor=bogus',
      '/articles?cursor=%00',
      `/articles?cursor=${b64(['not a date', 'not a uuid'])}`,
      `/articles?cursor=${b64(['2024-01-01T00:00:00Z', "' OR 1=1"])}`,
      `/articles?cursor=${b64(['\u0000', '\u0000'])}`,
      `/articles?cursor=${b64([1e308, -1])}`,
      `/articles?cursor=${b64({ a: 1 })}`,
      `/articles?cursor=${'A'.repeat(10_000)}`,
      '/articles?status=<script>',
      '/articles?status[$ne]=x',
      '/articles?source=1%27%20OR%201=1',
      '/articles?from=yesterday',
      '/articles?to=99999-99-99',
      '/articles?from=2024-02-30T25:61:00Z',
      '/articles?__proto__[admin]=1',
      '/articles?constructor[prototype][admin]=1',
      '/articles?a[b][c][d][e][f][g][h]=1',
      '/articles?unknown=1',
      '/claims?sort=checkworthiness&cursor=' + b64(['very', 'wrong']),
      '/claims?sort=checkworthiness&cursor=' + b64(['NaN', '00000000-0000-4000-8000-000000000000']),
      '/claims?cursor=' + b64(['2024-01-01', '00000000-0000-4000-8000-000000000000x']),
      '/claims?status=unverified%27',
      '/claims?articleId=%27',
      '/claims?assigneeId[]=x',
      '/claims?sort=id;DROP',
      `/claims/${claimOfA.id}/events?cursor=${b64(['x'])}`,
      `/claims/${claimOfA.id}/events?cursor=${b64([1e300])}`,
      `/claims/${claimOfA.id}/events?cursor=${b64(['99999999999999999999999'])}`,
      '/admin/events?since=notadate',
      '/admin/events?actor=%27%20OR%201=1',
      `/admin/events?cursor=${b64(['x', 'y', 'z'])}`,
      `/admin/events?cursor=${b64(['2024-01-01T00:00:00Z', 'NaN', 'x'])}`,
      `/admin/events?cursor=${b64(['2024-01-01T00:00:00Z', 0, 1.5])}`,
      '/admin/events?claimId=<x>',
      '/admin/stats?days=0',
      '/admin/stats?days=1e9',
      '/admin/stats?days=abc',
      '/admin/stats?days[]=1',
      `/integrations/endpoints/${endpointOfA}/deliveries?cursor=${b64(['x', 'y'])}`,
      '/ui/articles?status=%3Cscript%3E',
      '/ui/articles?from=2024-13-45',
      '/ui/articles?cursor=bogus',
      `/ui/articles?cursor=${b64(['not a date', 'x'])}`,
      `/ui/articles/${articleOfA}?claim=%3Cscript%3E`,
      '/ui/review?moved=<x>',
      '/review/mine?limit=-5',
    ];
    for (const q of queries) {
      const key =
        q.startsWith('/admin') || q.startsWith('/ui/review') || q.startsWith('/review')
          ? q.includes('review')
            ? reviewer.key
            : t.adminKey
          : q.startsWith('/integrations')
            ? a.apiKey
            : editor;
      add({ name: `GET ${q.slice(0, 80)}`, method: 'GET', path: q, key, expect: [200, 400, 404] });
    }

    // Admin: reviewers and keys with hostile bodies.
    const reviewerBody = (i: number) => ({ name: `Hostile reviewer ${i}`, email: `hostile-${i}@example.org` });
    const r = (name: string, body: unknown, expect: number[]) =>
      add({
        name: `reviewer: ${name}`,
        method: 'POST',
        path: '/admin/reviewers',
        key: t.adminKey,
        body,
        expect,
        writes: (ans) => (ans.status === 201 ? { reviewers: 1, audit_events: 1 } : {}),
      });
    r('email injection', { ...reviewerBody(1), email: `x@example.org'; DROP TABLE reviewers; --` }, [400]);
    r('email with a NUL', { ...reviewerBody(2), email: 'a\u0000@example.org' }, [400]);
    r('capacity 1e10', { ...reviewerBody(3), capacity: 1e10 }, [400]);
    r('capacity "5"', { ...reviewerBody(4), capacity: '5' }, [400]);
    r('capacity -1', { ...reviewerBody(5), capacity: -1 }, [400]);
    r(
      'languages of 100k entries',
      { ...reviewerBody(6), languages: Array.from({ length: 100_000 }, () => 'en') },
      [400],
    );
    r('languages as a string', { ...reviewerBody(7), languages: 'en' }, [400]);
    r('topics nested', { ...reviewerBody(8), topics: [['a']] }, [400]);
    r('active "yes"', { ...reviewerBody(9), active: 'yes' }, [400]);
    r('an id of its own', { ...reviewerBody(10), id: '00000000-0000-4000-8000-000000000000' }, [400]);
    r('a name of 201 characters', { ...reviewerBody(11), name: 'n'.repeat(201) }, [400]);
    r('name with HTML (accepted)', { ...reviewerBody(12), name: INJECTIONS[1] }, [201]);
    r('name with SQL (accepted)', { ...reviewerBody(13), name: INJECTIONS[2] }, [201]);
    r('the same email again', { ...reviewerBody(13), name: 'again' }, [409]);
    r('the same email in capitals', { ...reviewerBody(13), email: 'HOSTILE-13@EXAMPLE.ORG' }, [409]);
    const k = (name: string, body: unknown, expect: number[]) =>
      add({
        name: `key: ${name}`,
        method: 'POST',
        path: '/admin/keys',
        key: t.adminKey,
        body,
        expect,
        writes: (ans) => (ans.status === 201 ? { api_keys: 1, audit_events: 1 } : {}),
      });
    k('role superadmin', { name: 'x', role: 'superadmin' }, [400]);
    k('role as an array', { name: 'x', role: ['admin'] }, [400]);
    k('reviewerId not a uuid', { name: 'x', role: 'reviewer', reviewerId: "' OR 1=1" }, [400]);
    k('reviewerId unknown', { name: 'x', role: 'reviewer', reviewerId: '00000000-0000-4000-8000-000000000000' }, [404]);
    k('an integratorId smuggled in', { name: 'x', role: 'integrator', integratorId: a.id }, [400]);
    k('a name with HTML (accepted)', { name: INJECTIONS[0], role: 'editor' }, [201]);
    k('a name of 201 characters', { name: 'n'.repeat(201), role: 'editor' }, [400]);
    add({
      name: 'revoke a key that is not a uuid',
      method: 'DELETE',
      path: `/admin/keys/${encodeURIComponent("1' OR '1'='1")}`,
      key: t.adminKey,
      expect: [404],
    });
    add({
      name: 'integrator with an empty name',
      method: 'POST',
      path: '/admin/integrators',
      key: t.adminKey,
      body: { name: '' },
      expect: [400],
    });
    add({
      name: 'integrator with a NUL name',
      method: 'POST',
      path: '/admin/integrators',
      key: t.adminKey,
      body: { name: 'x\u0000' },
      expect: [400],
    });
    add({
      name: 'endpoint with a file: url',
      method: 'POST',
      path: '/integrations/endpoints',
      key: a.apiKey,
      body: { url: 'file:///etc/passwd', events: ['article.extracted'] },
      expect: [400],
    });
    add({
      name: 'endpoint with an unknown event',
      method: 'POST',
      path: '/integrations/endpoints',
      key: a.apiKey,
      body: { url: 'https://example.org/cb', events: ['everything'] },
      expect: [400],
    });
    add({
      name: 'endpoint with duplicate events',
      method: 'POST',
      path: '/integrations/endpoints',
      key: a.apiKey,
      body: { url: 'https://example.org/cb', events: ['article.extracted', 'article.extracted'] },
      expect: [400],
    });
    add({
      name: 'add claim with start > end',
      method: 'POST',
      path: `/articles/${articleOfA}/claims`,
      body: { start: 50, end: 10 },
      expect: [400, 409],
    });
    add({
      name: 'add claim past the body',
      method: 'POST',
      path: `/articles/${articleOfA}/claims`,
      body: { start: 0, end: 1e9 },
      expect: [400, 409],
    });
    add({
      name: 'add claim with floats',
      method: 'POST',
      path: `/articles/${articleOfA}/claims`,
      body: { start: 0.5, end: 10.5 },
      expect: [400],
    });
    add({
      name: 'add claim with strings',
      method: 'POST',
      path: `/articles/${articleOfA}/claims`,
      body: { start: '0', end: '10' },
      expect: [400],
    });
    add({
      name: 'queue retry of an unknown queue',
      method: 'POST',
      path: '/admin/queues/..%2F..%2Fx/retry',
      key: t.adminKey,
      expect: [400, 404],
    });
    add({
      name: 'queue pause of a SQL queue',
      method: 'POST',
      path: `/admin/queues/${encodeURIComponent("' OR 1=1")}/pause`,
      key: t.adminKey,
      expect: [400, 404],
    });
    add({
      name: 'ui login with a NUL key',
      method: 'POST',
      path: '/ui/login',
      key: null,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'key=cdk_%00',
      expect: [200, 303, 400, 401],
    });
    add({
      name: 'ui login with a huge key',
      method: 'POST',
      path: '/ui/login',
      key: null,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `key=${'k'.repeat(100_000)}`,
      expect: [200, 303, 400, 401],
    });
  }

  // Every case is sent once, before the tests: each test below reads the answers, none depends on another having run.
  beforeAll(async () => {
    for (const c of cases) answers.push({ c, answer: await send(c) });
  }, 120_000);

  it('generates at least 200 hostile requests', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
  });

  it('answers every one without a 5xx, each with the answer it should get', async () => {
    const serverErrors = answers
      .filter(({ answer }) => answer.status >= 500)
      .map(({ c, answer }) => `${c.name}: ${answer.status} ${answer.text.slice(0, 160)}`);
    const unexpected = answers
      .filter(({ c, answer }) => answer.status < 500 && !c.expect.includes(answer.status))
      .map(
        ({ c, answer }) => `${c.name}: ${answer.status} (expected ${c.expect.join('/')}) ${answer.text.slice(0, 160)}`,
      );
    // The API's refusals are all {statusCode, code, message}; the pages answer HTML.
    const unclean = answers
      .filter(({ c, answer }) => answer.status >= 400 && !c.path.startsWith('/ui/'))
      .filter(
        ({ answer }) =>
          !(
            answer.json &&
            answer.json.statusCode === answer.status &&
            typeof answer.json.code === 'string' &&
            typeof answer.json.message === 'string'
          ),
      )
      .map(({ c, answer }) => `${c.name}: ${answer.status} ${answer.text.slice(0, 120)}`);
    expect({ serverErrors, unexpected, unclean }).toEqual({ serverErrors: [], unexpected: [], unclean: [] });
    process.stdout.write(
      `hostile inputs: ${answers.length} requests, ${answers.filter(({ answer }) => answer.status < 300).length} accepted, ${serverErrors.length} answered 5xx\n`,
    );
    // The service is still healthy after all that.
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  it('wrote exactly what it accepted, every write whole', async () => {
    expect(answers.length).toBe(cases.length);
    const expected: Record<Table, number> = { ...before };
    for (const { c, answer } of answers) {
      if (answer.status < 200 || answer.status >= 300 || !c.writes) continue;
      for (const [table, n] of Object.entries(c.writes(answer))) expected[table as Table] += n;
    }
    expect(await counts()).toEqual(expected);

    const [orphans] = (
      await t.db.query(`SELECT
        (SELECT count(*)::int FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_revisions r WHERE r.article_id = a.id AND r.revision = a.revision)) AS "articlesWithoutRevision",
        (SELECT count(*)::int FROM article_revisions r WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.article_id)) AS "revisionsWithoutArticle",
        (SELECT count(*)::int FROM claims c WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)) AS "claimsWithoutArticle",
        (SELECT count(*)::int FROM claim_events e WHERE NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = e.claim_id)) AS "eventsWithoutClaim",
        (SELECT count(*)::int FROM webhook_receipts w WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = w.article_id)) AS "receiptsWithoutArticle",
        (SELECT count(*)::int FROM idempotency_keys WHERE status <> 'done') AS "idempotencyKeysNotDone",
        (SELECT count(*)::int FROM claims c WHERE c.version <> 1 + (SELECT count(*) FROM claim_events e WHERE e.claim_id = c.id AND e.type IN ('transition', 'withdrawn'))) AS "claimVersionsOff"`)
    ).rows;
    expect(orphans).toEqual({
      articlesWithoutRevision: 0,
      revisionsWithoutArticle: 0,
      claimsWithoutArticle: 0,
      eventsWithoutClaim: 0,
      receiptsWithoutArticle: 0,
      idempotencyKeysNotDone: 0,
      claimVersionsOff: 0,
    });
    // `__proto__` and `constructor.prototype` bodies gave no one a role: an editor is still refused admin routes.
    const probe = await t.http().get('/admin/keys').set('Authorization', `Bearer ${editor}`);
    expect(probe.status).toBe(403);
    // A's externalId posted by B is B's own article; A's is untouched.
    const { rows } = await t.db.query(`SELECT owner_id, title FROM articles WHERE external_id = 'a-1' ORDER BY title`);
    expect(rows.map((row) => row.owner_id).sort()).toEqual([a.id, b.id].sort());
    expect(rows.find((row) => row.owner_id === a.id)?.title).toBe('A’s article');
  });

  it('stores accepted injection strings verbatim and escapes them on the pages', async () => {
    const accepted = answers.filter(
      ({ c, answer }) => c.name.startsWith('injection as title') && answer.status === 202,
    );
    expect(accepted).toHaveLength(INJECTIONS.length);
    for (const [i, { answer }] of accepted.entries()) {
      const s = INJECTIONS[i];
      const id = answer.json!.id as string;
      const article = await t.http().get(`/articles/${id}`).set('Authorization', `Bearer ${editor}`);
      expect(article.body).toMatchObject({ title: `${s} #${i}`, body: `${s}\n${FACT}`, externalId: `${s} #${i}` });
      const page = await fetch(`${t.url}/ui/articles/${id}`, { headers: { Authorization: `Bearer ${editor}` } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      for (const dangerous of ['<script>alert', '<img src=x', '<svg onload', '</textarea>'])
        expect(html).not.toContain(dangerous);
      if (s.includes('<')) expect(html).toContain('&lt;');
    }
    // Notes and sources read back as sent.
    const events = await t
      .http()
      .get(`/claims/${claimOfA.id}/events?limit=200`)
      .set('Authorization', `Bearer ${editor}`);
    const notes = events.body.items
      .filter((e: { type: string }) => e.type === 'note')
      .map((e: { note: string }) => e.note);
    expect(notes).toEqual(INJECTIONS.slice(0, 6));
    // A reviewer named with HTML is escaped on the admin page.
    const admin = await fetch(`${t.url}/ui/admin`, { headers: { Authorization: `Bearer ${t.adminKey}` } });
    expect(admin.status).toBe(200);
    const html = await admin.text();
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('hostile inputs: huge articles are capped, paged and never re-extracted in the api', () => {
  let t: TestService;
  let editor: string;
  const facts = (count: number, from = 0) =>
    Array.from(
      { length: count },
      (_, i) => `The agency reported that ${from + i + 100} people were counted in district ${from + i} in 2023.`,
    ).join(' ');
  const articleRows = async () => (await t.db.query(`SELECT count(*)::int AS n FROM articles`)).rows[0].n;
  const ready = (id: string) =>
    waitFor(
      async () => {
        const article = await t.http().get(`/articles/${id}`).set('Authorization', `Bearer ${editor}`);
        return ['ready', 'failed'].includes(article.body.status) ? article.body : null;
      },
      'the extraction',
      60_000,
    );

  beforeAll(async () => {
    t = await startTestService(13, {
      name: 'hostile-huge',
      env: { MAX_ARTICLE_SENTENCES: '400', MAX_ARTICLE_CLAIMS: '250' },
    });
    editor = await t.createKey('editor');
  });
  afterAll(() => t.close());

  it('refuses an article over the sentence cap with 422 article_too_long, new or as a revision, writing nothing', async () => {
    const before = await articleRows();
    const tooLong = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editor}`)
      .send({ title: 'Long', body: facts(401) });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body).toMatchObject({ code: 'article_too_long', details: { limit: 400, sentences: 401 } });

    const first = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editor}`)
      .send({ title: 'Grows', body: facts(3), externalId: 'grows' });
    expect(first.status).toBe(202);
    const revision = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editor}`)
      .send({ title: 'Grows', body: facts(500), externalId: 'grows' });
    expect(revision.status).toBe(422);
    expect(revision.body.code).toBe('article_too_long');
    expect(await articleRows()).toBe(before + 1);
    expect((await t.db.query(`SELECT revision FROM articles WHERE id = $1`, [first.body.id])).rows[0].revision).toBe(1);
  });

  it('fails an extraction that finds more claims than the cap, with the reason, and writes none of them', async () => {
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editor}`)
      .send({ title: 'Many claims', body: facts(300), minCheckworthiness: 0 });
    const article = await ready(posted.body.id);

    expect(article.status).toBe('failed');
    expect(article.failureReason).toMatch(
      /^too many claims: 3\d\d found, at most 250 per article \(MAX_ARTICLE_CLAIMS\)/,
    );
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE article_id = $1`, [posted.body.id])).rows[0].n,
    ).toBe(0);
  });

  it('answers an article with its first claims and a cursor, and the rest page by page, each claim once', async () => {
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editor}`)
      .send({ title: 'Paged', body: facts(240), minCheckworthiness: 0 });
    const article = await ready(posted.body.id);
    const stored: string[] = (
      await t.db.query(`SELECT id FROM claims WHERE article_id = $1`, [posted.body.id])
    ).rows.map((r: { id: string }) => r.id);

    expect(stored).toHaveLength(240);
    expect(article.claims).toHaveLength(200);
    expect(article.summary.total).toBe(240);
    const seen = article.claims.map((c: { id: string }) => c.id);
    let cursor: string | null = article.claimsNextCursor;
    while (cursor) {
      const page = await t
        .http()
        .get(`/articles/${posted.body.id}/claims`)
        .query({ cursor, limit: 15 })
        .set('Authorization', `Bearer ${editor}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((c: { id: string }) => c.id));
      cursor = page.body.nextCursor;
    }
    expect(seen).toHaveLength(240);
    expect(new Set(seen)).toEqual(new Set(stored));
    const starts = article.claims.map((c: { start: number }) => c.start);
    expect(starts).toEqual([...starts].sort((x: number, y: number) => x - y));

    const html = await (
      await fetch(`${t.url}/ui/articles/${posted.body.id}`, { headers: { Authorization: `Bearer ${editor}` } })
    ).text();
    expect(html.match(/class="claim-list"[\s\S]*?<\/ol>/)![0].match(/<li data-claim-item=/g)).toHaveLength(200);
    expect(html).toContain('Next claims →');
  });

  it('adds a claim by span to a long article from the text around it, not the whole article', async () => {
    const body = facts(280);
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editor}`)
      .send({ title: 'Long but allowed', body, minCheckworthiness: 0.999 });
    expect((await ready(posted.body.id)).status).toBe('ready');
    const last = body.lastIndexOf('The agency');
    const added = await t
      .http()
      .post(`/articles/${posted.body.id}/claims`)
      .set('Authorization', `Bearer ${editor}`)
      .send({ start: last, end: body.length });

    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      text: body.slice(last),
      start: last,
      end: body.length,
      status: 'unverified',
      type: 'quantity',
    });
    expect(added.body.checkworthiness).toBeGreaterThan(0);
    expect(added.body.checkworthiness).toBeLessThanOrEqual(1);
  });
});

describe('hostile inputs: internal callback addresses, guessed credentials, odd charsets and keys, metrics, retention', () => {
  let t: TestService;
  let cms: { id: string; apiKey: string; webhookSecret: string };
  const METRICS_TOKEN = 'metrics-token-for-the-hostile-suite';
  const FAILURES = 5;

  /** Every request here comes from 127.0.0.1: each test starts with that address's failures forgotten. */
  const forgetFailures = async () => {
    const keys = await t.redis.keys('*throttle:auth-failures:*');
    if (keys.length > 0) await t.redis.del(...keys);
  };

  beforeAll(async () => {
    t = await startTestService(13, {
      name: 'hostile-net',
      env: {
        CALLBACK_ALLOW_PRIVATE_NETWORKS: 'false',
        AUTH_FAILURE_LIMIT: String(FAILURES),
        METRICS_TOKEN,
        RETENTION_SWEEP_INTERVAL_MS: '1000',
        RETENTION_BATCH_SIZE: '2',
      },
    });
    cms = (
      await t.http().post('/admin/integrators').set('Authorization', `Bearer ${t.adminKey}`).send({ name: 'Net CMS' })
    ).body;
  }, 60_000);
  beforeEach(forgetFailures);
  afterAll(() => t.close());

  it.each([
    'http://2130706433/',
    'http://0x7f.1/',
    'http://017700000001/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:7f00:1]/',
    'http://[::127.0.0.1]/',
    'http://[64:ff9b::169.254.169.254]/',
    'http://[64:ff9b:1::1]/',
    'http://[2002:a9fe:a9fe::1]/',
    'http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/',
    'http://[fe80::1]/',
    'http://[fd00:ec2::254]/',
    'http://[2001:db8::1]/',
    'http://198.18.0.1/',
    'http://192.0.2.1/',
    'http://100.100.100.200/',
    'http://169.254.169.254/latest/meta-data/',
  ])('refuses a callback endpoint at the literal internal address %s', async (url) => {
    const res = await t
      .http()
      .post('/integrations/endpoints')
      .set('Authorization', `Bearer ${cms.apiKey}`)
      .send({ url, events: ['article.extracted'] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    expect(res.body.details.url[0]).toMatch(/^refused: \S+ resolves to \S+, a private or reserved address/);
    expect(
      (
        await t.db.query('SELECT count(*)::int AS n FROM callback_endpoints WHERE owner_id = $1 AND url = $2', [
          cms.id,
          url,
        ])
      ).rows[0].n,
    ).toBe(0);
  });

  it('refuses at connect time to deliver to an IPv4-mapped loopback address, and the receiver hears nothing', async () => {
    const receiver = new WebhookReceiver();
    const port = new URL(await receiver.start()).port;
    try {
      const owner = (
        await t.http().post('/admin/integrators').set('Authorization', `Bearer ${t.adminKey}`).send({ name: 'Mapped' })
      ).body;
      // As if registered before this check existed: the worker is the last line.
      const [endpoint] = (
        await t.db.query(
          `INSERT INTO callback_endpoints (owner_id, url, events, secret) VALUES ($1, $2, '{article.extracted}', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw') RETURNING id`,
          [owner.id, `http://[::ffff:127.0.0.1]:${port}/callbacks`],
        )
      ).rows;
      expect(
        (
          await t
            .http()
            .post('/articles')
            .set('Authorization', `Bearer ${owner.apiKey}`)
            .send({ title: 'Mapped', body: FACT })
        ).status,
      ).toBe(202);
      const attempt = await waitFor(async () => {
        const { rows } = await t.db.query(
          `SELECT a.response_status, a.error FROM callback_attempts a JOIN callback_deliveries d ON d.id = a.delivery_id WHERE d.endpoint_id = $1`,
          [endpoint.id],
        );
        return rows[0];
      }, 'the first attempt');
      expect(attempt).toEqual({
        response_status: null,
        error: 'refused: ::ffff:7f00:1 resolves to ::ffff:7f00:1, a private or reserved address',
      });
      expect(receiver.received).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });

  const expectThrottled = (res: { status: number; headers: Record<string, string>; text: string }) => {
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(res.text)).toMatchObject({ statusCode: 429, code: 'rate_limited' });
  };

  it(`answers bad API keys from one address with 429 after ${FAILURES}, and still serves a valid key from it`, async () => {
    for (let i = 0; i < FAILURES; i++) {
      const res = await t
        .http()
        .get('/articles')
        .set('Authorization', `Bearer cdk_0123456789abcdef_${'x'.repeat(43)}${i}`);
      expect(res.status).toBe(401);
    }
    expectThrottled(await t.http().get('/articles').set('Authorization', 'Bearer cdk_0123456789abcdef_guess'));
    // The failures are throttled, not the credential: the admin key is served all the same.
    expect((await t.http().get('/articles').set('Authorization', `Bearer ${t.adminKey}`)).status).toBe(200);
    expectThrottled(await t.http().get('/articles').set('Authorization', 'Bearer cdk_0123456789abcdef_guess'));
  });

  it(`counts forged webhook signatures as failed authentications: 429 after ${FAILURES}`, async () => {
    const body = JSON.stringify({ title: 'Forged', body: FACT });
    const forged = {
      'content-type': 'application/json',
      'webhook-id': 'msg_forged',
      'webhook-timestamp': String(Math.floor(Date.now() / 1000)),
      'webhook-signature': `v1,${Buffer.from('f'.repeat(32)).toString('base64')}`,
    };
    for (let i = 0; i < FAILURES; i++)
      expect((await t.http().post(`/webhooks/articles?integrator=${cms.id}`).set(forged).send(body)).status).toBe(401);
    expectThrottled(await t.http().post(`/webhooks/articles?integrator=${cms.id}`).set(forged).send(body));
  });

  it(`counts wrong passwords in the /ui/login form as failed authentications from the address: 429 after ${FAILURES}`, async () => {
    const login = () =>
      t.http().post('/ui/login').type('form').send({ email: 'nobody@example.org', password: 'not anybody’s password' });
    for (let i = 0; i < FAILURES; i++) expect((await login()).status).toBe(401);
    const res = await login();
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it(`counts bad keys at the queue dashboard (express middleware, outside the guard) as failed authentications: 429 after ${FAILURES}`, async () => {
    const dashboard = () =>
      t
        .http()
        .get('/admin/queues/ui/api/queues')
        .set('Accept', 'application/json')
        .set('Authorization', 'Bearer cdk_0123456789abcdef_guess');
    for (let i = 0; i < FAILURES; i++) expect((await dashboard()).status).toBe(401);
    expectThrottled(await dashboard());
  });

  it('answers a declared charset other than UTF-8 with 415 unsupported_charset', async () => {
    for (const charset of ['latin1', 'iso-8859-1', 'utf-7x']) {
      const res = await fetch(`${t.url}/articles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${t.adminKey}`, 'Content-Type': `application/json; charset=${charset}` },
        body: JSON.stringify({ title: 'Latin', body: FACT }),
      });
      expect(res.status).toBe(415);
      expect(await res.json()).toMatchObject({ statusCode: 415, code: 'unsupported_charset' });
    }
  });

  it('refuses __proto__ and constructor.prototype keys, at the top and nested, with 400 validation_failed', async () => {
    const post = (path: string, body: string) =>
      t
        .http()
        .post(path)
        .set('Authorization', `Bearer ${t.adminKey}`)
        .set('Content-Type', 'application/json')
        .send(body);
    const articles = await t.db.query('SELECT count(*)::int AS n FROM articles');
    for (const body of [
      `{"title":"P1","body":"${FACT}","__proto__":{"role":"admin"}}`,
      `{"title":"P2","body":"${FACT}","constructor":{"prototype":{"role":"admin"}}}`,
    ]) {
      const res = await post('/articles', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('__proto__') });
    }
    expect((await t.db.query('SELECT count(*)::int AS n FROM articles')).rows[0].n).toBe(articles.rows[0].n);

    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ title: 'Nested', body: FACT });
    const claim = await waitFor(
      async () =>
        (await t.db.query('SELECT id, version FROM claims WHERE article_id = $1 LIMIT 1', [posted.body.id])).rows[0],
      'a claim',
    );
    const move = await post(
      `/claims/${claim.id}/transitions`,
      `{"to":"sourced","expectedVersion":${claim.version},"sources":[{"url":"https://example.org/a","__proto__":{"isAdmin":true}}]}`,
    );
    expect(move.status).toBe(400);
    expect(move.body).toMatchObject({ code: 'validation_failed', message: expect.stringContaining('__proto__') });
    expect((await t.db.query('SELECT status FROM claims WHERE id = $1', [claim.id])).rows[0].status).toBe('unverified');
  });

  it('asks for METRICS_TOKEN on /metrics when it is set', async () => {
    const scrape = (authorization?: string) =>
      fetch(`${t.url}/metrics`, { headers: authorization ? { Authorization: authorization } : {} });
    for (const authorization of [
      undefined,
      'Bearer wrong-token-of-some-length',
      `Bearer ${METRICS_TOKEN}x`,
      METRICS_TOKEN,
    ]) {
      const res = await scrape(authorization);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ statusCode: 401, code: 'unauthorized' });
    }
    const res = await scrape(`Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('# HELP');
  });

  it('prunes old idempotency keys, webhook receipts and callback attempts, ended sessions and spent links, in batches, and keeps what is recent', async () => {
    const article = (
      await t
        .http()
        .post('/articles')
        .set('Authorization', `Bearer ${cms.apiKey}`)
        .send({ title: 'Retained', body: FACT })
    ).body;
    const [endpoint] = (
      await t.db.query(
        `INSERT INTO callback_endpoints (owner_id, url, events, secret) VALUES ($1, 'https://cms.example/hook', '{article.reviewed}', 'whsec_x') RETURNING id`,
        [cms.id],
      )
    ).rows;
    const [delivery] = (
      await t.db.query(
        `INSERT INTO callback_deliveries (endpoint_id, event_type, payload, status) VALUES ($1, 'article.reviewed', '{}', 'failed') RETURNING id`,
        [endpoint.id],
      )
    ).rows;
    const ages = (hours: number[]) => `unnest(ARRAY[${hours.join(',')}]::int[]) WITH ORDINALITY AS age(hours, n)`;
    // Three of each past retention (two batches of two), and some that are not.
    await t.db.query(
      `INSERT INTO idempotency_keys (owner_id, key, fingerprint, status, started_at, expires_at)
       SELECT $1, 'retention-' || n, 'f', 'done', now() - make_interval(hours => hours), now() - make_interval(hours => hours - 24) FROM ${ages([30, 40, 50, 23, 1])}`,
      [cms.id],
    );
    await t.db.query(
      `INSERT INTO webhook_receipts (integrator_id, webhook_id, article_id, created_at) SELECT $1, 'retention-' || n, $2, now() - make_interval(hours => hours) FROM ${ages([169, 200, 300, 160])}`,
      [cms.id, article.id],
    );
    await t.db.query(
      `INSERT INTO callback_attempts (delivery_id, attempt, duration_ms, created_at) SELECT $1, n, 1, now() - make_interval(hours => hours) FROM ${ages([721, 800, 900, 700])}`,
      [delivery.id],
    );
    const person = await t.createPerson('editor');
    // Sessions: past their lifetime, idle for two days (over the default hour), and one in use.
    await t.db.query(
      `INSERT INTO user_sessions (user_id, token_hash, stage, last_seen_at, expires_at) VALUES
         ($1, 'retention-s1', 'signed_in', now(), now() - interval '1 minute'),
         ($1, 'retention-s2', 'signed_in', now() - interval '2 days', now() + interval '1 day'),
         ($1, 'retention-s3', 'signed_in', now(), now() + interval '1 day')`,
      [person.id],
    );
    // Links: used, expired, and one that still works.
    await t.db.query(
      `INSERT INTO user_tokens (user_id, purpose, token_hash, expires_at, used_at) VALUES
         ($1, 'reset', 'retention-t1', now() + interval '1 day', now()),
         ($1, 'reset', 'retention-t2', now() - interval '1 minute', NULL),
         ($1, 'reset', 'retention-t3', now() + interval '1 day', NULL)`,
      [person.id],
    );

    const left = async () =>
      (
        await t.db.query(
          `SELECT (SELECT array_agg(key ORDER BY key) FROM idempotency_keys WHERE key LIKE 'retention-%') AS keys,
                (SELECT array_agg(webhook_id ORDER BY webhook_id) FROM webhook_receipts WHERE webhook_id LIKE 'retention-%') AS receipts,
                (SELECT array_agg(attempt ORDER BY attempt) FROM callback_attempts WHERE delivery_id = $1) AS attempts,
                (SELECT array_agg(token_hash ORDER BY token_hash) FROM user_sessions WHERE token_hash LIKE 'retention-%') AS sessions,
                (SELECT array_agg(token_hash ORDER BY token_hash) FROM user_tokens WHERE token_hash LIKE 'retention-%') AS links`,
          [delivery.id],
        )
      ).rows[0];
    const kept = {
      keys: ['retention-4', 'retention-5'],
      receipts: ['retention-4'],
      attempts: [4],
      sessions: ['retention-s3'],
      links: ['retention-t3'],
    };
    await waitFor(async () => JSON.stringify(await left()) === JSON.stringify(kept), 'the retention sweep');
    expect(await left()).toEqual(kept);
  });
});

describe('hardening: capacity under parallel pulls, dates Postgres can store, deactivated reviewers, cookies only on the pages', () => {
  let t: TestService;
  let editor: string;
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
  const sessionOf = (setCookie: string[] | string | undefined) =>
    [setCookie ?? []]
      .flat()
      .find((c) => c.startsWith('claimdesk_session='))
      ?.split(';')[0];
  const held = async (reviewerId: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE assignee_id = $1`, [reviewerId])).rows[0]
      .n as number;
  const waiting = async () =>
    (
      await t.db.query(`SELECT id FROM claims WHERE status = 'unverified' AND assignee_id IS NULL ORDER BY id`)
    ).rows.map((r) => r.id as string);
  const pull = (key: string) =>
    t
      .http()
      .post('/review/next')
      .set(bearer(key))
      .then((res) => res.status);
  const login = (
    person: { email: string; password: string },
    headers: Record<string, string> = {},
    path = '/ui/login',
  ) => t.http().post(path).type('form').set(headers).send({ email: person.email, password: person.password });

  beforeAll(async () => {
    t = await startTestService(13, { name: 'hostile-hardening' });
    editor = await t.createKey('editor');
    // No reviewer yet, so every claim waits unassigned for the requests below.
    for (let i = 0; i < 40; i++) {
      const body = [
        `Officials said on Monday that ${100 + i} soldiers were deployed to the border region in ${2000 + (i % 24)}.`,
        `The ministry reported that spending rose by ${(i % 90) + 3} percent compared with the previous year.`,
        `According to the central bank, inflation reached ${(i % 9) + 2}.${i % 10} percent in March.`,
        `The government plans to build ${i * 7 + 11} new schools by 2030, the minister said.`,
      ].join(' ');
      const posted = await t
        .http()
        .post('/articles')
        .set(bearer(editor))
        .send({ title: `Hardening ${i}`, body, minCheckworthiness: 0 });
      expect(posted.status).toBe(202);
    }
    await waitFor(
      async () => {
        const { rows } = await t.db.query(
          `SELECT (SELECT count(*)::int FROM articles WHERE extracted_revision < revision) AS pending, (SELECT count(*)::int FROM claims) AS claims`,
        );
        return rows[0].pending === 0 && rows[0].claims >= 120;
      },
      'the articles to be extracted',
      60_000,
    );
    // From here only the requests below assign claims: no assignment job runs.
    await t.stopWorker(t.workers[0]);
  }, 90_000);
  afterAll(() => t.close());

  it('holds capacity 5 and 40 under 50 parallel pulls each', async () => {
    const five = await t.createReviewer({ capacity: 5 });
    const forty = await t.createReviewer({ capacity: 40 });
    const statuses = await Promise.all([five, forty].flatMap((r) => Array.from({ length: 50 }, () => pull(r.key))));
    expect(statuses.filter((s) => s !== 200 && s !== 204)).toEqual([]);
    expect({
      five: await held(five.id),
      forty: await held(forty.id),
      granted: statuses.filter((s) => s === 200).length,
    }).toEqual({ five: 5, forty: 40, granted: 45 });
  });

  it('counts hand assignments made in parallel with pulls: no pull takes the reviewer past its capacity', async () => {
    const r = await t.createReviewer({ capacity: 5 });
    const byHand = (await waiting()).slice(0, 5);
    const assign = (claimId: string) =>
      t
        .http()
        .post(`/admin/claims/${claimId}/assign`)
        .set(bearer(editor))
        .send({ reviewerId: r.id })
        .then((res) => res.status);
    const statuses = await Promise.all([...byHand.map(assign), ...Array.from({ length: 50 }, () => pull(r.key))]);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.filter((s) => s !== 200 && s !== 204)).toEqual([]);
    // Assignments to one reviewer take its row lock before writing their event, so seq orders them as they happened.
    const { rows } = await t.db.query(
      `SELECT actor_role FROM claim_events WHERE reviewer_id = $1 AND type = 'assigned' ORDER BY seq`,
      [r.id],
    );
    const pullsPastCapacity = rows.filter((row, i) => row.actor_role === 'reviewer' && i >= 5).length;
    expect({ pullsPastCapacity, held: await held(r.id) }).toEqual({ pullsPastCapacity: 0, held: rows.length });
  });

  it('answers 400 validation_failed naming the field for dates and cursors Postgres cannot store', async () => {
    const unstorable = [
      '-004714-01-01T00:00:00Z',
      '+275760-09-13T00:00:00Z',
      '0000-01-01T00:00:00Z',
      '2024-01-01T00:00:00+00:99',
    ];
    const [claimId] = await waiting();
    const requests: [
      string,
      string,
      () => Promise<{ status: number; body: { code?: string; details?: Record<string, unknown> } }>,
    ][] = [];
    unstorable.forEach((value, i) => {
      const q = encodeURIComponent(value);
      requests.push(
        [
          `publishedAt ${value}`,
          'publishedAt',
          () =>
            t
              .http()
              .post('/articles')
              .set(bearer(editor))
              .send({ title: `Dated ${i}`, body: `${FACT} (${i})`, publishedAt: value }),
        ],
        [`from ${value}`, 'from', () => t.http().get(`/articles?from=${q}`).set(bearer(editor))],
        [`to ${value}`, 'to', () => t.http().get(`/articles?to=${q}`).set(bearer(editor))],
        [`since ${value}`, 'since', () => t.http().get(`/admin/events?since=${q}`).set(bearer(editor))],
        [
          `articles cursor ${value}`,
          'cursor',
          () =>
            t
              .http()
              .get(`/articles?cursor=${b64([value, claimId])}`)
              .set(bearer(editor)),
        ],
        [
          `claims cursor ${value}`,
          'cursor',
          () =>
            t
              .http()
              .get(`/claims?cursor=${b64([value, claimId])}`)
              .set(bearer(editor)),
        ],
        [
          `events cursor ${value}`,
          'cursor',
          () =>
            t
              .http()
              .get(`/admin/events?cursor=${b64([value, 0, 1])}`)
              .set(bearer(editor)),
        ],
      );
    });
    requests.push(
      [
        'a Postgres-style cursor with a bad zone',
        'cursor',
        () =>
          t
            .http()
            .get(`/articles?cursor=${b64(['2024-01-01 00:00:00.123456+00:99', claimId])}`)
            .set(bearer(editor)),
      ],
      [
        'an events cursor with a fraction for seq',
        'cursor',
        () =>
          t
            .http()
            .get(`/admin/events?cursor=${b64(['2024-01-01 00:00:00+00', 0, 1.5])}`)
            .set(bearer(editor)),
      ],
    );
    const wrong: string[] = [];
    for (const [name, field, send] of requests) {
      const res = await send();
      if (res.status !== 400 || res.body.code !== 'validation_failed' || !res.body.details?.[field])
        wrong.push(`${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 120)}`);
    }
    for (const path of [
      '/ui/articles?from=0000-01-01',
      `/ui/articles?cursor=${b64(['+275760-09-13T00:00:00Z', claimId])}`,
    ]) {
      const res = await t.http().get(path).set(bearer(editor));
      if (res.status !== 400) wrong.push(`${path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
    // What the rule takes still works, offsets included.
    const dated = await t
      .http()
      .post('/articles')
      .set(bearer(editor))
      .send({ title: 'Dated fine', body: `${FACT} (fine)`, publishedAt: '2024-05-01T10:00:00+02:00' });
    expect(dated.status).toBe(202);
    expect((await t.http().get(`/articles/${dated.body.id}`).set(bearer(editor))).body.publishedAt).toBe(
      '2024-05-01T08:00:00.000Z',
    );
    expect(
      (await t.http().get('/articles?from=2024-01-01T00:00:00Z&to=9999-12-31T23:59:59Z').set(bearer(editor))).status,
    ).toBe(200);
  });

  it('ends a deactivated reviewer’s powers on every route and page, and keeps its history readable', async () => {
    const r = await t.createReviewer({ name: 'Deactivated Dora', capacity: 3 });
    const pulled = await t.http().post('/review/next').set(bearer(r.key));
    expect(pulled.status).toBe(200);
    const claim = pulled.body;
    const moved = await t
      .http()
      .post(`/claims/${claim.id}/transitions`)
      .set(bearer(r.key))
      .send({ to: 'sourced', expectedVersion: claim.version, sources: [{ url: 'https://example.org/proof' }] });
    expect(moved.status).toBe(200);
    const person = await t.createPerson('reviewer', { reviewerId: r.id });
    const session = sessionOf((await login(person)).headers['set-cookie'])!;
    expect(session).toBeDefined();
    expect(
      (await t.http().patch(`/admin/reviewers/${r.id}`).set(bearer(t.adminKey)).send({ active: false })).status,
    ).toBe(200);

    const attempts = {
      'move its last verdict': await t
        .http()
        .post(`/claims/${claim.id}/transitions`)
        .set(bearer(r.key))
        .send({ to: 'disputed', expectedVersion: moved.body.version, note: 'changed my mind' }),
      'add a note': await t.http().post(`/claims/${claim.id}/notes`).set(bearer(r.key)).send({ note: 'still here' }),
      pull: await t.http().post('/review/next').set(bearer(r.key)),
      'list its claims': await t.http().get('/review/mine').set(bearer(r.key)),
      'read a claim': await t.http().get(`/claims/${claim.id}`).set(bearer(r.key)),
      'open the workbench': await t.http().get('/ui/review').set(bearer(r.key)),
    };
    const answered = Object.fromEntries(
      Object.entries(attempts).map(([what, res]) => [what, [res.status, /deactivated/.test(res.text)]]),
    );
    expect(answered).toEqual(Object.fromEntries(Object.keys(attempts).map((what) => [what, [403, true]])));
    expect(attempts['move its last verdict'].body.code).toBe('forbidden');
    // The person behind the profile is signed out, and cannot sign in again.
    const withSession = await t.http().get('/ui/review').set('Cookie', session);
    expect([withSession.status, withSession.headers.location]).toEqual([303, '/ui/login?next=%2Fui%2Freview']);
    const again = await login(person);
    expect([again.status, sessionOf(again.headers['set-cookie'])]).toEqual([401, undefined]);
    const { rows } = await t.db.query(
      `SELECT status, version, (SELECT count(*)::int FROM claim_events e WHERE e.claim_id = c.id AND e.type = 'note') AS notes FROM claims c WHERE id = $1`,
      [claim.id],
    );
    expect(rows[0]).toEqual({ status: 'sourced', version: moved.body.version, notes: 0 });

    // Its history stays readable to others, under its name.
    const events = await t.http().get(`/claims/${claim.id}/events`).set(bearer(editor));
    expect(
      events.body.items.some(
        (e: { type: string; reviewerId: string }) => e.type === 'transition' && e.reviewerId === r.id,
      ),
    ).toBe(true);
    const page = await t.http().get(`/ui/articles/${claim.articleId}?claim=${claim.id}`).set(bearer(editor));
    expect(page.status).toBe(200);
    expect(page.text).toContain('Deactivated Dora');
  });

  it('refuses a single sign-on attempt whose seal is as long as a real one in characters but not in bytes', async () => {
    const res = await t
      .http()
      .get('/ui/sso/callback')
      .set('Cookie', `claimdesk_sso=e30.${'%C3%A9'.repeat(43)}`);
    expect(res.status).toBe(401);
    expect(res.text).toContain('Single sign-on refused');
  });

  it('takes the session cookie on the pages only, wants the session’s CSRF token on their forms, and refuses other origins', async () => {
    const adminSession = sessionOf((await login(await t.createPerson('admin'))).headers['set-cookie'])!;
    const editorPerson = await t.createPerson('editor');
    const keys = async () => (await t.db.query(`SELECT count(*)::int AS n FROM api_keys`)).rows[0].n as number;
    const keysBefore = await keys();
    // A form on a same-site page, posting with the admin's cookie; and the same from the service's own origin.
    const forged = await t
      .http()
      .post('/admin/keys')
      .type('form')
      .set({ Cookie: adminSession, Origin: 'http://blog.127.0.0.1', 'Sec-Fetch-Site': 'same-site' })
      .send({ name: 'pwned', role: 'admin' });
    const ownOrigin = await t
      .http()
      .post('/admin/keys')
      .set({ Cookie: adminSession, Origin: t.url })
      .send({ name: 'pwned', role: 'admin' });
    const read = await t.http().get('/admin/keys').set('Cookie', adminSession);
    expect([forged.status, ownOrigin.status, read.status]).toEqual([401, 401, 401]);
    expect(await keys()).toBe(keysBefore);

    // Login CSRF: a sign-in posted from elsewhere is refused and sets no cookie.
    const elsewhere: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { 'Sec-Fetch-Site': 'same-site', Origin: 'http://blog.127.0.0.1' },
      { Origin: 'null' },
    ];
    // Express routes paths in any letter case: /UI/login is the same form.
    for (const path of ['/ui/login', '/UI/login', '/Ui/Login'])
      for (const headers of elsewhere) {
        const res = await login(editorPerson, headers, path);
        expect({ path, headers, status: res.status, cookie: sessionOf(res.headers['set-cookie']) }).toEqual({
          path,
          headers,
          status: 403,
          cookie: undefined,
        });
      }
    expect((await login(editorPerson, { Origin: t.url, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(303);

    // The workbench's form carries the session's token; without it, with another, or from elsewhere it is refused.
    const r = await t.createReviewer({ capacity: 2 });
    const session = sessionOf(
      (await login(await t.createPerson('reviewer', { reviewerId: r.id }), { Origin: t.url })).headers['set-cookie'],
    )!;
    const bench = await t.http().get('/ui/review').set('Cookie', session);
    const tokenOf = (html: string) => /<meta name="csrf-token" content="([^"]+)">/.exec(html)?.[1];
    const token = tokenOf(bench.text);
    const adminToken = tokenOf((await t.http().get('/ui/admin').set('Cookie', adminSession)).text);
    expect(adminToken).toBeDefined();
    expect(adminToken).not.toBe(token);
    expect(token).toBeDefined();
    expect(bench.text).toContain(`<input type="hidden" name="_csrf" value="${token}">`);
    const next = (form: Record<string, string>, headers: Record<string, string>) =>
      t
        .http()
        .post('/ui/review/next')
        .type('form')
        .set({ Cookie: session, ...headers })
        .send(form);
    const refused = [
      await next({}, { Origin: t.url }),
      await next({ _csrf: 'not-the-token' }, { Origin: t.url }),
      await next({ _csrf: adminToken! }, { Origin: t.url }),
      await next({ _csrf: token! }, { Origin: 'https://evil.example' }),
      await next({ _csrf: token! }, { 'Sec-Fetch-Site': 'cross-site' }),
    ];
    expect(refused.map((res) => res.status)).toEqual([403, 403, 403, 403, 403]);
    expect(await held(r.id)).toBe(0);
    const pulled = await next({ _csrf: token! }, { Origin: t.url, 'Sec-Fetch-Site': 'same-origin' });
    expect(pulled.status).toBe(303);
    const claimId = /claim=([0-9a-f-]{36})/.exec(pulled.headers.location)?.[1];
    expect(await held(r.id)).toBe(1);

    // The page script's calls: /ui routes with the token in a header; the JSON API does not take the cookie.
    const note = (path: string, headers: Record<string, string>) =>
      t
        .http()
        .post(path)
        .set({ Cookie: session, Origin: t.url, ...headers })
        .send({ note: 'from the page' });
    expect((await note(`/ui/review/claims/${claimId}/notes`, {})).status).toBe(403);
    expect((await note(`/claims/${claimId}/notes`, { 'X-CSRF-Token': token! })).status).toBe(401);
    expect((await note(`/ui/review/claims/${claimId}/notes`, { 'X-CSRF-Token': token! })).status).toBe(201);
    // Signing out works from the page, with the session's token.
    expect((await t.http().post('/ui/logout').set({ Cookie: session, Origin: t.url })).status).toBe(403);
    expect(
      (await t.http().post('/ui/logout').type('form').set({ Cookie: session, Origin: t.url }).send({ _csrf: token! }))
        .status,
    ).toBe(303);
  });
});
