import { ROLES, type Role } from '../src/auth/role';
import { startTestService, type TestService } from './helpers/test-service';

type Access = Role[] | 'public' | 'signature';

const READERS: Role[] = ['admin', 'editor', 'reviewer', 'integrator'];

/**
 * Who may call what: docs/design.md's roles table, route by route. Every route the OpenAPI document lists must have
 * an entry here, so a new route cannot ship without its authorization being tested.
 */
const EXPECTED: Record<string, Access> = {
  'POST /articles': ['admin', 'editor', 'integrator'],
  'GET /articles': READERS,
  'GET /articles/{id}': READERS,
  'GET /articles/{id}/claims': READERS,
  'GET /articles/{id}/claimreview': READERS,
  'POST /articles/{id}/claims': ['admin', 'editor'],
  'GET /claims': READERS,
  'GET /claims/export': ['admin', 'editor', 'integrator'],
  'GET /claims/{id}': READERS,
  'GET /claims/{id}/events': READERS,
  'GET /claims/{id}/claimreview': READERS,
  'POST /claims/{id}/transitions': ['admin', 'editor', 'reviewer'],
  'PUT /claims/{id}/claimant': ['admin', 'editor'],
  'POST /claims/{id}/notes': ['admin', 'editor', 'reviewer'],
  'POST /claims/{id}/undo': ['reviewer'],
  'POST /claims/{id}/approve': ['admin', 'editor', 'reviewer'],
  'POST /claims/{id}/return': ['admin', 'editor', 'reviewer'],
  'POST /claims/{id}/promote': ['admin', 'editor'],
  'GET /claims/{id}/comments': READERS,
  'POST /claims/{id}/comments': ['admin', 'editor', 'reviewer'],
  'PATCH /claims/{id}/comments/{commentId}': ['admin', 'editor', 'reviewer'],
  'GET /notifications': ['admin', 'editor', 'reviewer'],
  'POST /notifications/read': ['admin', 'editor', 'reviewer'],
  'GET /notifications/preferences': ['admin', 'editor', 'reviewer'],
  'PUT /notifications/preferences': ['admin', 'editor', 'reviewer'],
  'PUT /claims/{id}/tags': ['admin', 'editor', 'reviewer'],
  'POST /claims/bulk': ['admin', 'editor'],
  'GET /tags': READERS,
  'PATCH /articles/{id}': ['admin', 'editor'],
  'GET /views': ['admin', 'editor', 'reviewer'],
  'POST /views': ['admin', 'editor', 'reviewer'],
  'DELETE /views/{id}': ['admin', 'editor', 'reviewer'],
  'GET /claims/{id}/matches': ['admin', 'editor', 'reviewer'],
  'POST /claims/{id}/matches/{matchId}/confirm': ['admin', 'editor', 'reviewer'],
  'POST /claims/{id}/matches/{matchId}/reject': ['admin', 'editor', 'reviewer'],
  'POST /fact-checks/import': ['admin', 'editor'],
  'GET /fact-checks/search': ['admin', 'editor', 'reviewer'],
  'POST /review/next': ['reviewer'],
  'GET /review/mine': ['reviewer'],
  'GET /review/second-opinions': ['admin', 'editor', 'reviewer'],
  'POST /review/claims/{id}/release': ['reviewer'],
  'POST /review/claims/{id}/verdict': ['reviewer'],
  'POST /admin/claims/{id}/assign': ['admin', 'editor'],
  'POST /admin/claims/{id}/unassign': ['admin', 'editor'],
  'GET /admin/events': ['admin', 'editor'],
  'GET /admin/stats': ['admin', 'editor'],
  'POST /admin/reviewers': ['admin'],
  'GET /admin/reviewers': ['admin'],
  'PATCH /admin/reviewers/{id}': ['admin'],
  'POST /admin/keys': ['admin'],
  'GET /admin/settings': ['admin'],
  'PATCH /admin/settings': ['admin'],
  'GET /admin/keys': ['admin'],
  'DELETE /admin/keys/{id}': ['admin'],
  'POST /admin/users': ['admin'],
  'GET /admin/users': ['admin'],
  'PATCH /admin/users/{id}': ['admin'],
  'POST /admin/users/{id}/reset': ['admin'],
  'POST /admin/users/{id}/two-factor/reset': ['admin'],
  'GET /admin/queues': ['admin'],
  'POST /admin/queues/{name}/retry': ['admin'],
  'POST /admin/queues/{name}/pause': ['admin'],
  'POST /admin/queues/{name}/resume': ['admin'],
  'POST /admin/integrators': ['admin'],
  'GET /admin/integrators': ['admin'],
  'POST /admin/integrators/{id}/rotate-secret': ['admin'],
  'POST /integrations/endpoints': ['admin', 'integrator'],
  'GET /integrations/endpoints': ['admin', 'integrator'],
  'DELETE /integrations/endpoints/{id}': ['admin', 'integrator'],
  'POST /integrations/endpoints/{id}/rotate-secret': ['admin', 'integrator'],
  'GET /integrations/endpoints/{id}/deliveries': ['admin', 'integrator'],
  'POST /integrations/endpoints/{id}/deliveries/{deliveryId}/redeliver': ['admin', 'integrator'],
  'POST /webhooks/articles': 'signature',
  'GET /health': 'public',
  'GET /metrics': 'public',
};

