import { readFileSync } from 'node:fs';
import { startTestService, type TestService } from '../test/helpers/test-service';
import { ensureSeeded } from './listing.bench';
import { round } from './lib/stats';

const CLAIMS = 1_000_000;
const FORMATS = ['csv', 'jsonl'] as const;

export interface ClaimExportBenchResult {
  claims: number;
  /** Per format: rows per second, the api's resident memory before and at its peak while exporting, in MiB. */
  formats: Record<(typeof FORMATS)[number], { rowsPerSec: number; rssBeforeMiB: number; peakRssMiB: number }>;
}

/** The process's resident memory now and its high-water mark, from /proc (Linux). */
function memoryMiB(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** Reads the whole export as a client would, counting its lines, and samples the api's memory as it goes. */
async function exportOnce(t: TestService, key: string, format: string) {
  const pid = t.apiProcess.pid;
  if (pid === undefined) throw new Error('the api process has no pid');
  const rssBeforeMiB = memoryMiB(pid).rss;
  let peakRssMiB = rssBeforeMiB;
  const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, memoryMiB(pid).rss)), 100);
  const started = process.hrtime.bigint();
  let lines = 0;
  try {
    const response = await fetch(`${t.url}/claims/export?format=${format}`, {
      headers: { Authorization: `Bearer ${key}` },
    });
    if (response.status !== 200 || !response.body) throw new Error(`/claims/export → ${response.status}`);
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
      for (const byte of chunk) if (byte === 10) lines++;
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The CSV's header is a line too; the seeded claims hold no line breaks of their own.
  const rows = format === 'csv' ? lines - 1 : lines;
  return {
    rows,
    rowsPerSec: Math.round(rows / seconds),
    rssBeforeMiB: round(rssBeforeMiB),
    peakRssMiB: round(peakRssMiB),
  };
}

/** `GET /claims/export` of 1M claims in each format: throughput and whether the api's memory stays flat. */
export async function runClaimExportBench(): Promise<ClaimExportBenchResult> {
  const databaseUrl = await ensureSeeded(CLAIMS);
  const t = await startTestService(15, {
    worker: false,
    name: 'bench-claim-export',
    databaseUrl,
    env: { LOG_LEVEL: 'error' },
  });
  try {
    const formats = {} as ClaimExportBenchResult['formats'];
    for (const format of FORMATS) {
      const { rows, ...figures } = await exportOnce(t, t.adminKey, format);
      if (rows !== CLAIMS) throw new Error(`the ${format} export held ${rows} rows, not ${CLAIMS}`);
      formats[format] = figures;
    }
    return { claims: CLAIMS, formats };
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  runClaimExportBench().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
