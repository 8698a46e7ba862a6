import { ClaimExtractor, type ExtractedClaim, type ExtractOptions } from './claim-extractor';
import { analyseSpan, type SpanAnalysis } from './span-analysis';
import type { TextRange } from './text-chunks';

/** Work the extraction pool's threads do; the model and the NLP pipeline load in each thread on its first task. */
export type ExtractionTask =
  | { kind: 'extract'; text: string; options: ExtractOptions }
  | { kind: 'analyse-span'; text: string; span: TextRange }
  | { kind: 'threshold' }
  | { kind: 'warm-up' };

export interface ExtractedPiece {
  claims: ExtractedClaim[];
  sentenceCount: number;
}

let extractor: ClaimExtractor | undefined;

/** Runs every stage once, so a thread's first article is not also its compiler's first pass over the extractor. */
const WARM_UP_TEXT =
  'The minister said unemployment fell to 4.2 percent in March. Critics called the figure misleading.';

export default function runExtractionTask(task: ExtractionTask): ExtractedPiece | SpanAnalysis | number {
  extractor ??= new ClaimExtractor();
  switch (task.kind) {
    case 'extract':
      return extractor.extractCounted(task.text, task.options);
    case 'analyse-span':
      return analyseSpan(extractor, task.text, task.span);
    case 'threshold':
      return extractor.threshold;
    case 'warm-up':
      extractor.extractCounted(WARM_UP_TEXT, { minCheckworthiness: 0 });
      return extractor.threshold;
  }
}
