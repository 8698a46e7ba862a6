import { postArticles } from '../test/helpers/articles';
import { personKey } from '../test/helpers/notices';
import { SmtpReceiver } from '../test/helpers/smtp-receiver';
import { startTestService, waitFor, type TestService } from '../test/helpers/test-service';
import { drain, elapsedMs, percentile, round } from './lib/stats';

const PEOPLE = 20;
const ARTICLES = 250;
const CLAIMS_PER_ASSIGNMENT = 50;
const COMMENTS = 100;
const AT_ONCE = 4;

export interface FanOutFigures {
  /** Notices the requests raised (each with its mail in the outbox, written in the request's transaction). */
  notices: number;
  requestP50Ms: number;
  requestP95Ms: number;
  /** Notices written per second while the requests ran. */
  noticesPerSec: number;
  /** From the first request to the last mail accepted by the SMTP server: mails per second, end to end. */
  mailsPerSec: number;
}

export interface NotificationsBenchResult {
  people: number;
  /** An editor's bulk assignments by hand, 50 claims a request, each claim a notice and a mail to its reviewer. */
  assignments: FanOutFigures;
  /** Comments each mentioning every person: a notice and a mail to each. */
  mentions: FanOutFigures;
}

const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

/** Sends the requests `AT_ONCE` at a time, then waits for their mails at the SMTP server. */
async function fanOut(
  smtp: SmtpReceiver,
  requests: (() => Promise<number>)[],
  expectedMails: number,
): Promise<FanOutFigures> {
  const mailsBefore = smtp.received.length;
  const latencies: number[] = [];
  let notices = 0;
  const started = process.hrtime.bigint();
  const seconds = await drain(requests, AT_ONCE, async (send) => {
    const sent = process.hrtime.bigint();
    const raised = await send();
    notices += raised;
    latencies.push(elapsedMs(sent));
  });
  await waitFor(
    async () => smtp.received.length - mailsBefore >= expectedMails,
    `${expectedMails} mails at the SMTP server`,
    300_000,
  );
  const mailSeconds = elapsedMs(started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    notices,
    requestP50Ms: round(percentile(latencies, 50)),
    requestP95Ms: round(percentile(latencies, 95)),
    noticesPerSec: Math.round(notices / seconds),
    mailsPerSec: Math.round(expectedMails / mailSeconds),
  };
}

async function unassignedClaims(t: TestService, count: number): Promise<string[]> {
  return waitFor(
    async () => {
      const { rows } = await t.db.query(
        `SELECT id FROM claims WHERE assignee_id IS NULL AND status = 'unverified'
           AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.extracted_revision < a.revision)`,
      );
      return rows.length >= count ? rows.slice(0, count).map((r: { id: string }) => r.id) : null;
    },
    `${count} claims extracted`,
    300_000,
  );
}

/**
 * The notification fan-out against the real api and worker, Postgres, Redis and a real SMTP server on loopback: how
 * fast requests that tell many people write their notices and mails, and how fast the worker delivers them.
 */
export async function runNotificationsBench(): Promise<NotificationsBenchResult> {
  const smtp = new SmtpReceiver();
  await smtp.start();
  const t = await startTestService(14, {
    name: 'bench-notifications',
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Desk <desk@example.org>',
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: 'error',
    },
  });
  try {
    const editor = await t.createPerson('editor', { name: 'Bench Editor' });
    const editorKey = await personKey(t, editor, 'editor');
    // Capacity 0: the desk hands them nothing itself, so every assignment is the editor's, by hand.
    const people = [];
    for (let i = 0; i < PEOPLE; i++) {
      const reviewer = await t.createReviewer({ capacity: 0 });
      const person = await t.createPerson('reviewer', { name: `Bench Reviewer ${i}`, reviewerId: reviewer.id });
      const key = await personKey(t, person, 'reviewer');
      const chosen = await t
        .http()
        .put('/notifications/preferences')
        .set(auth(key))
        .send({ kinds: { assigned: 'immediately', mentioned: 'immediately' } });
      if (chosen.status !== 200) throw new Error(`preferences: ${chosen.status} ${chosen.text}`);
      people.push({ userId: person.id, reviewerId: reviewer.id });
    }
    await postArticles(t, editorKey, ARTICLES, { minCheckworthiness: 0 });
    const claims = await unassignedClaims(t, PEOPLE * CLAIMS_PER_ASSIGNMENT);

    const assignments = await fanOut(
      smtp,
      people.map(({ reviewerId }, i) => async () => {
        const ids = claims.slice(i * CLAIMS_PER_ASSIGNMENT, (i + 1) * CLAIMS_PER_ASSIGNMENT);
        const res = await t
          .http()
          .post('/claims/bulk')
          .set(auth(editorKey))
          .send({ ids, action: 'assign', reviewerId });
        const done = res.body.results?.filter((r: { ok: boolean }) => r.ok).length;
        if (res.status !== 200 || done !== ids.length) throw new Error(`bulk assign: ${res.status} ${res.text}`);
        return ids.length;
      }),
      PEOPLE * CLAIMS_PER_ASSIGNMENT,
    );

    const mentioned = people.map((p) => p.userId);
    const mentions = await fanOut(
      smtp,
      Array.from({ length: COMMENTS }, (_, i) => async () => {
        const res = await t
          .http()
          .post(`/claims/${claims[i]}/comments`)
          .set(auth(editorKey))
          .send({ body: `A second look, please (${i})`, mentions: mentioned });
        if (res.status !== 201) throw new Error(`comment: ${res.status} ${res.text}`);
        return mentioned.length;
      }),
      COMMENTS * PEOPLE,
    );
    return { people: PEOPLE, assignments, mentions };
  } finally {
    await t.close();
    await smtp.stop();
  }
}

if (require.main === module) {
  runNotificationsBench().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
