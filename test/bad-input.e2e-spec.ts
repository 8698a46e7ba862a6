import { randomUUID } from 'node:crypto';
import { startTestService, type TestService } from './helpers/test-service';

describe('bad input: a clear error, nothing written', () => {
  let t: TestService;
  let editor: string;
  const auth = () => ({ Authorization: `Bearer ${editor}` });
  const articleCount = async () => (await t.db.query(`SELECT count(*)::int AS n FROM articles`)).rows[0].n as number;

  beforeAll(async () => {
    t = await startTestService(3, { worker: false });
    editor = await t.createKey('editor');
  });
  afterAll(() => t.close());

  it.each([
    ['no fields', {}, ['title', 'body']],
    ['wrong types', { title: 42, body: ['x'] }, ['title', 'body']],
    ['a blank body', { title: 'T', body: ' \n\t ' }, ['body']],
    ['an unknown field', { title: 'T', body: 'B is here.', owner: 'me' }, ['owner']],
    ['a bad language code', { title: 'T', body: 'B is here.', language: 'english' }, ['language']],
    ['a threshold out of range', { title: 'T', body: 'B is here.', minCheckworthiness: 2 }, ['minCheckworthiness']],
    ['a url that is not one', { title: 'T', body: 'B is here.', url: 'javascript:alert(1)' }, ['url']],
  ])('refuses %s with 400 validation_failed naming the fields', async (_, body, fields) => {
    const response = await t.http().post('/articles').set(auth()).send(body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    for (const field of fields) expect(response.body.details[field]?.length).toBeGreaterThan(0);
    expect(await articleCount()).toBe(0);
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await t
      .http()
      .post('/articles')
      .set(auth())
      .set('Content-Type', 'application/json')
      .send('{"title": "T", "body": ');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
    expect(await articleCount()).toBe(0);
  });

  it('refuses a request over 1 MiB with 413 payload_too_large', async () => {
    const response = await t
      .http()
      .post('/articles')
      .set(auth())
      .send({ title: 'Huge', body: 'word '.repeat(220_000) });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
    expect(await articleCount()).toBe(0);
  });

  it.each([
    ['GET', () => `/articles/${randomUUID()}`, undefined],
    ['GET', () => '/articles/not-a-uuid', undefined],
    ['GET', () => `/claims/${randomUUID()}`, undefined],
    ['GET', () => `/claims/${randomUUID()}/events`, undefined],
    [
      'POST',
      () => `/claims/${randomUUID()}/transitions`,
      { to: 'sourced', expectedVersion: 1, sources: [{ url: 'https://example.org' }] },
    ],
    ['POST', () => `/claims/${randomUUID()}/notes`, { note: 'n' }],
    ['PATCH', () => `/admin/reviewers/${randomUUID()}`, { name: 'n' }],
    ['DELETE', () => `/admin/keys/${randomUUID()}`, undefined],
    ['POST', () => `/admin/claims/${randomUUID()}/unassign`, undefined],
  ])('answers %s %s of an unknown id with 404 not_found', async (method, path, body) => {
    const response = await t
      .http()
      [method.toLowerCase() as 'get'](path())
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send(body);
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
  });

  it('refuses a list cursor it did not issue', async () => {
    const response = await t.http().get('/articles?cursor=bogus').set(auth());
    expect(response.status).toBe(400);
    expect(response.body.details).toHaveProperty('cursor');
  });

  it('answers a reviewer with a duplicate email with 409', async () => {
    const body = { name: 'Dup', email: 'dup@example.org' };
    expect(
      (await t.http().post('/admin/reviewers').set('Authorization', `Bearer ${t.adminKey}`).send(body)).status,
    ).toBe(201);
    const again = await t.http().post('/admin/reviewers').set('Authorization', `Bearer ${t.adminKey}`).send(body);
    expect(again.status).toBe(409);
  });
});