/**
 * Routes that answer to a person: this suite's keys have none behind them, so an allowed role gets `403 no_person`
 * (or 400: the empty body is refused first); the notifications suite calls them with keys people own.
 */
const PERSONAL = new Set([
  'GET /notifications',
  'POST /notifications/read',
  'GET /notifications/preferences',
  'PUT /notifications/preferences',
  'GET /views',
  'POST /views',
  'DELETE /views/{id}',
]);

/** Unknown ids everywhere: an allowed caller gets 404 (or 400 for the empty body), never a change to real data. */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('authorization: every route × every role', () => {
  let t: TestService;
  const keys = {} as Record<Role, string>;
  let routes: { method: string; path: string; key: string; documentedRoles: Role[] | undefined }[];

  beforeAll(async () => {
    t = await startTestService(7, { worker: false });
    const reviewer = await t.createReviewer();
    const integrator = await t
      .http()
      .post('/admin/integrators')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ name: 'walker' });
    Object.assign(keys, {
      admin: t.adminKey,
      editor: await t.createKey('editor'),
      reviewer: reviewer.key,
      integrator: integrator.body.apiKey,
    });

    const document = (await t.http().get('/docs-json')).body as {
      paths: Record<string, Record<string, { 'x-roles'?: Role[] }>>;
    };
    routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        documentedRoles: operation['x-roles'],
      })),
    );
  });
  afterAll(() => t.close());

  it('has an expected-roles entry for every documented route, and no entry for a route that is gone', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.map((r) => r.key).filter((k) => !(k in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((k) => !routes.some((r) => r.key === k))).toEqual([]);
  });

  it('documents the same roles as it enforces', () => {
    for (const route of routes) {
      const expected = EXPECTED[route.key];
      if (Array.isArray(expected))
        expect({ route: route.key, roles: [...(route.documentedRoles ?? [])].sort() }).toEqual({
          route: route.key,
          roles: [...expected].sort(),
        });
    }
  });

  it('answers 401 without a key, 403 to roles not allowed, and neither to roles allowed', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const access = EXPECTED[route.key];
      const url = route.path.replace(/\{[^}]+\}/g, UNKNOWN_ID);
      const call = (key?: string) => {
        const req = t.http()[route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
        if (key) req.set('Authorization', `Bearer ${key}`);
        return ['POST', 'PATCH', 'PUT'].includes(route.method) ? req.send({}) : req;
      };
      const expectStatus = (who: string, status: number, ok: (s: number) => boolean, wanted: string) => {
        if (!ok(status)) mismatches.push(`${route.key} as ${who}: ${status}, expected ${wanted}`);
      };
      const anonymous = (await call()).status;
      if (access === 'public') expectStatus('anonymous', anonymous, (s) => s === 200, '200');
      else expectStatus('anonymous', anonymous, (s) => s === 401, '401');

      for (const role of ROLES) {
        const answer = await call(keys[role]);
        const status = answer.status;
        if (access === 'public') expectStatus(role, status, (s) => s === 200, '200');
        // signed webhooks take no API key: a key without a signature is still unauthenticated
        else if (access === 'signature') expectStatus(role, status, (s) => s === 401, '401');
        else if (access.includes(role) && PERSONAL.has(route.key))
          expectStatus(
            role,
            status,
            (s) => s === 400 || (s === 403 && answer.body?.code === 'no_person'),
            '403 no_person (or 400 for the empty body)',
          );
        else if (access.includes(role))
          expectStatus(role, status, (s) => s !== 401 && s !== 403 && s < 500, 'neither 401, 403 nor 5xx');
        else expectStatus(role, status, (s) => s === 403, '403');
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('refuses a revoked key and a made-up one with 401', async () => {
    const key = await t.createKey('editor');
    const prefix = key.split('_')[1];
    expect((await t.http().get('/articles').set('Authorization', `Bearer ${key}`)).status).toBe(200);
    const wrongSecret = `${key.slice(0, -4)}AAAA`;
    expect((await t.http().get('/articles').set('Authorization', `Bearer ${wrongSecret}`)).status).toBe(401);
    const { rows } = await t.db.query(`SELECT id FROM api_keys WHERE prefix = $1`, [prefix]);
    expect(
      (await t.http().delete(`/admin/keys/${rows[0].id}`).set('Authorization', `Bearer ${t.adminKey}`)).status,
    ).toBe(204);
    expect((await t.http().get('/articles').set('Authorization', `Bearer ${key}`)).status).toBe(401);
  });
});

describe('rate limits per key', () => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService(8, { worker: false, env: { RATE_LIMIT_PER_MINUTE: '5' } });
  });
  afterAll(() => t.close());

  it('answers 429 rate_limited past the limit, to that key only, and never to health checks', async () => {
    const [busy, calm] = [await t.createKey('editor'), await t.createKey('editor')];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await t.http().get('/articles').set('Authorization', `Bearer ${busy}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await t.http().get('/articles').set('Authorization', `Bearer ${busy}`);
    expect(limited.body).toEqual({
      statusCode: 429,
      code: 'rate_limited',
      message: expect.stringContaining('5 requests a minute'),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await t.http().get('/articles').set('Authorization', `Bearer ${calm}`)).status).toBe(200);
    for (let i = 0; i < 8; i++) expect((await t.http().get('/health')).status).toBe(200);
  });
});
