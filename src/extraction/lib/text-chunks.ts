import type { ExtractedClaim } from './claim-extractor';

export interface TextRange {
  start: number;
  end: number;
}

/**
 * Cuts a body into consecutive ranges of at most `maxChars`, at line breaks where it can (a sentence never spans
 * one, so each range extracts exactly as the whole would), else at the last space, else anywhere but inside a
 * surrogate pair. Long texts are then extracted range by range, in parallel, each a bounded piece of work.
 */
export function chunkText(text: string, maxChars: number): TextRange[] {
  const ranges: TextRange[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + maxChars, text.length);
    if (end < text.length) {
      const lineBreak = text.lastIndexOf('\n', end - 1);
      const space = text.slice(start, end).search(/\s\S*$/);
      if (lineBreak > start) end = lineBreak + 1;
      else if (space > 0) end = start + space + 1;
      else if (/[\ud800-\udbff]/.test(text[end - 1])) end--;
    }
    ranges.push({ start, end });
    start = end;
  }
  return ranges;
}

/** Claims of consecutive pieces of one text, as one extraction of the whole: positions, sentences and ordinals run on. */
export function joinPieces(
  ranges: TextRange[],
  pieces: { claims: ExtractedClaim[]; sentenceCount: number }[],
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  let sentencesBefore = 0;
  pieces.forEach((piece, i) => {
    const offset = ranges[i].start;
    for (const claim of piece.claims) {
      claims.push({
        ...claim,
        ordinal: claims.length,
        start: claim.start + offset,
        end: claim.end + offset,
        sentenceIndex: claim.sentenceIndex + sentencesBefore,
        entities: claim.entities.map((e) => ({ ...e, start: e.start + offset, end: e.end + offset })),
      });
    }
    sentencesBefore += piece.sentenceCount;
  });
  return claims;
}
