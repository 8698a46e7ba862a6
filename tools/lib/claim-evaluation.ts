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

/** Lines of a debate in a row, posted as one article: how many lines each transcript section holds. */
export const TRANSCRIPT_SECTION_LINES = 100;

/**
 * Average precision of the check-worthy lines when a ranking puts them in order (best score first; ties keep the
 * transcript's order). Null for a transcript without a check-worthy line.
 */
export function averagePrecision(scores: number[], labels: number[]): number | null {
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  let found = 0;
  let sum = 0;
  order.forEach((line, rank) => {
    if (labels[line] !== 1) return;
    found += 1;
    sum += found / (rank + 1);
  });
  return found ? sum / found : null;
}

/**
 * Per transcript section (consecutive lines by `Sentence_id`, each line a paragraph of one article): the average
 * precision of ranking its lines by the extractor's claims read in the whole article — a line scores its best claim,
 * or 0 when it gives none — and, beside it, by each line scored alone.
 */
export function transcriptAveragePrecisions(
  extractor: ClaimExtractor,
  rows: TsvRow[],
): { inArticle: number[]; lineAlone: number[] } {
  const ordered = [...rows].sort((a, b) => Number(a.Sentence_id) - Number(b.Sentence_id));
  const inArticle: number[] = [];
  const lineAlone: number[] = [];
  for (let from = 0; from < ordered.length; from += TRANSCRIPT_SECTION_LINES) {
    const section = ordered.slice(from, from + TRANSCRIPT_SECTION_LINES);
    const lines = section.map((row) => row.Text.replace(/\s+/g, ' ').trim());
    const starts: number[] = [];
    let body = '';
    for (const line of lines) {
      starts.push(body.length);
      body += `${line}\n\n`;
    }
    const lineOf = (offset: number) => {
      let line = 0;
      while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
      return line;
    };
    const scores = lines.map(() => 0);
    for (const claim of extractor.extract(body, { minCheckworthiness: 0 })) {
      const line = lineOf(claim.start);
      scores[line] = Math.max(scores[line], claim.checkworthiness);
    }
    const labels = section.map((row) => (row.class_label.trim() === 'Yes' ? 1 : 0));
    const article = averagePrecision(scores, labels);
    const alone = averagePrecision(
      lines.map((line) => bestClaimScore(extractor, line)),
      labels,
    );
    if (article !== null && alone !== null) {
      inArticle.push(article);
      lineAlone.push(alone);
    }
  }
  return { inArticle, lineAlone };
}
