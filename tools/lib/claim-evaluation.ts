import { ClaimExtractor } from '../../src/extraction/lib/claim-extractor';
import { TsvRow } from './tsv-parser';

/** A text scored as the service would: its best claim, or 0 when the extractor drops it. */
export function bestClaimScore(extractor: ClaimExtractor, text: string): number {
  return extractor
    .extract(text, { minCheckworthiness: 0 })
    .reduce((best, claim) => Math.max(best, claim.checkworthiness), 0);
}

export function scoreRows(extractor: ClaimExtractor, rows: TsvRow[]): { scores: number[]; labels: number[] } {
  return {
    scores: rows.map((row) => bestClaimScore(extractor, row.Text)),
    labels: rows.map((row) => (row.class_label.trim() === 'Yes' ? 1 : 0)),
  };
}
