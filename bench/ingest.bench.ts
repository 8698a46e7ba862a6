import type { ConfigService } from '@nestjs/config';
import { Queue } from 'bullmq';
import { resolve } from 'node:path';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { CANDIDATE } from '../src/claims/claim-status';
import { ClaimsRepository } from '../src/claims/claims.repository';
import { DEFAULT_CANDIDATE_FLOOR, type Environment } from '../src/config/environment';
import { dataSourceOptions } from '../src/database/data-source';
import { ReadDatabase } from '../src/database/read-database';
import { ClaimMatchingService } from '../src/fact-checks/claim-matching.service';
import { FactCheckSearchService } from '../src/fact-checks/fact-check-search.service';
import { FactCheckSentenceVectorsRepository } from '../src/fact-checks/fact-check-sentence-vectors.repository';
import { SentenceEncoder } from '../src/fact-checks/sentence-encoder';
import { SentenceSimilarityService } from '../src/fact-checks/sentence-similarity.service';
import { FactChecksRepository } from '../src/fact-checks/fact-checks.repository';
import { assignClaimJobOptions } from '../src/queue/job-options';
import {
  ARTICLE_EXTRACTION_QUEUE,
  CLAIM_MATCHING_QUEUE,
  CLAIM_REVIEW_QUEUE,
  JOB_ASSIGN_CLAIM,
} from '../src/queue/queue-names';
import { redisOptionsFromUrl } from '../src/queue/redis-connection';
import { startTestService, waitFor, type TestService } from '../test/helpers/test-service';
import { realArticles } from './lib/corpus';
import { drain, round } from './lib/stats';

const ARTICLES = 150;
/** Articles posted at once, and the worker's extraction jobs at once (EXTRACTION_CONCURRENCY's default). */
const CONCURRENCY = 16;
const ROOT = resolve(__dirname, '..');

/** Each stage of the pipeline alone at full speed on the same articles, in articles/s. */
export interface IngestStages {
  extraction: number;
  rawWrites: number;
  matching: number;
}

export interface IngestBenchResult {
  ratio: number;
  articlesPerSec: number;
  claimsPerSec: number;
  rawArticlesPerSec: number;
  /** The slowest stage's articles/s: what the pipeline could do were its stages free to overlap perfectly. */
  stageLimit: number;
  stages: IngestStages;
  /** The service's articles/s ÷ stageLimit. */
  stageRatio: number;
}

/** Settings as the bench's worker has them: none set, so each has its default (no replica, threads = cores). */
const DEFAULT_SETTINGS = { get: () => undefined } as unknown as ConfigService<Environment, true>;

interface ClaimRow {
  id: string;
  status: string;
  article_id: string;
  revision: number;
  ordinal: number;
  text: string;
  start: number;
  end: number;
  sentence_index: number;
  checkworthiness: number;
  type: string;
  claimant: string | null;
  entities: unknown;
}

/**
 * Real articles posted over HTTP (an api and a worker process, whose extraction threads cover every core, as the
 * deployment section has it) until every claim is in Postgres and queued, against the raw limit: the same article and
 * claim rows written by plain INSERTs and the same jobs by addBulk, once the worker's matching has drained so it
 * does not slow the raw run.
 */
