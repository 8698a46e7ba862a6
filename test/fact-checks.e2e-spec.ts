import { createHash } from 'node:crypto';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

interface Claim {
  id: string;
  text: string;
  status: string;
  version: number;
}

interface Match {
  id: string;
  kind: 'fact-check' | 'claim';
  score: number;
  url: string | null;
  text: string;
  rating?: string | null;
  status?: string | null;
  claimId?: string;
  sameText?: boolean;
  sameClaim?: boolean;
}

const review = (n: number, claimReviewed: string, rating: string, extra: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://checks.example.org/fact-check/${n}`,
  claimReviewed,
  reviewRating: { '@type': 'Rating', alternateName: rating },
  datePublished: '2024-03-01T00:00:00Z',
  author: { '@type': 'Organization', name: 'Example Checks' },
  itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'A Senator' } },
  headline: `Fact check ${n}`,
  inLanguage: 'en',
  ...extra,
});

const ARCHIVE = [
  review(1, 'The city council spent 40 million dollars on new bus lanes in 2023.', 'False'),
  review(2, 'Vaccines cause autism in children, a new study claims.', 'Pants on Fire'),
  review(3, 'The Eiffel Tower will be dismantled and moved to Las Vegas.', 'Satire'),
  review(4, 'Wind turbines kill more birds each year than cats do.', 'Mostly False'),
];

const BODY = [
  'The city council spent 40 million dollars on new bus lanes in 2023, the mayor said.',
  'Wind turbines kill more birds each year than cats do, according to the senator.',
  'Unemployment in the region fell to 4.1 percent in March 2024.',
].join(' ');

