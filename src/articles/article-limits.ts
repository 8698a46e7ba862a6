const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\v\f\x85]/;
const SENTENCE_PUNCTUATION = new Set(['.', '!', '?', '…']);
const CLOSING_MARKS = new Set(['"', "'", '”', '’', ')', ']']);
const WHITE_SPACE = /\s/;

/**
 * An upper estimate of a body's sentences, cheap enough for the api to check before accepting it: every run of
 * sentence-ending punctuation before a space ends one, and so does each line (abbreviations count too, so the
 * estimate errs high, never low).
 */
export function estimateSentences(body: string): number {
  let count = 0;
  for (const raw of body.split(LINE_BREAK)) {
    const line = raw.trim();
    if (line === '') continue;
    const { ends, endsWithOne } = sentenceEnds(line);
    count += ends + (endsWithOne ? 0 : 1);
  }
  return count;
}

/**
 * The runs of . ! ? … (with the quote marks or brackets that close them) followed by white space or the line's end,
 * in one pass: a regular expression retries a run from each of its characters, which a line of dots makes quadratic.
 */
function sentenceEnds(line: string): { ends: number; endsWithOne: boolean } {
  let ends = 0;
  for (let i = 0; i < line.length;) {
    if (!SENTENCE_PUNCTUATION.has(line[i])) {
      i++;
      continue;
    }
    while (i < line.length && SENTENCE_PUNCTUATION.has(line[i])) i++;
    while (i < line.length && CLOSING_MARKS.has(line[i])) i++;
    if (i === line.length) return { ends: ends + 1, endsWithOne: true };
    if (WHITE_SPACE.test(line[i])) ends++;
  }
  return { ends, endsWithOne: false };
}
