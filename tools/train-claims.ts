import { readFileSync, writeFileSync } from 'fs';
import { resolve } from 'path';
import { CHECKWORTHY_DIR } from '../src/common/repo-paths';
import { CheckworthinessModel, DEFAULT_MODEL_PATH } from '../src/extraction/lib/checkworthiness-model';
import { bestThreshold, f1WithInterval, yesClassMetrics } from './lib/classification-metrics';
import { analyseText, extractFeatures } from '../src/extraction/lib/features';
import { fitCalibration, TrainingOptions, trainLogisticRegression } from './lib/logistic-regression-trainer';
import { parseTsv } from './lib/tsv-parser';
import { ClaimExtractor } from '../src/extraction/lib/claim-extractor';
import { scoreRows } from './lib/claim-evaluation';
import { splitByTime } from './lib/time-splits';

// Usage: ts-node tools/train-claims.ts [DATA_DIR] (default data/checkworthy).
// The debates in time order (Sentence_id): the model learns from the older ones; every choice (settings, calibration,
// threshold) is made on the newer validation debates; the newest debates are the test, scored only once the model is
// written and never used for a choice.
const dataDir = process.argv[2] ? resolve(process.argv[2]) : CHECKWORTHY_DIR;

const started = Date.now();
const rawTrain = parseTsv(readFileSync(resolve(dataDir, 'train.tsv'), 'utf8'));
const rawDev = parseTsv(readFileSync(resolve(dataDir, 'dev.tsv'), 'utf8'));
const splits = splitByTime(rawTrain);
const fitFeatures = splits.fit.map((row) => {
  const { tokens, entities } = analyseText(row.Text);
  return extractFeatures(tokens, entities);
});
const fitLabels = splits.fit.map((row) => (row.class_label.trim() === 'Yes' ? 1 : 0));
console.log(
  `loaded ${splits.fit.length} to fit, ${splits.validation.length} validation, ${rawDev.length} dev (${splits.test.length} test, untouched) in ${seconds()} s`,
);

const base: TrainingOptions = {
  minDf: 5,
  C: 2,
  positiveWeight: 1,
  maxIterations: 300,
  blockWeights: { w: 1, c: 1, l: 0.5 },
};
const grid: Partial<TrainingOptions>[] = process.env.TRAIN_GRID ? JSON.parse(process.env.TRAIN_GRID) : [{}];

let chosen: { model: CheckworthinessModel; f1: number; change: Partial<TrainingOptions> } | null = null;
for (const change of grid) {
  const model = calibrated(
    new CheckworthinessModel(trainLogisticRegression(fitFeatures, fitLabels, { ...base, ...change })),
  );
  const validation = scoreRows(new ClaimExtractor(model), splits.validation);
  const f1 = yesClassMetrics(validation.scores, validation.labels, model.threshold).f1;
  console.log(JSON.stringify({ change, validationF1: round(f1), threshold: model.threshold, seconds: seconds() }));
  if (!chosen || f1 > chosen.f1) chosen = { model, f1, change };
}
const { model } = chosen!;
writeFileSync(DEFAULT_MODEL_PATH, JSON.stringify(model.json));

// Only now the test split, scored through the extractor as the service would, at the threshold chosen without it.
const written = CheckworthinessModel.load();
const extractor = new ClaimExtractor(written);
const figures = Object.entries({ dev: rawDev, validation: splits.validation, test: splits.test }).map(
  ([name, rows]) => [name, f1WithInterval(scoreRows(extractor, rows), written.threshold)] as const,
);
model.json.metrics = Object.fromEntries(
  figures.flatMap(([name, f]) => [
    [`${name}F1`, round(f.f1)],
    [`${name}F1Low`, round(f.low)],
    [`${name}F1High`, round(f.high)],
    [`${name}Precision`, round(f.precision)],
    [`${name}Recall`, round(f.recall)],
  ]),
);
writeFileSync(DEFAULT_MODEL_PATH, JSON.stringify(model.json));
console.log(
  JSON.stringify({
    change: chosen!.change,
    threshold: model.threshold,
    calibration: model.json.calibration,
    metrics: model.json.metrics,
    features: Object.keys(model.json.features).length,
    seconds: seconds(),
  }),
);

/**
 * Platt scaling and the threshold, both from the validation debates as the extractor scores them: dev.tsv shares its
 * debates with the training rows, so its scores run high and a threshold chosen there is too strict for newer debates.
 */
function calibrated(model: CheckworthinessModel): CheckworthinessModel {
  const raw = scoreRows(new ClaimExtractor(model), splits.validation);
  model.json.calibration = fitCalibration(raw.scores.map(logit), raw.labels);
  model.json.threshold = bestThreshold(scoreRows(new ClaimExtractor(model), splits.validation));
  return model;
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
