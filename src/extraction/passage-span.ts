export interface Span {
  start: number;
  end: number;
}

export type PassageMatch = { ok: true; span: Span } | { ok: false; problem: 'empty' | 'not_found' | 'ambiguous' };

const squeezed = (text: string) => text.trim().replace(/\s+/g, ' ');

/** What `\s` matches in a regular expression, by UTF-16 code. */
function isSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The text with each run of whitespace made one space, and where each of its characters came from. */
function flattened(text: string): { flat: string; origin: Int32Array } {
  const origin = new Int32Array(text.length);
  const parts: string[] = [];
  let n = 0;
  let from = 0;
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space || !afterSpace) origin[n++] = i;
    if (space && !afterSpace) parts.push(text.slice(from, i), ' ');
    else if (!space && afterSpace) from = i;
    afterSpace = space;
  }
  if (!afterSpace) parts.push(text.slice(from));
  return { flat: parts.join(''), origin: origin.subarray(0, n) };
}

/**
 * Where a passage someone copied or selected sits in the body. Whitespace may differ (a browser turns `\r\n` into `\n`
 * and a pasted passage may wrap differently); the selection's own offsets (`near`) win when they hold the passage, and
 * pick among several occurrences otherwise. Linear in the body and passage: both are flattened once, then searched
 * by `occurrences` (a pattern built from the passage backtracked for seconds, or overflowed the stack, on long input).
 */
export function spanOfPassage(body: string, passage: string, near?: Span): PassageMatch {
  const wanted = squeezed(passage);
  if (!wanted) return { ok: false, problem: 'empty' };
  if (
    near &&
    near.end > near.start &&
    near.end <= body.length &&
    squeezed(body.slice(near.start, near.end)) === wanted
  ) {
    return { ok: true, span: near };
  }
  const { flat, origin } = flattened(body);
  // The passage starts and ends with a visible character, so each hit maps back to whole characters of the body.
  const found: Span[] = occurrences(flat, wanted).map((at) => ({
    start: origin[at],
    end: origin[at + wanted.length - 1] + 1,
  }));
  if (found.length === 0) return { ok: false, problem: 'not_found' };
  if (found.length === 1) return { ok: true, span: found[0] };
  if (!near) return { ok: false, problem: 'ambiguous' };
  const nearest = found.reduce((best, span) =>
    Math.abs(span.start - near.start) < Math.abs(best.start - near.start) ? span : best,
  );
  return { ok: true, span: nearest };
}

/**
 * Where `pattern` starts in `text`, occurrences that do not overlap, first to last: Knuth–Morris–Pratt, linear in both
 * (indexOf re-reads the text for each start on repetitive input: seconds for a megabyte of one letter).
 */
function occurrences(text: string, pattern: string): number[] {
  // fallback[i]: the length of the longest proper prefix of pattern[0..i] that is also its suffix.
  const fallback = new Int32Array(pattern.length);
  for (let i = 1, k = 0; i < pattern.length; i++) {
    while (k > 0 && pattern[i] !== pattern[k]) k = fallback[k - 1];
    if (pattern[i] === pattern[k]) k++;
    fallback[i] = k;
  }
  const starts: number[] = [];
  for (let i = 0, k = 0; i < text.length; i++) {
    while (k > 0 && text[i] !== pattern[k]) k = fallback[k - 1];
    if (text[i] === pattern[k]) k++;
    if (k === pattern.length) {
      starts.push(i - k + 1);
      // The next occurrence starts after this one ends.
      k = 0;
    }
  }
  return starts;
}
