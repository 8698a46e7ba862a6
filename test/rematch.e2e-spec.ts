import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startTestService, waitFor, type TestService } from './helpers/test-service';

interface Match {
  kind: string;
  url: string | null;
}

const review = (n: number, claimReviewed: string) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://checks.example.org/rematch/${n}`,
  claimReviewed,
  reviewRating: { '@type': 'Rating', alternateName: 'False' },
  datePublished: '2024-03-01T00:00:00Z',
  author: { '@type': 'Organization', name: 'Example Checks' },
});

const BUS = review(1, 'The city council spent 40 million dollars on new bus lanes in 2023.');
const JOBS = review(2, 'Unemployment in the region fell to 4.1 percent in March 2024.');

describe('re-match after an import: claims already in the desk learn of new fact-checks', () => {
  let t: TestService;
  let editor: string;
  let dir: string;
  let claims: { id: string; text: string }[];

  const auth = () => ({ Authorization: `Bearer ${editor}` });
  const matchesOf = async (claimId: string): Promise<Match[]> =>
    (await t.http().get(`/claims/${claimId}/matches`).set(auth())).body.items;
  const claimWith = (words: string) => claims.find((c) => c.text.includes(words))!;
  const cliImport = async (file: string) =>
    (
      await promisify(execFile)(
        process.execPath,
        [resolve(__dirname, '../dist/src/cli.js'), 'fact-checks:import', file],
        {
          env: { ...process.env, ...t.env },
        },
      )
    ).stdout;
  const pendingImports = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM fact_check_imports WHERE rematched_at IS NULL`)).rows[0].n;
  /** What the stored sentence vectors of a fact-check were encoded from, or null when it is not encoded. */
  const encodedFrom = async (url: string): Promise<string | null> =>
    (
      await t.db.query(
        `SELECT v.fingerprint FROM fact_check_sentence_vectors v JOIN fact_checks f ON f.id = v.fact_check_id WHERE f.url = $1`,
        [url],
      )
    ).rows[0]?.fingerprint ?? null;

  beforeAll(async () => {
    t = await startTestService(13, { name: 'rematch' });
    editor = await t.createKey('editor');
    dir = mkdtempSync(join(tmpdir(), 'claimdesk-rematch-'));
    const posted = await t.http().post('/articles').set(auth()).send({
      title: 'Council and jobs',
      body: 'The city council spent 40 million dollars on new bus lanes in 2023, the mayor said. Unemployment in the region fell to 4.1 percent in March 2024.',
      minCheckworthiness: 0,
    });
    expect(posted.status).toBe(202);
    claims = await waitFor(async () => {
      const article = (await t.http().get(`/articles/${posted.body.id}`).set(auth())).body;
      return article.status === 'ready' && article.claims.length >= 2 ? article.claims : null;
    }, 'the claims');
    // Extracted and matched against an archive that does not hold their fact-checks yet.
    await waitFor(
      async () =>
        (
          await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE article_id = $1 AND matched_at IS NULL`, [
            posted.body.id,
          ])
        ).rows[0].n === 0,
      'the claims to be matched',
    );
    expect(await matchesOf(claimWith('bus lanes').id)).toEqual([]);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  });

  it('an import from the CLI suggests its fact-check to the claim posted before it, and to no other', async () => {
    const file = join(dir, 'bus.json');
    writeFileSync(file, JSON.stringify([BUS]));
    expect(await cliImport(file)).toContain('imported 1, updated 0, skipped 0');
    const bus = await waitFor(async () => {
      const items = await matchesOf(claimWith('bus lanes').id);
      return items.length > 0 ? items : null;
    }, 'the bus-lane claim to be offered the new fact-check');
    expect(bus).toEqual([expect.objectContaining({ kind: 'fact-check', url: BUS.url })]);
    await waitFor(async () => (await pendingImports()) === 0, 'the import to be marked re-matched');
    expect(await matchesOf(claimWith('Unemployment').id)).toEqual([]);
    // The re-match encoded the imported fact-check, so the next claims' matching finds it ready.
    expect(await encodedFrom(BUS.url)).not.toBeNull();
  });

  it('importing the same file again adds no duplicate suggestion', async () => {
    const file = join(dir, 'bus.json');
    expect(await cliImport(file)).toContain('imported 0, updated 0, skipped 1');
    const again = await t.http().post('/fact-checks/import').set(auth()).send([BUS]);
    expect(again.body).toMatchObject({ imported: 0, skipped: 1 });
    // A changed item is re-matched again, and encoded again: still one suggestion, not two.
    const encodedBefore = await encodedFrom(BUS.url);
    const changed = await t
      .http()
      .post('/fact-checks/import')
      .set(auth())
      .send([{ ...BUS, headline: 'Bus lanes: what they cost' }]);
    expect(changed.body).toMatchObject({ updated: 1 });
    await waitFor(async () => (await pendingImports()) === 0, 'the changed import to be re-matched');
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS n FROM claim_matches m JOIN fact_checks f ON f.id = m.fact_check_id WHERE f.url = $1`,
      [BUS.url],
    );
    expect(rows[0].n).toBe(1);
    expect(await matchesOf(claimWith('bus lanes').id)).toEqual([expect.objectContaining({ url: BUS.url })]);
    expect(await encodedFrom(BUS.url)).not.toBe(encodedBefore);
    expect(await encodedFrom(BUS.url)).not.toBeNull();
  });

  it('an import whose re-match Redis lost is re-matched by the reconciler from its row', async () => {
    const [worker] = t.workers;
    await t.stopWorker(worker);
    const imported = await t.http().post('/fact-checks/import').set(auth()).send([JOBS]);
    expect(imported.body).toMatchObject({ imported: 1 });
    // As if the job had been flushed from Redis a while ago.
    await t.redis.flushdb();
    await t.db.query(`UPDATE fact_check_imports SET created_at = now() - interval '1 hour' WHERE rematched_at IS NULL`);
    expect(await pendingImports()).toBe(1);

    await t.startWorker();
    const jobs = await waitFor(async () => {
      const items = await matchesOf(claimWith('Unemployment').id);
      return items.length > 0 ? items : null;
    }, 'the reconciler to re-match the lost import');
    expect(jobs).toEqual([expect.objectContaining({ kind: 'fact-check', url: JOBS.url })]);
  });
});
