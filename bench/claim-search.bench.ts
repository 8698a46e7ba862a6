import { startTestService, type TestService } from '../test/helpers/test-service';
import { ensureSeeded } from './listing.bench';
import { elapsedMs, percentile, round } from './lib/stats';

const CLAIMS = 1_000_000;
const REQUESTS_PER_SHAPE = 20;
const CONCURRENCY = 8;

/** The query shapes that cost most: every seeded claim says "spending rose … percent". */
const SHAPES: Record<string, string> = {
  negationOnly: 'q=-zzzz',
  commonWords: 'q=spending+percent',
  commonPhrase: 'q=%22spending+rose%22',
  commonWordNoClaimant: 'q=spending&claimant=nobody-at-all',
  commonWordDeepPage: 'q=spending&page=50',
  rareWord: 'q=zzzz',
};

export interface ClaimSearchBenchResult {
  claims: number;
  /** Per shape: the status answered, p95 alone and p95 with CONCURRENCY requests at once, in ms. */
  shapes: Record<string, { status: number; p95Ms: number; p95Ms8: number }>;
  worstP95Ms8: number;
}

async function measure(t: TestService): Promise<ClaimSearchBenchResult['shapes']> {
  const editor = await t.createKey('editor');
  const get = async (query: string) => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${t.url}/ui/search?kind=claims&${query}`, {
      headers: { Authorization: `Bearer ${editor}` },
    });
    await response.arrayBuffer();
    if (response.status >= 500) throw new Error(`/ui/search?${query} → ${response.status}`);
    return { ms: elapsedMs(started), status: response.status };
  };
  const shapes: ClaimSearchBenchResult['shapes'] = {};
  for (const [name, query] of Object.entries(SHAPES)) {
    await get(query); // warm-up
    const alone: number[] = [];
    let status = 0;
    for (let i = 0; i < REQUESTS_PER_SHAPE; i++) ({ ms: alone[i], status } = await get(query));
    const together: number[] = [];
    for (let round = 0; round < 3; round++)
      together.push(...(await Promise.all(Array.from({ length: CONCURRENCY }, () => get(query)))).map((r) => r.ms));
    alone.sort((a, b) => a - b);
    together.sort((a, b) => a - b);
    shapes[name] = { status, p95Ms: round(percentile(alone, 95)), p95Ms8: round(percentile(together, 95)) };
  }
  return shapes;
}

/** `/ui/search` at 1M claims, for the query shapes that once scanned and ranked every claim. */
export async function runClaimSearchBench(): Promise<ClaimSearchBenchResult> {
  const databaseUrl = await ensureSeeded(CLAIMS);
  const t = await startTestService(15, {
    worker: false,
    name: 'bench-claim-search',
    databaseUrl,
    env: { LOG_LEVEL: 'error' },
  });
  try {
    const shapes = await measure(t);
    return { claims: CLAIMS, shapes, worstP95Ms8: Math.max(...Object.values(shapes).map((s) => s.p95Ms8)) };
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  runClaimSearchBench().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
