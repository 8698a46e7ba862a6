import type { TsvRow } from './tsv-parser';

/**
 * The CheckThat! train debates in time order (by `Sentence_id`): the model learns from the older ones, its settings,
 * calibration and threshold are chosen on the newer validation debates (and dev.tsv), and the newest are the test,
 * which no choice ever looks at.
 */
export const TIME_SPLITS = { validationFrom: 28000, testFrom: 31000 };

export function splitByTime(rows: TsvRow[]): { fit: TsvRow[]; validation: TsvRow[]; test: TsvRow[] } {
  const id = (row: TsvRow) => Number(row.Sentence_id);
  return {
    fit: rows.filter((r) => id(r) < TIME_SPLITS.validationFrom),
    validation: rows.filter((r) => id(r) >= TIME_SPLITS.validationFrom && id(r) < TIME_SPLITS.testFrom),
    test: rows.filter((r) => id(r) >= TIME_SPLITS.testFrom),
  };
}