describe('fact-checks: archive, search and matches', () => {
  let t: TestService;
  let editor: string;
  let claims: Claim[];

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const importBody = (body: unknown) =>
    t
      .http()
      .post('/fact-checks/import')
      .set(auth(editor))
      .send(body as object);
  const matchesOf = async (claimId: string): Promise<Match[]> =>
    (await t.http().get(`/claims/${claimId}/matches`).set(auth(editor))).body.items;
  const postArticle = async (title: string, body: string): Promise<Claim[]> => {
    const posted = await t.http().post('/articles').set(auth(editor)).send({ title, body, minCheckworthiness: 0 });
    expect(posted.status).toBe(202);
    return waitFor(async () => {
      const article = (await t.http().get(`/articles/${posted.body.id}`).set(auth(editor))).body;
      return article.status === 'ready' && article.claims.length >= 2 ? article.claims : null;
    }, `the claims of ${title}`);
  };
  const claimWith = (list: Claim[], words: string) => {
    const found = list.find((c) => c.text.includes(words));
    if (!found) throw new Error(`no claim holds "${words}": ${list.map((c) => c.text).join(' | ')}`);
    return found;
  };

  beforeAll(async () => {
    t = await startTestService(13, { name: 'fact-checks' });
    editor = await t.createKey('editor');
  });
  afterAll(() => t.close());

  it('imports ClaimReview, reporting each bad item by its index while the good ones land', async () => {
    const response = await importBody({
      items: [
        ARCHIVE[0],
        { url: 'https://checks.example.org/no-claim' },
        ARCHIVE[1],
        { claimReviewed: 'no url' },
        'text',
      ],
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      imported: 2,
      updated: 0,
      skipped: 0,
      errors: [
        { index: 1, message: 'claimReviewed must be a non-empty string' },
        { index: 3, message: 'url must be a non-empty string' },
        { index: 4, message: 'an item must be a ClaimReview object' },
      ],
    });
    const single = await importBody(ARCHIVE[2]);
    expect(single.body).toMatchObject({ imported: 1, updated: 0, skipped: 0, errors: [] });
    const array = await importBody([ARCHIVE[3]]);
    expect(array.body).toMatchObject({ imported: 1, errors: [] });
    const { rows } = await t.db.query(
      `SELECT rating, author, claimant, headline, language FROM fact_checks WHERE url = $1`,
      [ARCHIVE[0].url],
    );
    expect(rows).toEqual([
      { rating: 'False', author: 'Example Checks', claimant: 'A Senator', headline: 'Fact check 1', language: 'en' },
    ]);
  });

  it('identifies fact-checks by url: the same item is skipped, a changed one updated', async () => {
    const again = await importBody(ARCHIVE);
    expect(again.body).toEqual({ imported: 0, updated: 0, skipped: 4, errors: [] });
    const changed = await importBody([{ ...ARCHIVE[2], reviewRating: { name: 'Fake' } }]);
    expect(changed.body).toEqual({ imported: 0, updated: 1, skipped: 0, errors: [] });
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n, max(rating) AS rating FROM fact_checks WHERE url = $1`,
      [ARCHIVE[2].url],
    );
    expect(rows[0]).toEqual({ n: 1, rating: 'Fake' });
    const stats = await t.db.query(`SELECT doc_count::int AS n FROM fact_check_stats`);
    expect(stats.rows[0].n).toBe(4);
    // The postings follow the update: one per lexeme of each fact-check, none left from the old text.
    const postings = await t.db.query(
      `SELECT (SELECT count(*)::int FROM fact_check_postings) AS stored, (SELECT count(*)::int FROM fact_checks f, unnest(f.search_vector)) AS expected`,
    );
    expect(postings.rows[0].stored).toBe(postings.rows[0].expected);
  });

  it('refuses a body that is not ClaimReview and more than 1,000 items with validation_failed', async () => {
    const wrong = await importBody({ items: 'none' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('validation_failed');
    const tooMany = await importBody(
      Array.from({ length: 1001 }, (_, i) => ({ url: `https://checks.example.org/x/${i}`, claimReviewed: 'x' })),
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({
      code: 'validation_failed',
      details: { items: [expect.stringContaining('1000')] },
    });
  });

  it('searches the archive, best first, from tweet-like text', async () => {
    const response = await t
      .http()
      .get('/fact-checks/search')
      .query({ q: 'WOW the #EiffelTower is moving to Las Vegas?! pic.twitter.com/abc https://t.co/x', limit: 2 })
      .set(auth(editor));
    expect(response.status).toBe(200);
    expect(response.body.items[0]).toMatchObject({
      url: ARCHIVE[2].url,
      claimReviewed: ARCHIVE[2].claimReviewed,
      rating: 'Fake',
      author: 'Example Checks',
      datePublished: '2024-03-01T00:00:00.000Z',
    });
    expect(response.body.items[0].score).toBeGreaterThan(0);
    for (let i = 1; i < response.body.items.length; i++)
      expect(response.body.items[i].score).toBeLessThanOrEqual(response.body.items[i - 1].score);
    const missing = await t.http().get('/fact-checks/search').set(auth(editor));
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation_failed');
  });

  it('ranks copies of one claim together, the original first: the earliest published, else the first imported', async () => {
    const search = async (q: string) =>
      (await t.http().get('/fact-checks/search').query({ q, limit: 5 }).set(auth(editor))).body.items.map(
        (i: { url: string }) => i.url,
      );
    // Copies score alike, and equal scores otherwise go by a hash of the url: each pair is imported against that order.
    const byHash = (urls: string[]) =>
      [...urls].sort((a, b) =>
        createHash('md5').update(a).digest('hex') < createHash('md5').update(b).digest('hex') ? -1 : 1,
      );
    const copy = (n: number, claim: string, datePublished?: string) => review(n, claim, 'False', { datePublished });

    const [undatedHashFirst, undatedHashSecond] = byHash([copy(101, '').url, copy(102, '').url]);
    const undated = (url: string, quote: string) => ({
      ...copy(0, `The ${quote}moon landing${quote} was filmed in a studio in Nevada.`),
      url,
    });
    expect((await importBody(undated(undatedHashSecond, '"'))).body.imported).toBe(1);
    expect((await importBody(undated(undatedHashFirst, "'"))).body.imported).toBe(1);
    expect((await search('moon landing filmed in a studio in Nevada')).slice(0, 2)).toEqual([
      undatedHashSecond,
      undatedHashFirst,
    ]);

    const [datedHashFirst, datedHashSecond] = byHash([copy(103, '').url, copy(104, '').url]);
    const dated = (url: string, quote: string, published: string) => ({
      ...copy(0, `Polar bears ${quote}outnumber${quote} people in Norway.`, published),
      url,
    });
    expect((await importBody(dated(datedHashFirst, '"', '2020-06-01T00:00:00Z'))).body.imported).toBe(1);
    expect((await importBody(dated(datedHashSecond, "'", '2019-01-01T00:00:00Z'))).body.imported).toBe(1);
    expect((await search('polar bears outnumber people in Norway')).slice(0, 2)).toEqual([
      datedHashSecond,
      datedHashFirst,
    ]);
  });

  it('matches every new claim against the archive in the worker', async () => {
    claims = await postArticle('Bus lanes', BODY);
    const bus = claimWith(claims, 'bus lanes');
    const matches = await waitFor(async () => {
      const items = await matchesOf(bus.id);
      return items.length > 0 ? items : null;
    }, 'the bus-lane claim to be matched');
    expect(matches[0]).toMatchObject({ kind: 'fact-check', url: ARCHIVE[0].url, rating: 'False' });
    expect(matches.length).toBeLessThanOrEqual(5);
  });

  it('matches a claim to a fact-check of the same claim in other words, through the sentence encoder', async () => {
    const imported = await importBody({
      items: [
        review(20, 'Hot lemon water cures COVID-19.', 'False', {
          headline: 'Does hot lemon water cure the coronavirus?',
          datePublished: '2023-05-10T00:00:00Z',
        }),
        review(21, 'Lemon growers were told to stop drinking water from the river.', 'True', {
          headline: 'Were lemon growers told to stop drinking river water?',
          datePublished: '2023-05-10T00:00:00Z',
        }),
      ],
    });
    expect(imported.status).toBe(200);
    const posted = await postArticle(
      'Home remedies',
      'A glass of warm lemon water kills COVID-19, a viral post claimed. The post was shared 40,000 times in March 2024.',
    );
    const remedy = claimWith(posted, 'lemon');
    const matches = await waitFor(async () => {
      const items = await matchesOf(remedy.id);
      return items.length > 0 ? items : null;
    }, 'the lemon-water claim to be matched');
    expect(matches[0]).toMatchObject({ kind: 'fact-check', url: review(20, '', '').url, rating: 'False' });
    expect(matches.map((m) => m.url)).not.toContain(review(21, '', '').url);
    // Both fact-checks met are encoded once and kept for the next search.
    const { rows } = await t.db.query(
      `SELECT f.url FROM fact_check_sentence_vectors v JOIN fact_checks f ON f.id = v.fact_check_id WHERE f.url = ANY($1)`,
      [[review(20, '', '').url, review(21, '', '').url]],
    );
    expect(rows).toHaveLength(2);
  });

  it('confirming a match gives the claim its verdict with the fact-check as source, recorded in an event', async () => {
    const bus = claimWith(claims, 'bus lanes');
    const [match] = await matchesOf(bus.id);
    const confirmed = await t.http().post(`/claims/${bus.id}/matches/${match.id}/confirm`).set(auth(editor)).send({});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: bus.id, status: 'disputed', version: bus.version + 1 });
    const events = (await t.http().get(`/claims/${bus.id}/events`).set(auth(editor))).body.items;
    // The move, then the decision naming who made it.
    const [move, decision] = events.slice(-2);
    expect(move).toMatchObject({ type: 'transition', toStatus: 'disputed' });
    expect(move.sources).toEqual([expect.objectContaining({ url: ARCHIVE[0].url })]);
    expect(move.note).toContain(match.id);
    expect(decision).toMatchObject({ type: 'match_confirmed' });
    expect((await matchesOf(bus.id)).find((m) => m.id === match.id)).toMatchObject({ state: 'confirmed' });
  });

  it('shows "Seen before" with the matched fact-check under the selected claim on the article page', async () => {
    const bus = claimWith(claims, 'bus lanes');
    const { rows } = await t.db.query(`SELECT article_id FROM claims WHERE id = $1`, [bus.id]);
    const cookie = await t.signIn(await t.createPerson('editor'));
    const page = await t.http().get(`/ui/articles/${rows[0].article_id}?claim=${bus.id}`).set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Seen before');
    expect(page.text).toContain(`href="${ARCHIVE[0].url}"`);
    expect(page.text).toContain('confirmed');
  });

  it('rejecting a match sets it aside', async () => {
    const birds = claimWith(claims, 'Wind turbines');
    const matches = await waitFor(async () => {
      const items = await matchesOf(birds.id);
      return items.length > 0 ? items : null;
    }, 'the wind-turbine claim to be matched');
    const rejected = await t
      .http()
      .post(`/claims/${birds.id}/matches/${matches[0].id}/reject`)
      .set(auth(editor))
      .send({});
    expect(rejected.status).toBe(200);
    expect((await matchesOf(birds.id)).map((m) => m.id)).not.toContain(matches[0].id);
    const again = await t
      .http()
      .post(`/claims/${birds.id}/matches/${matches[0].id}/confirm`)
      .set(auth(editor))
      .send({});
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('not_found');
  });

  it('the desk’s verdict becomes a fact-check, and the same claim in another article is linked and offered it', async () => {
    const bus = claimWith(claims, 'bus lanes');
    await waitFor(
      async () => (await t.db.query(`SELECT 1 FROM fact_checks WHERE source_claim_id = $1`, [bus.id])).rowCount === 1,
      'the desk’s own fact-check',
    );
    const { rows } = await t.db.query(`SELECT rating, claim_review FROM fact_checks WHERE source_claim_id = $1`, [
      bus.id,
    ]);
    expect(rows[0].rating).toBe('Disputed');
    expect(rows[0].claim_review).toMatchObject({ '@type': 'ClaimReview', claimReviewed: bus.text });

    const second = await postArticle(
      'Bus lanes again',
      `${bus.text} Unemployment in the region fell to 4.1 percent in March 2024.`,
    );
    const repeat = claimWith(second, 'bus lanes');
    const matches = await waitFor(async () => {
      const items = await matchesOf(repeat.id);
      return items.some((m) => m.sameText) ? items : null;
    }, 'the repeated claim to be linked');
    const linked = matches.find((m) => m.sameText)!;
    expect(linked).toMatchObject({ kind: 'claim', claimId: bus.id, status: 'disputed' });
    // The earlier claim learns of the repeat too.
    expect((await matchesOf(bus.id)).some((m) => m.kind === 'claim' && m.claimId === repeat.id)).toBe(true);

    const confirmed = await t
      .http()
      .post(`/claims/${repeat.id}/matches/${linked.id}/confirm`)
      .set(auth(editor))
      .send({});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('disputed');
  });

  it('links the same claim said in other words in two articles, both ways, and offers one’s verdict to the other', async () => {
    const first = await postArticle(
      'Ferries',
      'The ferry operator carries 9,000 passengers a day to Corsica. The harbour was built in 1911.',
    );
    const second = await postArticle(
      'Ferries again',
      'Every day, 9000 passengers cross to Corsica with the ferry operator. The ferry operator carries 6,000 cars a day to Corsica.',
    );
    const original = claimWith(first, '9,000 passengers');
    const reworded = claimWith(second, '9000 passengers');
    const cars = claimWith(second, '6,000 cars');
    const matches = await waitFor(async () => {
      const items = await matchesOf(reworded.id);
      return items.some((m) => m.sameClaim) ? items : null;
    }, 'the reworded claim to be linked');
    const linked = matches.find((m) => m.sameClaim)!;
    expect(linked).toMatchObject({ kind: 'claim', claimId: original.id, sameText: false, status: 'unverified' });
    expect((await matchesOf(original.id)).some((m) => m.sameClaim && m.claimId === reworded.id)).toBe(true);
    // The same subject with another figure is another claim.
    expect((await matchesOf(cars.id)).some((m) => m.claimId === original.id)).toBe(false);

    const { rows } = await t.db.query(`SELECT article_id FROM claims WHERE id = $1`, [reworded.id]);
    const cookie = await t.signIn(await t.createPerson('editor'));
    const page = await t.http().get(`/ui/articles/${rows[0].article_id}?claim=${reworded.id}`).set('Cookie', cookie);
    expect(page.text).toContain('same claim, other words · unverified');

    const verdict = await t
      .http()
      .post(`/claims/${original.id}/transitions`)
      .set(auth(editor))
      .send({ to: 'sourced', expectedVersion: original.version, sources: [{ url: 'https://port.example/figures' }] });
    expect(verdict.status).toBe(200);
    const offered = (await matchesOf(reworded.id)).find((m) => m.id === linked.id)!;
    expect(offered.status).toBe('sourced');
    const confirmed = await t
      .http()
      .post(`/claims/${reworded.id}/matches/${linked.id}/confirm`)
      .set(auth(editor))
      .send({});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('sourced');
  });

  it('re-sends matching that Redis lost: claims never matched are matched by the reconciler', async () => {
    const own = await postArticle(
      'Rail fares',
      'Rail fares rose 9 percent in 2024, the transport ministry said. Ticket sales fell 4 percent in the same year.',
    );
    const ids = own.map((c) => c.id);
    const matched = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE id = ANY($1) AND matched_at IS NOT NULL`, [ids]))
        .rows[0].n;
    await waitFor(async () => (await matched()) === ids.length, 'the claims to be matched');
    // As if their matching job had been flushed from Redis before it ran, a while ago.
    await t.db.query(`UPDATE claims SET matched_at = NULL, created_at = now() - interval '1 hour' WHERE id = ANY($1)`, [
      ids,
    ]);
    await t.redis.flushdb();

    await waitFor(async () => (await matched()) === ids.length, 'the reconciler to have them matched again', 30_000);
    expect(await matched()).toBe(ids.length);
  });

  it('answers not_found for a match of another claim and validation_failed for a bad verdict', async () => {
    const bus = claimWith(claims, 'bus lanes');
    const other = claimWith(claims, 'Unemployment');
    const [match] = await matchesOf(bus.id);
    const wrongClaim = await t
      .http()
      .post(`/claims/${other.id}/matches/${match.id}/confirm`)
      .set(auth(editor))
      .send({});
    expect(wrongClaim.status).toBe(404);
    const badVerdict = await t
      .http()
      .post(`/claims/${other.id}/matches/${match.id}/confirm`)
      .set(auth(editor))
      .send({ to: 'withdrawn' });
    expect(badVerdict.status).toBe(400);
    expect(badVerdict.body.code).toBe('validation_failed');
  });
  it('the search page finds claims and fact-checks by text, and filters them by kind, status, claimant and date', async () => {
    const search = (query: Record<string, string>, key = editor) =>
      t.http().get('/ui/search').query(query).set(auth(key));
    const idsIn = (text: string, attribute: string) =>
      [...text.matchAll(new RegExp(`${attribute}="([0-9a-f-]{36})"`, 'g'))].map((m) => m[1]);
    const birds = claimWith(claims, 'Wind turbines');
    const { rows: articles } = await t.db.query(`SELECT article_id FROM claims WHERE id = $1`, [birds.id]);

    const both = await search({ q: 'wind turbines birds' });
    expect(both.status).toBe(200);
    expect(both.text).toContain('href="/ui/search" aria-current="page"');
    expect(idsIn(both.text, 'data-claim-id')).toEqual([birds.id]);
    expect(both.text).toContain(`href="/ui/articles/${articles[0].article_id}?claim=${birds.id}"`);
    expect(both.text).toContain(`href="${ARCHIVE[3].url}"`);
    expect(both.text).not.toContain(`href="${ARCHIVE[0].url}"`);

    const factChecksOnly = await search({ q: 'wind turbines', kind: 'fact-checks' });
    expect(idsIn(factChecksOnly.text, 'data-claim-id')).toEqual([]);
    expect(idsIn(factChecksOnly.text, 'data-fact-check-id')).toHaveLength(1);
    const claimsOnly = await search({ q: 'wind turbines', kind: 'claims' });
    expect(idsIn(claimsOnly.text, 'data-fact-check-id')).toEqual([]);
    expect(idsIn(claimsOnly.text, 'data-claim-id')).toEqual([birds.id]);

    // A claim status filters claims (every disputed one, no other) and leaves out fact-checks, which have ratings.
    const { rows: disputed } = await t.db.query(`SELECT id FROM claims WHERE status = 'disputed' ORDER BY id`);
    expect(disputed.length).toBeGreaterThan(0);
    const byStatus = await search({ status: 'disputed' });
    expect(idsIn(byStatus.text, 'data-claim-id').sort()).toEqual(disputed.map((r) => r.id));
    expect(idsIn(byStatus.text, 'data-fact-check-id')).toEqual([]);

    const { rows: senators } = await t.db.query(
      `SELECT id FROM fact_checks WHERE claimant ILIKE '%senator%' ORDER BY id`,
    );
    expect(senators.length).toBeGreaterThanOrEqual(ARCHIVE.length);
    const byClaimant = await search({ kind: 'fact-checks', claimant: 'SENATOR' });
    expect(idsIn(byClaimant.text, 'data-fact-check-id').sort()).toEqual(senators.map((r) => r.id));
    // The claimant is matched as written: % is no wildcard.
    expect((await search({ kind: 'fact-checks', claimant: '%' })).text).toContain('No fact-checks match.');

    // Days are inclusive: the archive was published on 2024-03-01, the claims were found today.
    const onTheDay = await search({ kind: 'fact-checks', from: '2024-03-01', to: '2024-03-01' });
    expect(idsIn(onTheDay.text, 'data-fact-check-id')).toHaveLength(ARCHIVE.length);
    expect((await search({ kind: 'fact-checks', from: '2024-03-02', to: '2024-12-31' })).text).toContain(
      'No fact-checks match.',
    );
    expect((await search({ q: 'wind turbines', kind: 'claims', to: '2024-03-01' })).text).toContain('No claims match.');

    const bad = await search({ status: 'nonsense', from: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('text/html');
    const integrator = await search({}, await t.createKey('integrator'));
    expect(integrator.status).toBe(403);
  });

  // Last: each imports or publishes into the archive, and the re-match that follows renews the matches of the claims
  // above (their ids too), which the tests before them read and act on.
  it('takes an import whose new address another import writes first as an update, not a failure', async () => {
    const url = 'https://checks.example.org/raced';
    const item = {
      '@type': 'ClaimReview',
      url,
      claimReviewed: 'The harbour bridge toll doubled in 2023.',
      reviewRating: { '@type': 'Rating', alternateName: 'False' },
    };
    // The other import: its row written, not yet committed, when this one writes the same address.
    const other = await t.db.connect();
    try {
      await other.query('BEGIN');
      await other.query(
        `INSERT INTO fact_checks (url, claim_reviewed, claim_review) VALUES ($1, 'The toll rose.', '{"@type":"ClaimReview"}')`,
        [url],
      );
      const racing = importBody([item]).then((res) => res);
      await waitFor(async () => {
        const { rows } = await t.db.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%INSERT INTO fact_checks%' AND pid <> pg_backend_pid()`,
        );
        return rows.length > 0 ? true : null;
      }, 'the import to wait for the other’s row');
      await other.query('COMMIT');
      const answer = await racing;
      expect({ status: answer.status, body: answer.body }).toEqual({
        status: 200,
        body: { imported: 0, updated: 1, skipped: 0, errors: [] },
      });
    } finally {
      other.release();
    }
    const { rows } = await t.db.query(`SELECT claim_reviewed FROM fact_checks WHERE url = $1`, [url]);
    expect(rows).toEqual([{ claim_reviewed: item.claimReviewed }]);
  });

  it('publishes a verdict whose job Redis lost, and retires one a revision withdrew', async () => {
    const body = 'Bridge tolls rose 12 percent in 2024, the road agency said. Traffic fell 3 percent in the same year.';
    const post = (text: string) =>
      t
        .http()
        .post('/articles')
        .set(auth(editor))
        .send({ title: 'Bridge tolls', body: text, externalId: 'bridge-tolls', minCheckworthiness: 0 });
    const posted = await post(body);
    expect(posted.status).toBe(202);
    const tolls = await waitFor(async () => {
      const article = (await t.http().get(`/articles/${posted.body.id}`).set(auth(editor))).body;
      return article.status === 'ready'
        ? (article.claims as Claim[]).find((c) => c.text.includes('Bridge tolls'))
        : null;
    }, 'the claim of the bridge tolls');
    const claim = (await t.http().get(`/claims/${tolls.id}`).set(auth(editor))).body;
    const moved = await t
      .http()
      .post(`/claims/${tolls.id}/transitions`)
      .set(auth(editor))
      .send({ to: 'sourced', expectedVersion: claim.version, sources: [{ url: 'https://example.org/tolls' }] });
    expect(moved.status).toBe(200);
    const inArchive = async () =>
      (await t.db.query(`SELECT count(*)::int AS n FROM fact_checks WHERE source_claim_id = $1`, [tolls.id])).rows[0]
        .n as number;
    await waitFor(async () => ((await inArchive()) === 1 ? true : null), 'the desk’s fact-check');

    // As if its publication had been flushed from Redis before it ran: no entry, no mark, no job.
    await t.db.query(`DELETE FROM fact_checks WHERE source_claim_id = $1`, [tolls.id]);
    await t.db.query(`UPDATE claims SET archived_version = NULL WHERE id = $1`, [tolls.id]);
    await t.redis.flushdb();
    await waitFor(async () => ((await inArchive()) === 1 ? true : null), 'the reconciler to publish it', 30_000);

    // A revision without the sentence withdraws the claim: its verdict no longer stands, nor its fact-check.
    expect((await post('Traffic fell 3 percent in 2024, the road agency said.')).status).toBe(202);
    await waitFor(
      async () =>
        (await t.http().get(`/claims/${tolls.id}`).set(auth(editor))).body.status === 'withdrawn' ? true : null,
      'the claim to be withdrawn',
    );
    await waitFor(async () => ((await inArchive()) === 0 ? true : null), 'the withdrawn verdict to leave the archive');
  });
});
