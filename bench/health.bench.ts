import { startTestService, waitFor } from '../test/helpers/test-service';
import { percentile, round } from './lib/stats';

const ARTICLE_CHARS = 1_000_000;
const IDLE_PROBES = 300;

export interface HealthBenchResult {
  idleP50Ms: number;
  idleP99Ms: number;
  busyP50Ms: number;
  busyP99Ms: number;
  busyMaxMs: number;
  probes: number;
  extractionSeconds: number;
  sentences: number;
  claims: number;
  /** Busy p99 over idle p99: how much a huge extraction slows the process's other work. */
  ratio: number;
}

/** A 1 MB article of short sentences, like the outside probe's: about 50,000 of them. */
function hugeArticle(): string {
  const sentences: string[] = [];
  for (let i = 0, length = 0; length < ARTICLE_CHARS - 40; i++) {
    const sentence = `Sales rose ${i % 97} percent in ${1990 + (i % 35)}.`;
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return sentences.join(' ');
}

async function timedHealth(url: string): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetch(`${url}/health`);
  await response.arrayBuffer();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * `/health` latency of one `npm start` process (api and worker together) while it extracts a 1 MB article, against
 * the same probe while it is idle. The caps are lifted so the probe's article is accepted.
 */
export async function runHealthBench(): Promise<HealthBenchResult> {
  const t = await startTestService(15, {
    singleProcess: true,
    name: 'bench-health',
    env: { MAX_ARTICLE_SENTENCES: '100000', MAX_ARTICLE_CLAIMS: '100000', LOG_LEVEL: 'warn' },
  });
  try {
    const editor = await t.createKey('editor');
    await t.createReviewer({ capacity: 10_000 });
    const idle: number[] = [];
    for (let i = 0; i < IDLE_PROBES; i++) idle.push(await timedHealth(t.url));

    const body = hugeArticle();
    const started = Date.now();
    const posted = await t
      .http()
      .post('/articles')
      .set('Authorization', `Bearer ${editor}`)
      .send({ title: 'Huge', body });
    if (posted.status !== 202)
      throw new Error(`the huge article was not accepted: ${posted.status} ${JSON.stringify(posted.body)}`);
    const busy: number[] = [];
    let done = false;
    const probing = (async () => {
      while (!done) busy.push(await timedHealth(t.url));
    })();
    const article = await waitFor(
      async () => {
        const rows = (await t.db.query(`SELECT status FROM articles WHERE id = $1`, [posted.body.id])).rows;
        return rows[0]?.status === 'ready' || rows[0]?.status === 'failed' ? rows[0] : null;
      },
      'the huge article to be extracted',
      300_000,
    );
    const extractionSeconds = (Date.now() - started) / 1000;
    done = true;
    await probing;
    if (article.status !== 'ready') throw new Error('the huge article failed to extract');
    const claims = (await t.db.query(`SELECT count(*)::int AS n FROM claims WHERE article_id = $1`, [posted.body.id]))
      .rows[0].n;
    idle.sort((a, b) => a - b);
    busy.sort((a, b) => a - b);
    return {
      idleP50Ms: round(percentile(idle, 50), 1),
      idleP99Ms: round(percentile(idle, 99), 1),
      busyP50Ms: round(percentile(busy, 50), 1),
      busyP99Ms: round(percentile(busy, 99), 1),
      busyMaxMs: round(busy[busy.length - 1], 1),
      probes: busy.length,
      extractionSeconds: round(extractionSeconds, 1),
      sentences: body.split('. ').length,
      claims,
      ratio: round(percentile(busy, 99) / percentile(idle, 99), 1),
    };
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  void runHealthBench().then((result) => {
    console.log(
      `health: idle p99 ${result.idleP99Ms} ms; while extracting a 1 MB article (${result.sentences} sentences, ${result.claims} claims, ${result.extractionSeconds} s): p50 ${result.busyP50Ms} ms, p99 ${result.busyP99Ms} ms, max ${result.busyMaxMs} ms over ${result.probes} probes`,
    );
    console.log(JSON.stringify(result));
  });
}
