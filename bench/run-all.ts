import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import Redis from 'ioredis';
import { Pool } from 'pg';
import globalSetup from '../test/global-setup';
import { TEMPLATE_DATABASE_URL } from '../test/helpers/test-env';
import { runClaimExportBench } from './claim-export.bench';
import { runClaimSearchBench } from './claim-search.bench';
import { runPublicPagesBench } from './public-pages.bench';
import { runExtractionBench } from './extraction.bench';
import { measureFactCheckSearch } from './fact-check-search.bench';
import { runHealthBench } from './health.bench';
import { runIngestBench } from './ingest.bench';
import { runListingBench } from './listing.bench';
import { runNotificationsBench } from './notifications.bench';
import { runRebuildBench } from './rebuild.bench';
import { runReviewBench } from './review.bench';

async function machine() {
  const db = new Pool({ connectionString: TEMPLATE_DATABASE_URL, max: 1 });
  const redis = new Redis('redis://127.0.0.1:6379/15');
  try {
    const postgres = (await db.query(`SHOW server_version`)).rows[0].server_version as string;
    const info = await redis.info('server');
    return {
      cpus: cpus().length,
      node: process.version,
      postgres,
      redis: /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown',
    };
  } finally {
    await db.end();
    redis.disconnect();
  }
}

/** `npm run bench`: every benchmark in one run, one table, and bench/results/latest.json. */
async function main(): Promise<void> {
  await globalSetup();
  const extraction = await runExtractionBench();
  const review = await runReviewBench();
  const ingest = await runIngestBench();
  const listing = await runListingBench();
  const { claimsPerSec } = await runRebuildBench();
  const health = await runHealthBench();
  const search = { at100k: await measureFactCheckSearch(100_000), at1M: await measureFactCheckSearch(1_000_000) };
  const claimSearch = await runClaimSearchBench();
  const claimExport = await runClaimExportBench();
  const publicPages = await runPublicPagesBench();
  const notifications = await runNotificationsBench();
  const results = {
    ingest,
    review: {
      ratio: review.ratio,
      movesPerSec: review.movesPerSec,
      p50Ms: review.p50Ms,
      p99Ms: review.p99Ms,
      oneRequest: review.oneRequest,
      openLoop: review.openLoop,
      rawMovesPerSec: review.rawMovesPerSec,
    },
    extraction,
    listing,
    rebuild: { claimsPerSec },
    health,
    search,
    claimSearch,
    claimExport,
    publicPages,
    notifications,
    machine: await machine(),
  };
  const rows: [string, string, string, string][] = [
    [
      'ingest',
      `${ingest.articlesPerSec} articles/s, ${ingest.claimsPerSec} claims/s`,
      `ratio ${ingest.ratio} to raw ${ingest.rawArticlesPerSec} articles/s`,
      '≥ 0.5',
    ],
    [
      '',
      `stages alone: extraction ${ingest.stages.extraction}, raw writes ${ingest.stages.rawWrites}, matching ${ingest.stages.matching} articles/s`,
      `stage ratio ${ingest.stageRatio} to the slowest, ${ingest.stageLimit} articles/s`,
      '≥ 0.7',
    ],
    [
      'review',
      `pull, verdict: ${review.movesPerSec} moves/s, p50 ${review.p50Ms} ms, p99 ${review.p99Ms} ms`,
      `ratio ${review.ratio} to raw ${review.rawMovesPerSec} moves/s`,
      '≥ 0.5, p99 < 25 ms',
    ],
    [
      '',
      `verdict-and-next: ${review.oneRequest.movesPerSec} moves/s, p50 ${review.oneRequest.p50Ms} ms, p99 ${review.oneRequest.p99Ms} ms`,
      `ratio ${review.oneRequest.ratio}`,
      '≥ 0.5, p99 < 25 ms',
    ],
    [
      '',
      `verdict-and-next, open loop: p50 ${review.openLoop.p50Ms} ms, p99 ${review.openLoop.p99Ms} ms, max ${review.openLoop.maxMs} ms`,
      `Poisson arrivals at ${review.openLoop.ratePerSec}/s, half the above`,
      'p99 < 50 ms',
    ],
    [
      'extraction',
      `${extraction.sentencesPerSec} sentences/s, ${extraction.articlesPerSec} articles/s`,
      'single thread',
      '≥ 5,000 sentences/s',
    ],
    [
      '',
      `wink-nlp's bare parse of the same texts: ${extraction.nlpFloorSentencesPerSec} sentences/s`,
      `NLP floor ratio ${extraction.nlpFloorRatio}`,
      '≥ 0.5',
    ],
    [
      'listing',
      `p95 ${listing.p95Ms10k} ms at 10k, ${listing.p95Ms1M} ms at 1M claims`,
      `ratio ${listing.p95Ratio}`,
      '≤ 1.5',
    ],
    [
      'stats',
      `/admin/stats at 1M claims: ${listing.statsMs1M} ms computed, p95 ${listing.statsCachedP95Ms1M} ms cached`,
      'STATS_CACHE_MS',
      '—',
    ],
    ['rebuild', `${claimsPerSec} claims/s re-enqueued`, '', '≥ 10,000/s'],
    [
      'search',
      `fact-check search p95 ${search.at100k.p95} ms at 100k, ${search.at1M.p95} ms at 1M`,
      `p50 ${search.at100k.p50} / ${search.at1M.p50} ms`,
      'p95 < 20 ms at 100k',
    ],
    [
      '',
      `/ui/search worst shape at 1M claims: p95 ${claimSearch.worstP95Ms8} ms, ${Object.keys(claimSearch.shapes).length} shapes × 8 at once`,
      'negation-only, common words, filters, page 50',
      'p95 < 500 ms',
    ],
    [
      'export',
      `1M claims: CSV ${claimExport.formats.csv.rowsPerSec} rows/s, JSON Lines ${claimExport.formats.jsonl.rowsPerSec} rows/s`,
      `api RSS ${claimExport.formats.csv.rssBeforeMiB} → peak ${claimExport.formats.csv.peakRssMiB} MiB`,
      'memory flat',
    ],
    [
      'public',
      `100k published: page p95 ${publicPages.pages.factCheck.p95Ms} ms, index p95 ${publicPages.pages.indexFirst.p95Ms} ms`,
      `feed ${publicPages.pages.feed.p95Ms} ms, sitemap ${publicPages.pages.sitemap.p95Ms} ms, 8 readers`,
      'page p95 < 50 ms',
    ],
    [
      'notices',
      `mentions: ${notifications.mentions.noticesPerSec} notices/s written, ${notifications.mentions.mailsPerSec} mails/s delivered`,
      `bulk assignments: ${notifications.assignments.noticesPerSec} notices/s, ${notifications.assignments.mailsPerSec} mails/s`,
      'every mail delivered',
    ],
    [
      'health',
      `p99 ${health.busyP99Ms} ms (max ${health.busyMaxMs}) extracting 1 MB`,
      `ratio ${health.ratio} to idle p99 ${health.idleP99Ms} ms`,
      'p99 < 100 ms',
    ],
  ];
  const width = [10, 52, 38, 20];
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i])).join(' | ');
  console.log(`\n${line(['bench', 'measured', 'against', 'target'])}\n${width.map((w) => '-'.repeat(w)).join('-|-')}`);
  for (const row of rows) console.log(line(row));
  console.log(`\nmachine: ${JSON.stringify(results.machine)}`);
  const out = resolve(__dirname, 'results/latest.json');
  mkdirSync(resolve(__dirname, 'results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`written to ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
