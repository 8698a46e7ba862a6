const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\v\f\x85]/;
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)/g;
const ENDS_A_SENTENCE = /[.!?…]+["'”’)\]]*$/;

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
    const ends = line.match(SENTENCE_END)?.length ?? 0;
    count += ends + (ENDS_A_SENTENCE.test(line) ? 0 : 1);
  }
  return count;
}
