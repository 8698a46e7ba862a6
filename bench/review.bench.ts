import { Pool } from 'pg';
import { startTestService, type TestService } from '../test/helpers/test-service';
import { seedClaims } from './lib/seed';
import { drain, elapsedMs, percentile, round } from './lib/stats';

const REVIEWERS = 50;
const MOVES = 4000;
const SOURCES = [{ url: 'https://example.org/source', title: 'Bench source' }];

export interface ServiceMoves {
  movesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ratio: number;
}

/** The two ways a reviewer works: pull, then verdict (two requests a move), or verdict-and-next (one). */
export interface ReviewBenchResult extends ServiceMoves {
  oneRequest: ServiceMoves;
  rawMovesPerSec: number;
}

type Call = (key: string, path: string, body?: unknown) => Promise<Record<string, unknown>>;

/** 50 reviewers pull and move claims over HTTP, against a plain SQL loop doing the same UPDATE + INSERT transactions. */
export async function runReviewBench(): Promise<ReviewBenchResult> {
  const t = await startTestService(13, {
    worker: false,
    name: 'bench-review',
    env: { RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'error', DATABASE_POOL_SIZE: '20' },
  });
  try {
    const reviewers = await Promise.all(Array.from({ length: REVIEWERS }, () => t.createReviewer({ capacity: 1000 })));
    const call: Call = async (key, path, body) => {
      const response = await fetch(`${t.url}${path}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      if (response.status >= 300) throw new Error(`${path} → ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const twoRequests = await serviceMoves(t, reviewers, 'pull then verdict', (key) => pullThenMove(call, key));
    const oneRequest = await serviceMoves(t, reviewers, 'verdict and next', (key) => moveThenNext(call, key));
    const raw = await rawMoves(t);
    const ratioOf = (moves: Omit<ServiceMoves, 'ratio'>) => ({ ...moves, ratio: round(moves.movesPerSec / raw) });
    return { ...ratioOf(twoRequests), oneRequest: ratioOf(oneRequest), rawMovesPerSec: Math.round(raw) };
  } finally {
    await t.close();
  }
}

/** A reviewer's loop: each call of the returned step makes one move and gives the milliseconds its verdict took. */
type Lane = (key: string) => () => Promise<number>;

/** `POST /review/next`, then `POST /claims/:id/transitions`; the latency is the verdict's. */
const pullThenMove = (call: Call, key: string) => async () => {
  const claim = await call(key, '/review/next');
  const started = process.hrtime.bigint();
  await call(key, `/claims/${claim.id}/transitions`, {
    to: 'sourced',
    expectedVersion: claim.version,
    sources: SOURCES,
  });
  return elapsedMs(started);
};

/** One pull to start, then `POST /review/claims/:id/verdict`, which answers with the next claim. */
const moveThenNext = (call: Call, key: string) => {
  let next: Record<string, unknown> | null = null;
  return async () => {
    next ??= await call(key, '/review/next');
    const started = process.hrtime.bigint();
    const answer = await call(key, `/review/claims/${next.id}/verdict`, {
      to: 'sourced',
      expectedVersion: next.version,
      sources: SOURCES,
    });
    next = answer.next as Record<string, unknown> | null;
    return elapsedMs(started);
  };
};

async function serviceMoves(
  t: TestService,
  reviewers: { key: string }[],
  name: string,
  lane: Lane,
): Promise<Omit<ServiceMoves, 'ratio'>> {
  // A claim more per reviewer: verdict-and-next ends holding one.
  await seedClaims(t.db, '00000000-0000-0000-0000-000000000000', MOVES + REVIEWERS, `review bench, ${name}`);
  const latencies: number[] = [];
  const lanes = reviewers.map((r) => ({ step: lane(r.key), moves: MOVES / REVIEWERS }));
  // Warm-up: the first requests pay for JIT and connection set-up.
  for (const warming of lanes.slice(0, 5)) {
    await warming.step();
    warming.moves -= 1;
  }
  const seconds = await drain(lanes, REVIEWERS, async ({ step, moves }) => {
    for (let i = 0; i < moves; i++) latencies.push(await step());
  });
  latencies.sort((a, b) => a - b);
  return {
    movesPerSec: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

/** The raw limit: the same status UPDATE and event INSERT per move, in one transaction each, from 50 connections. */
async function rawMoves(t: TestService): Promise<number> {
  const ids = await seedClaims(t.db, '00000000-0000-0000-0000-000000000000', MOVES, 'raw bench');
  const pool = new Pool({ connectionString: t.env.DATABASE_URL, max: REVIEWERS });
  try {
    const seconds = await drain(ids, REVIEWERS, async (id) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query(
          `UPDATE claims SET status = 'sourced', version = version + 1, assignee_id = NULL, assigned_at = NULL, lease_expires_at = NULL, updated_at = now()
           WHERE id = $1 RETURNING article_id`,
          [id],
        );
        await client.query(
          `INSERT INTO claim_events (claim_id, article_id, type, from_status, to_status, actor_role, sources) VALUES ($1, $2, 'transition', 'unverified', 'sourced', 'reviewer', $3)`,
          [id, rows[0].article_id, JSON.stringify(SOURCES)],
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
    return ids.length / seconds;
  } finally {
    await pool.end();
  }
}

if (require.main === module) {
  runReviewBench().then(
    (r) => {
      console.log(
        `review, pull then verdict: ${r.movesPerSec} moves/s (p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms) vs raw SQL ${r.rawMovesPerSec}/s → ratio ${r.ratio} (target ≥ 0.5, p99 < 25 ms)`,
      );
      const one = r.oneRequest;
      console.log(
        `review, verdict-and-next: ${one.movesPerSec} moves/s (p50 ${one.p50Ms} ms, p99 ${one.p99Ms} ms) → ratio ${one.ratio}`,
      );
      console.log(JSON.stringify(r));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
