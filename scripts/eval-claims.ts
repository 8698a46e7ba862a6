import { readFileSync } from 'fs';
import { resolve } from 'path';
import { CHECKWORTHY_DIR, repoPath } from '../src/common/repo-paths';
import { ClaimExtractor } from '../src/extraction/lib/claim-extractor';
import { yesClassMetrics } from '../src/extraction/lib/classification-metrics';
import { scoreRows } from '../src/extraction/lib/claim-evaluation';
import { goldOutcomes, meanWithInterval, type GoldArticle } from '../src/extraction/lib/gold-evaluation';
import { parseTsv } from '../src/common/tsv-parser';

// Usage: ts-node scripts/eval-claims.ts [FILE.tsv] [NEWS_GOLD.json]
// Yes-class precision/recall/F1 at the model's default threshold on a CheckThat! file (default data/checkworthy/dev.tsv),
// then recall, precision, claimants and types on the news gold set (default data/news-gold/articles.json).
const file = process.argv[2] ?? resolve(CHECKWORTHY_DIR, 'dev.tsv');
const goldFile = process.argv[3] ?? repoPath('data/news-gold/articles.json');
const extractor = new ClaimExtractor();
const { scores, labels } = scoreRows(extractor, parseTsv(readFileSync(file, 'utf8')));
const metrics = yesClassMetrics(scores, labels, extractor.threshold);
console.log(`${file}: rows ${labels.length}  threshold ${extractor.threshold}`);
console.log(`precision ${metrics.precision.toFixed(4)}  recall ${metrics.recall.toFixed(4)}  F1 ${metrics.f1.toFixed(4)}`);

const articles: GoldArticle[] = JSON.parse(readFileSync(goldFile, 'utf8'));
const outcomes = goldOutcomes(extractor, articles, extractor.threshold);
const shown = (name: string, values: number[]) => {
  const { mean, low, high, n } = meanWithInterval(values);
  console.log(`${name.padEnd(34)} ${mean.toFixed(3)}  (95% ${low.toFixed(3)}–${high.toFixed(3)}, n ${n})`);
};
console.log(`\nnews gold set: ${articles.length} articles (${articles.map((a) => a.kind).join(', ')}), ${outcomes.recalled.length} marked claims`);
shown('recall at the threshold', outcomes.recalled);
shown('recall among all candidates', outcomes.recalledAsCandidate);
shown('precision at the threshold', outcomes.precise);
shown('claimant right (of recalled)', outcomes.claimantRight);
shown('type right (of recalled)', outcomes.typeRight);
