import { Pool } from 'pg';
import { startTestService, type TestService } from '../test/helpers/test-service';
import { seedClaims } from './lib/seed';
import { drain, elapsedMs, percentile, round } from './lib/stats';

const REVIEWERS = 50;
const MOVES = 4000;
const SOURCES = [{ url: 'https://example.org/source', title: 'Bench source' }];

export interface ReviewBenchResult {
  ratio: number;
  movesPerSec: number;
  p50Ms: number;
  p99Ms: number;
  rawMovesPerSec: number;
}

/** 50 reviewers pull and move claims over HTTP, against a plain SQL loop doing the same UPDATE + INSERT transactions. */
export async function runReviewBench(): Promise<ReviewBenchResult> {
  const t = await startTestService(13, { worker: false, name: 'bench-review', env: { RATE_LIMIT_PER_MINUTE: '100000000', LOG_LEVEL: 'error', DATABASE_POOL_SIZE: '20' } });
  try {
    const service = await serviceMoves(t);
    const raw = await rawMoves(t);
    return { ...service, ratio: round(service.movesPerSec / raw), rawMovesPerSec: Math.round(raw) };
  } finally {
    await t.close();
  }
}

async function serviceMoves(t: TestService) {
  const reviewers = await Promise.all(Array.from({ length: REVIEWERS }, () => t.createReviewer({ capacity: 1000 })));
  await seedClaims(t.db, '00000000-0000-0000-0000-000000000000', MOVES, 'review bench');
  const latencies: number[] = [];
  const lanes = reviewers.map((r) => ({ key: r.key, moves: MOVES / REVIEWERS }));
  const call = async (key: string, path: string, body?: unknown): Promise<{ id: string; version: number }> => {
    const response = await fetch(`${t.url}${path}`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    if (response.status >= 300) throw new Error(`${path} → ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; version: number };
  };
  // Warm-up: the first requests pay for JIT and connection set-up.
  for (const lane of lanes.slice(0, 5)) {
    const claim = await call(lane.key, '/review/next');
    await call(lane.key, `/claims/${claim.id}/transitions`, { to: 'sourced', expectedVersion: claim.version, sources: SOURCES });
    lane.moves -= 1;
  }
  const seconds = await drain(lanes, REVIEWERS, async (lane) => {
    for (let i = 0; i < lane.moves; i++) {
      const claim = await call(lane.key, '/review/next');
      const started = process.hrtime.bigint();
      await call(lane.key, `/claims/${claim.id}/transitions`, { to: 'sourced', expectedVersion: claim.version, sources: SOURCES });
      latencies.push(elapsedMs(started));
    }
  });
  latencies.sort((a, b) => a - b);
  return { movesPerSec: Math.round(latencies.length / seconds), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) };
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
      console.log(`review: ${r.movesPerSec} moves/s (p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms) vs raw SQL ${r.rawMovesPerSec}/s → ratio ${r.ratio} (target ≥ 0.5, p99 < 25 ms)`);
      console.log(JSON.stringify(r));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