export async function runIngestBench(): Promise<IngestBenchResult> {
  // A crowded machine can take longer than the default 20 s to load a worker's modules.
  const t = await startTestService(15, {
    worker: false,
    name: 'bench-ingest',
    startTimeoutMs: 120_000,
    env: { LOG_LEVEL: 'error', RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  try {
    await t.startWorker();
    const editor = await t.createKey('editor');
    const articles = realArticles(ARTICLES);
    const started = process.hrtime.bigint();
    await drain(articles, CONCURRENCY, async (article) => {
      const response = await fetch(`${t.url}/articles`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${editor}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(article),
      });
      if (response.status !== 202) throw new Error(`POST /articles → ${response.status} ${await response.text()}`);
    });
    await waitFor(
      async () =>
        (await t.db.query(`SELECT count(*)::int AS n FROM articles WHERE status = 'ready'`)).rows[0].n === ARTICLES,
      'every article extracted',
      300_000,
    );
    await waitFor(
      async () => (await queueIdle(t, ARTICLE_EXTRACTION_QUEUE)) || null,
      'the extraction queue to drain',
      60_000,
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    await waitFor(
      async () => (await queueIdle(t, CLAIM_MATCHING_QUEUE)) || null,
      'the matching queue to drain',
      300_000,
    );
    const claims: ClaimRow[] = (await t.db.query(`SELECT * FROM claims ORDER BY article_id, ordinal`)).rows;
    // Each stage alone, while the service idles; matching before the raw writes add claims of the same texts.
    const extraction = await extractionAlone(articles);
    const matching = await matchingAlone(t, claims);
    const raw = await rawIngest(t, claims);
    const articlesPerSec = ARTICLES / seconds;
    const stageLimit = Math.min(extraction, raw, matching);
    return {
      ratio: round(articlesPerSec / raw),
      articlesPerSec: round(articlesPerSec, 1),
      claimsPerSec: Math.round(claims.length / seconds),
      rawArticlesPerSec: round(raw, 1),
      stageLimit: round(stageLimit, 1),
      stages: { extraction: round(extraction, 1), rawWrites: round(raw, 1), matching: round(matching, 1) },
      stageRatio: round(articlesPerSec / stageLimit),
    };
  } finally {
    await t.close();
  }
}

async function queueIdle(t: TestService, name: string): Promise<boolean> {
  const response = await t.http().get('/admin/queues').set('Authorization', `Bearer ${t.adminKey}`);
  const queue = response.body.items.find((q: { name: string }) => q.name === name);
  return queue.waiting === 0 && queue.active === 0 && queue.delayed === 0;
}

/**
 * Extraction alone, as the worker runs it and with no database: the build's extraction pool (its threads, as many as
 * the cores, each loading the model; long bodies cut into pieces), 16 articles at once as the worker's extraction
 * jobs, with the worker's options (the model's threshold, the default candidate floor).
 */
async function extractionAlone(articles: { body: string }[]): Promise<number> {
  // The build's module, as the worker loads it: the pool's threads run the built extraction-thread.js beside it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ExtractionPool } = require(
    resolve(ROOT, 'dist/src/extraction/extraction-pool.service.js'),
  ) as typeof import('../src/extraction/extraction-pool.service');
  const pool = new ExtractionPool(DEFAULT_SETTINGS);
  try {
    await pool.warmUp();
    const options = { minCheckworthiness: await pool.modelThreshold(), candidateFloor: DEFAULT_CANDIDATE_FLOOR };
    const seconds = await drain(articles, CONCURRENCY, async (article) => {
      await pool.extract(article.body, options);
    });
    return articles.length / seconds;
  } finally {
    await pool.onModuleDestroy();
  }
}

/**
 * Matching alone: per article, what the worker's matching job reads — its claims, then for each one to review the
 * same-text claims and the fact-check search (`ClaimMatchingService`'s own per-claim step) — against this bench's
 * database as the service left it, one article at a time as the worker's matching consumer takes its jobs. The
 * job's writes (its suggestions) are left out: the stage measured is the search.
 */
async function matchingAlone(t: TestService, claims: ClaimRow[]): Promise<number> {
  const byArticle = new Map<string, string[]>();
  for (const claim of claims) byArticle.set(claim.article_id, [...(byArticle.get(claim.article_id) ?? []), claim.id]);
  const dataSource = new DataSource(dataSourceOptions(t.env.DATABASE_URL, 2));
  await dataSource.initialize();
  try {
    const repository = new FactChecksRepository(dataSource);
    const matching = new ClaimMatchingService(
      repository,
      new FactCheckSearchService(repository),
      new ClaimsRepository(dataSource, new ReadDatabase(dataSource, DEFAULT_SETTINGS, console)),
      // The bench's archive is empty: nothing is encoded, so no encoder thread starts.
      new SentenceSimilarityService(new FactCheckSentenceVectorsRepository(dataSource), new SentenceEncoder()),
    );
    const matchArticle = async (claimIds: string[]) => {
      const toMatch = (await repository.claimsForMatching(claimIds)).filter((claim) => claim.status !== CANDIDATE);
      // The worker's own per-claim step (private: its callers are the job and this bench).
      for (const claim of toMatch) await matching['matchesFor'](claim);
    };
    const articles = [...byArticle.values()];
    // Warm-up: the first search loads the word vectors, which the worker did long before.
    await matchArticle(articles[0]);
    const seconds = await drain(articles, 1, matchArticle);
    // Articles with no claim cost the job nothing: they count, as they do in the service's articles/s.
    return ARTICLES / seconds;
  } finally {
    await dataSource.destroy();
  }
}

/** The raw limit: per article one transaction with its row and one multi-row INSERT of its claims, then addBulk of their jobs. */
async function rawIngest(t: TestService, claims: ClaimRow[]): Promise<number> {
  const byArticle = new Map<string, ClaimRow[]>();
  for (const claim of claims) byArticle.set(claim.article_id, [...(byArticle.get(claim.article_id) ?? []), claim]);
  const sources = (await t.db.query(`SELECT id, owner_id, content_hash, title, body FROM articles`)).rows;
  const pool = new Pool({ connectionString: t.env.DATABASE_URL, max: CONCURRENCY });
  const queue = new Queue(CLAIM_REVIEW_QUEUE, {
    connection: redisOptionsFromUrl(t.env.REDIS_URL),
    prefix: `${t.env.QUEUE_PREFIX}-raw`,
  });
  try {
    const seconds = await drain(sources, CONCURRENCY, async (article) => {
      const rows = byArticle.get(article.id) ?? [];
      const client = await pool.connect();
      let ids: { id: string; checkworthiness: number }[] = [];
      try {
        await client.query('BEGIN');
        const inserted = await client.query(
          `INSERT INTO articles (owner_id, content_hash, title, body, status, extracted_revision) VALUES ($1, $2, $3, $4, 'ready', 1) RETURNING id`,
          [article.owner_id, `raw-${article.content_hash}`, article.title, article.body],
        );
        if (rows.length > 0) {
          const values = rows.map(
            (_, i) =>
              `($1, 1, $${i * 10 + 2}, $${i * 10 + 3}, $${i * 10 + 4}, $${i * 10 + 5}, $${i * 10 + 6}, $${i * 10 + 7}, $${i * 10 + 8}, $${i * 10 + 9}, $${i * 10 + 10}, $${i * 10 + 11})`,
          );
          const params = rows.flatMap((c) => [
            c.ordinal,
            c.text,
            c.start,
            c.end,
            c.sentence_index,
            c.checkworthiness,
            c.type,
            c.claimant,
            JSON.stringify(c.entities),
            'unverified',
          ]);
          ids = (
            await client.query(
              `INSERT INTO claims (article_id, revision, ordinal, text, start, "end", sentence_index, checkworthiness, type, claimant, entities, status)
               VALUES ${values.join(', ')} RETURNING id, checkworthiness`,
              [inserted.rows[0].id, ...params],
            )
          ).rows;
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      await queue.addBulk(
        ids.map((c) => ({
          name: JOB_ASSIGN_CLAIM,
          data: { claimId: c.id },
          opts: assignClaimJobOptions(c.id, c.checkworthiness),
        })),
      );
    });
    return sources.length / seconds;
  } finally {
    await queue.close();
    await pool.end();
  }
}

if (require.main === module) {
  runIngestBench().then(
    (r) => {
      console.log(
        `ingest: ${r.articlesPerSec} articles/s, ${r.claimsPerSec} claims/s vs raw ${r.rawArticlesPerSec} articles/s → ratio ${r.ratio} (target ≥ 0.5)`,
      );
      console.log(
        `ingest, stages alone: extraction ${r.stages.extraction}, raw writes ${r.stages.rawWrites}, matching ${r.stages.matching} articles/s → stage limit ${r.stageLimit} articles/s, stage ratio ${r.stageRatio} (target ≥ 0.7)`,
      );
      console.log(JSON.stringify(r));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
