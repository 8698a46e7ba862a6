import { postCouncilBudget } from './helpers/articles';
import { startTestService, type TestService } from './helpers/test-service';

interface Claim {
  id: string;
  version: number;
  claimant: string | null;
  claimantKind: 'person' | 'organization' | null;
}

describe('claimant: a person or an organization, as the extractor reads it and an editor corrects it', () => {
  let t: TestService;
  let editor: string;
  let claims: Claim[];

  const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
  const claimReviewAuthor = async (id: string) =>
    (await t.http().get(`/claims/${id}/claimreview`).set(auth(editor))).body.itemReviewed.author;

  beforeAll(async () => {
    t = await startTestService(2);
    editor = await t.createKey('editor');
    claims = await postCouncilBudget<Claim>(t, editor);
  }, 120_000);

  afterAll(() => t?.close());

  it('reads a titled name as a person and a ministry as an organization', () => {
    expect(claims.map((c) => [c.claimant, c.claimantKind])).toEqual([
      ['Judge Maria Delgado', 'person'],
      ['the regional health ministry', 'organization'],
    ]);
  });

  it('types the ClaimReview author as the claimant kind, and follows an editor’s correction with its history', async () => {
    const [judge] = claims;
    const moved = await t
      .http()
      .post(`/claims/${judge.id}/transitions`)
      .set(auth(editor))
      .send({ to: 'sourced', expectedVersion: judge.version, sources: [{ url: 'https://city.example/budget' }] });
    expect(moved.status).toBe(200);
    expect(await claimReviewAuthor(judge.id)).toEqual({ '@type': 'Person', name: 'Judge Maria Delgado' });

    const corrected = await t
      .http()
      .put(`/claims/${judge.id}/claimant`)
      .set(auth(editor))
      .send({ claimant: 'City Court', kind: 'organization' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ claimant: 'City Court', claimantKind: 'organization' });
    // Not a move: a reviewer holding the claim's version is not made stale by it.
    expect(corrected.body.version).toBe(moved.body.version);
    expect(await claimReviewAuthor(judge.id)).toEqual({ '@type': 'Organization', name: 'City Court' });

    const events = (await t.http().get(`/claims/${judge.id}/events`).set(auth(editor))).body.items;
    expect(events.at(-1)).toMatchObject({
      type: 'claimant_changed',
      note: 'Claimant: Judge Maria Delgado (person) → City Court (organization)',
    });

    // Only the kind: the name stays; null kind goes back to what the name reads as.
    const kindOnly = await t.http().put(`/claims/${judge.id}/claimant`).set(auth(editor)).send({ kind: null });
    expect(kindOnly.body).toMatchObject({ claimant: 'City Court', claimantKind: 'organization' });
    const renamed = await t.http().put(`/claims/${judge.id}/claimant`).set(auth(editor)).send({ claimant: 'Ana Ruiz' });
    expect(renamed.body).toMatchObject({ claimant: 'Ana Ruiz', claimantKind: 'person' });

    // No claimant: the article itself speaks, and the ClaimReview names no author.
    await t.http().put(`/claims/${judge.id}/claimant`).set(auth(editor)).send({ claimant: null });
    expect(await claimReviewAuthor(judge.id)).toBeUndefined();
  });

  it('refuses a kind it does not know, an empty correction, and reviewers', async () => {
    const [, ministry] = claims;
    const put = (key: string, body: object) =>
      t.http().put(`/claims/${ministry.id}/claimant`).set(auth(key)).send(body);
    const badKind = await put(editor, { kind: 'robot' });
    expect([badKind.status, badKind.body.code]).toEqual([400, 'validation_failed']);
    const empty = await put(editor, {});
    expect([empty.status, empty.body.code]).toEqual([400, 'validation_failed']);
    const blank = await put(editor, { claimant: '   ' });
    expect(blank.status).toBe(400);
    const reviewer = await t.createReviewer();
    expect((await put(reviewer.key, { kind: 'person' })).status).toBe(403);
    const unchanged = await t.http().get(`/claims/${ministry.id}`).set(auth(editor));
    expect(unchanged.body).toMatchObject({ claimant: 'the regional health ministry', claimantKind: 'organization' });
  });
});
