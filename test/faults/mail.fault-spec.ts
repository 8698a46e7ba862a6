import { postArticles } from '../helpers/articles';
import { SmtpReceiver } from '../helpers/smtp-receiver';
import { startTestService, waitFor, type TestPerson, type TestService } from '../helpers/test-service';
import { report } from './fault-kit';

const REDIS_DB = 9;
const MENTIONS = 120;
const PEOPLE = 6;
const AT_ONCE = 8;

/**
 * The mail server goes away during a burst of mentions, comes back, goes away again and comes back, while two
 * workers send from the outbox: every mention's mail arrives exactly once. It stops only its own SMTP server,
 * never Postgres or Redis.
 */
describe('faults: the mail server down during a burst of mentions', () => {
  const smtp = new SmtpReceiver();
  let t: TestService;
  let people: TestPerson[];
  let editorKey: string;
  let claimId: string;

  beforeAll(async () => {
    await smtp.start();
    t = await startTestService(REDIS_DB, {
      name: 'faults-mail',
      env: {
        SMTP_URL: smtp.url,
        MAIL_POLL_MS: '100',
        MAIL_RETRY_BASE_MS: '100',
        MAIL_RETRY_MAX_MS: '500',
      },
    });
    await t.startWorker();
    const editor = await t.createPerson('editor', { name: 'Burst Editor' });
    const key = await t
      .http()
      .post('/admin/keys')
      .set('Authorization', `Bearer ${t.adminKey}`)
      .send({ name: 'burst', role: 'editor', ownerUserId: editor.id });
    editorKey = key.body.key;
    people = [];
    for (let i = 0; i < PEOPLE; i++) people.push(await t.createPerson('editor'));
    const [articleId] = await postArticles(t, editorKey, 1, { minCheckworthiness: 0 });
    claimId = await waitFor(
      async () =>
        (await t.http().get(`/articles/${articleId}`).set('Authorization', `Bearer ${editorKey}`)).body.claims?.[0]?.id,
      'a claim to comment on',
    );
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
  });

  it('loses no mail and doubles none', async () => {
    await smtp.stop();
    const expected = new Map<string, number>();
    const failures: string[] = [];
    let next = 0;
    const post = async () => {
      for (let n = next++; n < MENTIONS; n = next++) {
        if (n === MENTIONS / 3) await smtp.start(smtp.port);
        if (n === (2 * MENTIONS) / 3) await smtp.stop();
        const mentioned = [people[n % PEOPLE], people[(n + 1 + (n % 3)) % PEOPLE]];
        const res = await t
          .http()
          .post(`/claims/${claimId}/comments`)
          .set('Authorization', `Bearer ${editorKey}`)
          .send({ body: `burst ${n}`, mentions: [...new Set(mentioned.map((p) => p.id))] });
        if (res.status !== 201) failures.push(`${n}: ${res.status}`);
        for (const p of new Set(mentioned)) expected.set(p.email, (expected.get(p.email) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, post));
    expect(failures).toEqual([]);
    // Down long enough that every mail still waiting is refused at least once more.
    await waitFor(
      async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE sent_at IS NULL AND attempts = 0`)).rows[0]
          .n === 0,
      'every waiting mail to have been tried against the stopped server',
    );
    await smtp.start(smtp.port);
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    await waitFor(
      async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM mail_outbox WHERE sent_at IS NULL`)).rows[0].n === 0,
      'the outbox to empty',
      60_000,
    );
    const { rows } = await t.db.query(
      `SELECT count(*)::int AS mails, max(attempts)::int AS "maxAttempts" FROM mail_outbox`,
    );
    const ids = smtp.received.map((m) => m.messageId);
    const doubled = ids.length - new Set(ids).size;
    const outboxIds = new Set(
      (await t.db.query(`SELECT message_id FROM mail_outbox`)).rows.map((r: { message_id: string }) => r.message_id),
    );
    const lost = [...outboxIds].filter((id) => !ids.includes(id)).length;
    report(
      `SMTP down during ${MENTIONS} mentions (${total} mails, 2 workers) — received ${ids.length}, ` +
        `lost ${lost}, duplicated ${doubled} (most tries of one mail: ${rows[0].maxAttempts})`,
    );
    expect(rows[0].mails).toBe(total);
    expect(lost).toBe(0);
    expect(doubled).toBe(0);
    for (const [email, count] of expected)
      expect({ email, mails: smtp.to(email).length }).toEqual({ email, mails: count });
    expect(rows[0].maxAttempts).toBeGreaterThan(1);
  });
});
