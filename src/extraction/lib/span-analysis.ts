import type { ClaimExtractor, ExtractedClaim } from './claim-extractor';
import type { TextRange } from './text-chunks';

export type SpanAnalysis = Omit<ExtractedClaim, 'ordinal' | 'text' | 'statement' | 'start' | 'end' | 'tier'>;

/**
 * A span an editor marked as a claim: type and score come from the span itself; claimant, sentence and entities
 * from the reading of the text around it (`text` is that surrounding piece, `span` is relative to it).
 */
export function analyseSpan(extractor: ClaimExtractor, text: string, span: TextRange): SpanAnalysis {
  const spanText = text.slice(span.start, span.end);
  const own = extractor.extract(spanText, { minCheckworthiness: 0 });
  const around = extractor.extract(text, { minCheckworthiness: 0 });
  const overlapping = around.find((c) => c.start < span.end && c.end > span.start);
  const preceding = [...around].reverse().find((c) => c.start <= span.start);
  return {
    checkworthiness: Math.max(extractor.score(spanText), ...own.map((c) => c.checkworthiness)),
    type: own[0]?.type ?? overlapping?.type ?? 'other',
    claimant: overlapping?.claimant ?? own[0]?.claimant ?? null,
    sentenceIndex: overlapping?.sentenceIndex ?? preceding?.sentenceIndex ?? 0,
    entities: (overlapping?.entities ?? []).filter((e) => e.start >= span.start && e.end <= span.end),
  };
}
