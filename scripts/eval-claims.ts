import { readFileSync } from 'fs';
import { resolve } from 'path';
import { CHECKWORTHY_DIR } from '../src/common/repo-paths';
import { ClaimExtractor } from '../src/extraction/lib/claim-extractor';
import { yesClassMetrics } from '../src/extraction/lib/classification-metrics';
import { scoreRows } from '../src/extraction/lib/claim-evaluation';
import { parseTsv } from '../src/extraction/lib/tsv-parser';

// Usage: ts-node scripts/eval-claims.ts [FILE.tsv] (default data/checkworthy/dev.tsv) — Yes-class precision/recall/F1 at the model's default threshold.
const file = process.argv[2] ?? resolve(CHECKWORTHY_DIR, 'dev.tsv');
const extractor = new ClaimExtractor();
const { scores, labels } = scoreRows(extractor, parseTsv(readFileSync(file, 'utf8')));
const metrics = yesClassMetrics(scores, labels, extractor.threshold);
console.log(`rows ${labels.length}  threshold ${extractor.threshold}`);
console.log(`precision ${metrics.precision.toFixed(4)}  recall ${metrics.recall.toFixed(4)}  F1 ${metrics.f1.toFixed(4)}`);
