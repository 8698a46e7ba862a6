import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ARTIFACTS, startTestService, waitFor } from '../test/helpers/test-service';
import { seedClaims } from '../test/helpers/seed';

const CLAIMS = 50_000;

export interface RebuildBenchResult {
  claimsPerSec: number;
  claims: number;
  ms: number;
}

interface ReconcileReport {
  reason: string;
  claims: number;
  ms: number;
}

/** After a flush, how fast the reconciler re-enqueues the claims Postgres says are waiting (its own report, from the worker's log). */
export async function runRebuildBench(): Promise<RebuildBenchResult> {
  const name = 'bench-rebuild';
  const t = await startTestService(15, {
    worker: false,
    name,
    env: { LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '100000000' },
  });
  try {
    for (let i = 0; i < CLAIMS / 5000; i++) await t.createReviewer({ capacity: 10_000 });
    await seedClaims(t.db, '00000000-0000-0000-0000-000000000000', CLAIMS, 'rebuild bench');
    await t.redis.flushdb();
    const logFile = resolve(ARTIFACTS, `${name}-worker.log`);
    const before = readLog(logFile).length;
    await t.startWorker();
    const report = await waitFor(
      async () =>
        readLog(logFile)
          .slice(before)
          .find((r) => r.claims >= CLAIMS),
      'the reconciler’s report',
      120_000,
    );
    return { claimsPerSec: Math.round(report.claims / (report.ms / 1000)), claims: report.claims, ms: report.ms };
  } finally {
    await t.close();
  }
}

function readLog(file: string): ReconcileReport[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.includes('reconciled queues from Postgres'))
    .map((line) => JSON.parse(line) as ReconcileReport);
}

if (require.main === module) {
  runRebuildBench().then(
    (r) => {
      console.log(`rebuild: ${r.claimsPerSec} claims/s re-enqueued (${r.claims} in ${r.ms} ms; target ≥ 10,000/s)`);
      console.log(JSON.stringify(r));
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
