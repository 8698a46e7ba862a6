import { readFileSync } from 'fs';
import { resolve } from 'path';
import { CHECKWORTHY_DIR, repoPath } from '../src/common/repo-paths';
import { DEFAULT_CANDIDATE_FLOOR } from '../src/config/environment';
import { ClaimExtractor } from '../src/extraction/lib/claim-extractor';
import { f1WithInterval } from './lib/classification-metrics';
import { scoreRows, TRANSCRIPT_SECTION_LINES, transcriptAveragePrecisions } from './lib/claim-evaluation';
import { goldOutcomes, meanWithInterval, readerOutcomes, readReaderSet, type GoldArticle } from './lib/gold-evaluation';
import { splitByTime } from './lib/time-splits';
import { parseTsv, TsvRow } from './lib/tsv-parser';

// Usage: ts-node tools/eval-claims.ts [FILE.tsv] [NEWS_GOLD.json]
// Yes-class precision/recall/F1 at the model's default threshold on a CheckThat! file (default data/checkworthy/dev.tsv)
// and, by default, on the time splits of train.tsv the model did not learn from (validation: its choices were made
// there; test: never looked at); then recall, precision, claimants and types on the news gold set; then the outside
// reader's Wikinews set: recall, precision, claimants, and the reader's must-be, must-split and must-not checks.
const file = process.argv[2];
const goldFile = process.argv[3] ?? repoPath('data/news-gold/articles.json');
const extractor = new ClaimExtractor();
const read = (path: string) => parseTsv(readFileSync(path, 'utf8'));
const sets: [string, TsvRow[]][] = file
  ? [[file, read(file)]]
  : [
      ['dev.tsv (the same debates as the model learnt from)', read(resolve(CHECKWORTHY_DIR, 'dev.tsv'))],
      ...Object.entries(splitByTime(read(resolve(CHECKWORTHY_DIR, 'train.tsv'))))
        .filter(([name]) => name !== 'fit')
        .map(([name, rows]): [string, TsvRow[]] => [
          name === 'test'
            ? 'time-shifted test (newest debates, never tuned on)'
            : 'time-shifted validation (settings, calibration, threshold)',
          rows,
        ]),
    ];
const floor = DEFAULT_CANDIDATE_FLOOR;
const interval = ({ mean, low, high }: { mean: number; low: number; high: number }) =>
  `${mean.toFixed(3)} (95% ${low.toFixed(3)}–${high.toFixed(3)})`;
console.log(`threshold ${extractor.threshold}, candidate floor ${floor}; Yes-class figures, 95% bootstrap intervals`);
for (const [name, rows] of sets) {
  const scored = scoreRows(extractor, rows);
  const m = f1WithInterval(scored, extractor.threshold);
  console.log(
    `${name}: rows ${m.n}  precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)} (95% ${m.low.toFixed(3)}–${m.high.toFixed(3)})`,
  );
  const yesKept = scored.scores.filter((_, i) => scored.labels[i] === 1).map((s) => (s >= floor ? 1 : 0));
  const candidates = scored.scores.map((s) => (s >= floor && s < extractor.threshold ? 100 : 0));
  console.log(
    `  with candidates: recall ${interval(meanWithInterval(yesKept))}  candidates per 100 sentences ${interval(meanWithInterval(candidates))}`,
  );
}

if (!file) {
  const { validation, test } = splitByTime(read(resolve(CHECKWORTHY_DIR, 'train.tsv')));
  console.log(
    `\nwhole transcripts: sections of ${TRANSCRIPT_SECTION_LINES} consecutive debate lines, each posted as one article; MAP of the check-worthy lines`,
  );
  for (const [name, rows] of [
    ['time-shifted validation', validation],
    ['time-shifted test', test],
  ] as const) {
    const { inArticle, lineAlone } = transcriptAveragePrecisions(extractor, rows);
    console.log(
      `${name}: ${inArticle.length} sections  read as an article ${interval(meanWithInterval(inArticle))}  each line alone ${interval(meanWithInterval(lineAlone))}`,
    );
  }
}

const articles: GoldArticle[] = JSON.parse(readFileSync(goldFile, 'utf8'));
const outcomes = goldOutcomes(extractor, articles, extractor.threshold, floor);
const shown = (name: string, values: number[]) => {
  const { mean, low, high, n } = meanWithInterval(values);
  console.log(`${name.padEnd(34)} ${mean.toFixed(3)}  (95% ${low.toFixed(3)}–${high.toFixed(3)}, n ${n})`);
};
console.log(
  `\nnews gold set: ${articles.length} articles (${articles.map((a) => a.kind).join(', ')}), ${outcomes.recalled.length} marked claims`,
);
shown('recall at the threshold', outcomes.recalled);
shown('recall among claims + candidates', outcomes.recalledWithCandidates);
shown('candidates per article', outcomes.candidatesPerArticle);
shown('recall among all scored sentences', outcomes.recalledAsCandidate);
shown('precision at the threshold', outcomes.precise);
shown('claimant right (of recalled)', outcomes.claimantRight);
shown('type right (of recalled)', outcomes.typeRight);

const readerDir = repoPath('data/news-gold-wikinews');
const reader = readerOutcomes(
  extractor,
  readReaderSet(`${readerDir}/gold.json`, (path) => readFileSync(path, 'utf8'), readerDir),
  extractor.threshold,
  floor,
);
const { claims, candidatesOnly, missing } = reader.tally;
console.log(
  `\noutside reader's Wikinews set (marked outside the team): ${reader.recalled.length} check-worthy claims marked — ${claims} claims, ${candidatesOnly} candidates only, ${missing} missing`,
);
shown('recall of check-worthy, as claims', reader.recalled);
shown('recall, claims + candidates', reader.recalledWithCandidates);
shown('precision of what is queued', reader.precise);
shown('claimant right (of recalled)', reader.claimantRight);
shown('atomic splits held', reader.splits);
shown('non-claims dropped', reader.nonClaimsDropped);
shown('must-be claims held', reader.mustBeClaims);
for (const failure of reader.failures) console.log(`  fails ${failure.file}: ${failure.check}`);
