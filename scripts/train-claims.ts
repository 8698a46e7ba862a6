import { readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { CHECKWORTHY_DIR } from '../src/common/repo-paths';
import { CheckworthinessModel, DEFAULT_MODEL_PATH } from '../src/extraction/lib/checkworthiness-model';
import { bestThreshold, yesClassMetrics } from '../src/extraction/lib/classification-metrics';
import { textFeatures } from '../src/extraction/lib/features';
import { TrainingOptions, trainLogisticRegression } from '../src/extraction/lib/logistic-regression-trainer';
import { parseTsv, TsvRow } from '../src/common/tsv-parser';
import { ClaimExtractor } from '../src/extraction/lib/claim-extractor';
import { scoreRows } from '../src/extraction/lib/claim-evaluation';

// Usage: ts-node scripts/train-claims.ts [DATA_DIR] (default data/checkworthy) — the most recent debates (id >= 31000) are the time-shifted hold-out.
const TIME_SHIFT_ID = 31000;
const DEV_F1_FLOOR = 0.9;
const dataDir = process.argv[2] ? resolve(process.argv[2]) : CHECKWORTHY_DIR;

interface Row {
  id: number;
  features: Map<string, number>;
  label: number;
}

function load(rows: TsvRow[]): Row[] {
  return rows.map((row) => ({
    id: Number(row.Sentence_id),
    features: textFeatures(row.Text),
    label: row.class_label.trim() === 'Yes' ? 1 : 0,
  }));
}

function fit(rows: Row[], options: TrainingOptions): CheckworthinessModel {
  return new CheckworthinessModel(trainLogisticRegression(rows.map((r) => r.features), rows.map((r) => r.label), options));
}

function evaluate(model: CheckworthinessModel, rows: Row[]) {
  return { scores: rows.map((r) => model.probability(r.features)), labels: rows.map((r) => r.label) };
}

const started = Date.now();
const rawTrain = parseTsv(readFileSync(resolve(dataDir, 'train.tsv'), 'utf8'));
const rawDev = parseTsv(readFileSync(resolve(dataDir, 'dev.tsv'), 'utf8'));
const train = load(rawTrain);
const dev = load(rawDev);
const early = train.filter((r) => r.id < TIME_SHIFT_ID);
const recent = train.filter((r) => r.id >= TIME_SHIFT_ID);
console.log(`loaded ${train.length} train (${recent.length} time-shifted), ${dev.length} dev in ${Date.now() - started} ms`);

const base: TrainingOptions = { minDf: 5, C: 2, positiveWeight: 1, maxIterations: 300, blockWeights: { w: 1, c: 1, l: 0.5 } };
const grid: Partial<TrainingOptions>[] = process.env.TRAIN_GRID ? JSON.parse(process.env.TRAIN_GRID) : [{ C: 1 }, {}, { C: 4 }, { blockWeights: { w: 1, c: 0.7, l: 0.7 } }];

let chosen = base;
let chosenScore = -1;
for (const change of grid) {
  const options = { ...base, ...change };
  const model = fit(early, options);
  const sets = [evaluate(model, recent), evaluate(model, dev)];
  // Same rule as the default threshold below.
  const threshold = bestThreshold(sets, { set: sets[1], f1: DEV_F1_FLOOR });
  const [shift, devMetrics] = sets.map((set) => yesClassMetrics(set.scores, set.labels, threshold));
  // A setting whose dev F1 cannot reach the floor at any threshold ranks below every one that can.
  const score = (shift.f1 + devMetrics.f1) / 2 - (devMetrics.f1 < DEV_F1_FLOOR ? 1 : 0);
  console.log(JSON.stringify({ change, threshold, timeShiftedF1: shift.f1.toFixed(4), devF1: devMetrics.f1.toFixed(4) }));
  if (score > chosenScore) [chosen, chosenScore] = [options, score];
}

// Threshold and reported figures come from the extractor path (what the service and eval-claims score).
const heldOut = fit(early, chosen);
const shiftSet = scoreRows(new ClaimExtractor(heldOut), rawTrain.filter((r) => Number(r.Sentence_id) >= TIME_SHIFT_ID));
writeFileSync(DEFAULT_MODEL_PATH, JSON.stringify(fit(train, chosen).json));
// Figures are measured on the model as written, so eval-claims and the spec reproduce them exactly.
const devSet = scoreRows(new ClaimExtractor(CheckworthinessModel.load()), rawDev);
// One default for both: dev alone prefers a higher threshold, the newer debates a lower one. The mean is maximised
// only where dev keeps F1 >= DEV_F1_FLOOR, so the newer debates pull the threshold down no further than that allows.
const threshold = bestThreshold([devSet, shiftSet], { set: devSet, f1: DEV_F1_FLOOR });
const devOnlyThreshold = bestThreshold([devSet]);
const devMetrics = yesClassMetrics(devSet.scores, devSet.labels, threshold);
const timeShifted = yesClassMetrics(shiftSet.scores, shiftSet.labels, threshold);
const json = CheckworthinessModel.load().json;
json.threshold = threshold;
json.metrics = {
  devF1: round(devMetrics.f1),
  devPrecision: round(devMetrics.precision),
  devRecall: round(devMetrics.recall),
  timeShiftedF1: round(timeShifted.f1),
  timeShiftedPrecision: round(timeShifted.precision),
  timeShiftedRecall: round(timeShifted.recall),
  devOnlyThreshold,
  devF1AtDevOnlyThreshold: round(yesClassMetrics(devSet.scores, devSet.labels, devOnlyThreshold).f1),
  timeShiftedF1AtDevOnlyThreshold: round(yesClassMetrics(shiftSet.scores, shiftSet.labels, devOnlyThreshold).f1),
};
json.trainingRows = train.length;
writeFileSync(DEFAULT_MODEL_PATH, JSON.stringify(json));
console.log(JSON.stringify({ threshold, metrics: json.metrics, features: Object.keys(json.features).length, seconds: (Date.now() - started) / 1000 }));

function round(value: number): number {
  return Number(value.toFixed(4));
}
