import { Pool } from 'pg';
import { startTestService, type TestService } from '../test/helpers/test-service';
import { seedClaims } from '../test/helpers/seed';
import { drain, elapsedMs, percentile, round } from './lib/stats';

const REVIEWERS = 50;
const MOVES = 4000;
/** Verdicts sent in the open loop, at half the one-request closed loop's rate (about 20 s at a quiet 2-core machine's rate). */
const ARRIVALS = 2000;
/** Reviewers taking turns in the open loop: far more than are ever in flight at half the closed loop's rate. */
const OPEN_REVIEWERS = 100;
const OPEN_LOAD = 0.5;
const SOURCES = [{ url: 'https://example.org/source', title: 'Bench source' }];

export interface ServiceMoves {
  movesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  ratio: number;
}

/** Verdicts arriving at a fixed rate whatever the answers: the latency a desk feels at that load. */
export interface OpenLoopMoves {
  ratePerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * The two ways a reviewer works: pull, then verdict (two requests a move), or verdict-and-next (one); and
 * verdict-and-next as an open loop at half the one-request loop's rate.
 */
export interface ReviewBenchResult extends ServiceMoves {
  oneRequest: ServiceMoves;
  openLoop: OpenLoopMoves;
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
    const openLoop = await openLoopMoves(t, call, OPEN_LOAD * oneRequest.movesPerSec);
    const ratioOf = (moves: Omit<ServiceMoves, 'ratio'>) => ({ ...moves, ratio: round(moves.movesPerSec / raw) });
    return { ...ratioOf(twoRequests), oneRequest: ratioOf(oneRequest), openLoop, rawMovesPerSec: Math.round(raw) };
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

/** `POST /review/claims/:id/verdict` on a claim the key holds; the answer's claim to work next (null: none left). */
const verdictAndNext = async (call: Call, key: string, claim: Record<string, unknown>) =>
  (
    await call(key, `/review/claims/${claim.id}/verdict`, {
      to: 'sourced',
      expectedVersion: claim.version,
      sources: SOURCES,
    })
  ).next as Record<string, unknown> | null;

/** One pull to start, then `POST /review/claims/:id/verdict`, which answers with the next claim. */
const moveThenNext = (call: Call, key: string) => {
  let next: Record<string, unknown> | null = null;
  return async () => {
    next ??= await call(key, '/review/next');
    const started = process.hrtime.bigint();
    next = await verdictAndNext(call, key, next);
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

/** Exponential gaps between arrivals at `ratePerSec` (a Poisson process), from a seeded generator: the same every run. */
export function poissonArrivals(ratePerSec: number, count: number, seed = 42): number[] {
  let state = seed >>> 0;
  const uniform = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 2 ** 32;
  };
  const offsetsMs: number[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    at += (-Math.log(1 - uniform()) / ratePerSec) * 1000;
    offsetsMs.push(at);
  }
  return offsetsMs;
}

/**
 * The open loop: verdict-and-next requests sent at Poisson arrival times, each without waiting for any earlier one.
 * Every reviewer holds exactly one claim, as in the closed loop (so each request is the same move, pull and answer);
 * an arrival takes the reviewer idle longest, and the claim the answer hands it is its next arrival's. A reviewer is
 * never in two requests at once, so no two arrivals move the same claim. Latency runs from the arrival's scheduled
 * time to its answer: were the load generator late, or no reviewer idle, the wait counts.
 */
async function openLoopMoves(t: TestService, call: Call, ratePerSec: number): Promise<OpenLoopMoves> {
  // Each reviewer's first claim, each arrival's next one, and a margin.
  await seedClaims(
    t.db,
    '00000000-0000-0000-0000-000000000000',
    ARRIVALS + 2 * OPEN_REVIEWERS,
    'review bench, open loop',
  );
  const reviewers = await Promise.all(
    Array.from({ length: OPEN_REVIEWERS }, () => t.createReviewer({ capacity: 1000 })),
  );
  const idle: { key: string; claim: Record<string, unknown> }[] = [];
  for (const { key } of reviewers) idle.push({ key, claim: await call(key, '/review/next') });
  const waiting: (() => void)[] = [];
  const wakeAll = () => waiting.splice(0).forEach((wake) => wake());
  const offsetsMs = poissonArrivals(ratePerSec, ARRIVALS);
  const latencies: number[] = [];
  const requests: Promise<void>[] = [];
  let failure: Error | null = null;
  let late = 0;
  const started = performance.now();
  for (const offset of offsetsMs) {
    const due = started + offset;
    const ahead = due - performance.now();
    if (ahead > 0) await new Promise((wake) => setTimeout(wake, ahead));
    if (idle.length === 0 && !failure) late += 1;
    while (idle.length === 0 && !failure) await new Promise<void>((wake) => waiting.push(wake));
    if (failure) break;
    const reviewer = idle.shift()!;
    requests.push(
      verdictAndNext(call, reviewer.key, reviewer.claim).then(
        (next) => {
          latencies.push(performance.now() - due);
          if (next) idle.push({ key: reviewer.key, claim: next });
          else failure ??= new Error('open loop: a reviewer was handed no next claim (seed more claims)');
          waiting.shift()?.();
          if (failure) wakeAll();
        },
        (error: Error) => {
          failure ??= error;
          wakeAll();
        },
      ),
    );
  }
  await Promise.all(requests);
  if (failure) throw failure;
  if (late > 0) console.warn(`review, open loop: ${late} of ${ARRIVALS} arrivals found every reviewer in flight`);
  latencies.sort((a, b) => a - b);
  return {
    ratePerSec: round(ratePerSec, 1),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies[latencies.length - 1]),
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
      const open = r.openLoop;
      console.log(
        `review, verdict-and-next open loop at ${open.ratePerSec}/s (half the closed loop's): p50 ${open.p50Ms} ms, p99 ${open.p99Ms} ms, max ${open.maxMs} ms (target p99 < 50 ms)`,
      );
      console.log(JSON.stringify(r));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
